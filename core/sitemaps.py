"""Sitemaps in every language of the shop, with their ``xhtml:link`` alternates (F-36).

Each address is listed once per language (``/products/x/`` and ``/en/products/x/``), each
entry naming both and ``x-default`` (the Chinese one). Every address is built from the
scheme and host of the sitemap's own request, the same source robots.txt uses, so all
sections agree with the address the crawler asked for. ``lastmod`` is the item's own edit
time.
"""

from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.utils.functional import cached_property

from .languages import HREFLANG, language_codes


class _PerLanguage:
    """A lazy sequence of (item, language) pairs over a queryset: a page of the sitemap
    fetches only its own slice of the queryset, whatever the number of items."""

    def __init__(self, items, languages: list[str]):
        self.items = items
        self.languages = languages

    def __len__(self) -> int:
        count = self.items.count() if hasattr(self.items, "count") else len(self.items)
        return count * len(self.languages)

    def __getitem__(self, index):
        width = len(self.languages)
        if not isinstance(index, slice):
            return (self.items[index // width], self.languages[index % width])
        start, stop, _step = index.indices(len(self))
        first, last = start // width, -(-stop // width)
        pairs = [
            (item, language) for item in self.items[first:last] for language in self.languages
        ]
        offset = start - first * width
        return pairs[offset : offset + (stop - start)]


class BilingualSitemap(Sitemap):
    """A Django sitemap listing each item in every language, with hreflang alternates.

    Subclasses give ``items()`` (a queryset, ordered), ``location(item)`` (a site-relative
    path, reversed in the language being listed) and ``lastmod(item)``, and
    ``latest_lastmod_of_all()`` for the sitemap index (one query, not one per item).
    """

    i18n = True
    alternates = True
    x_default = True

    def _languages(self):
        return language_codes()

    @cached_property
    def _listed(self):
        return _PerLanguage(self.items(), self._languages())

    @property
    def paginator(self):
        return Paginator(self._listed, self.limit)

    def _items(self):
        return self._listed

    def _urls(self, page, protocol, domain):
        # Django's own listing, even when a subclass also inherits Wagtail's (page by page).
        urls = Sitemap._urls(self, page, protocol, domain)
        for url in urls:
            for alternate in url["alternates"]:
                alternate["lang_code"] = HREFLANG.get(
                    alternate["lang_code"], alternate["lang_code"]
                )
        return urls

    def get_latest_lastmod(self):
        return self.latest_lastmod_of_all()

    def latest_lastmod_of_all(self):
        return None
