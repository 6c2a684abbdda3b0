"""The search page's head: a title and description naming the query, its own address, and
"noindex" (results pages are for shoppers, not for search engines' indexes)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.seo import PageMeta, canonical_url, paged_description, paged_title


def search_meta(request, query: str, page=None) -> PageMeta:
    """The results page for ``query`` (page numbers from the second on); the empty search page
    without a query."""
    number = page.number if page is not None else 1
    if query:
        title = _("Search: %(query)s") % {"query": query}
        description = _("Products, guides and help articles for “%(query)s”.") % {"query": query}
    else:
        title = _("Search")
        description = _("Search the shop's products, guides and help articles.")
    params = [("q", query)] + ([("page", str(number))] if number > 1 else [])
    return PageMeta(
        title=paged_title(title, number),
        description=paged_description(description, number),
        canonical=canonical_url(request, reverse("search"), params),
        robots="noindex, follow",
    )
