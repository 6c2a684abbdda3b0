"""The head tags of any storefront page: which ``PageMeta`` describes what is being shown.

A view that is not a Wagtail page (the product page, the listing, search) puts its own
``PageMeta`` in the context as ``seo``. A Wagtail page is described from its own fields:
``seo_title`` or the title; ``search_description`` or the first of its summary, introduction,
tagline, description, story or body; its cover, banner or logo as the picture; the breadcrumb
as a BreadcrumbList below the home page. The page types with more to say (the home page, guides,
help articles, brands) add it through ``PAGE_DESCRIBERS``. Pages described by neither (cart,
account) get only the title their template gives.
"""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from core.seo import (
    LOGO_IMAGE_SPEC,
    SCHEMA,
    WIDE_IMAGE_SPEC,
    PageMeta,
    absolute_url,
    breadcrumb_list,
    canonical_url,
    first_text,
    seo_image,
)
from guides.models import GuideIndexPage, GuidePage
from guides.seo import guide_index_meta, guide_meta
from help_center.models import HelpArticlePage
from help_center.seo import help_article_meta
from products.models import BrandPage
from products.seo import brand_meta

from .blocks import banner_is_current
from .models import HomePage, ShopSettings

# Fields a page's description may come from, in order of preference (the first with text).
DESCRIPTION_FIELDS = ("search_description", "summary", "intro", "tagline", "description", "story")
# Fields a page's preview picture may come from, with how it is cut.
IMAGE_FIELDS = (("cover_image", WIDE_IMAGE_SPEC), ("banner", WIDE_IMAGE_SPEC))
LOGO_FIELDS = ("logo",)


def site_name(request) -> str:
    """The site's name as the header shows it."""
    site = Site.find_for_request(request) if request is not None else None
    return (site.site_name if site is not None else "") or _("Shop")


def page_meta(context) -> PageMeta | None:
    """The ``PageMeta`` of the page this context renders, or None for pages without one."""
    meta = context.get("seo")
    if isinstance(meta, PageMeta):
        return meta
    page = context.get("page")
    request = context.get("request")
    if isinstance(page, Page) and request is not None:
        return wagtail_page_meta(request, page, context)
    return None


def wagtail_page_meta(request, page, context) -> PageMeta:
    """A Wagtail page described from its own fields (see the module docstring)."""
    name = site_name(request)
    title = page.seo_title or page.title
    meta = PageMeta(
        title=title,
        description=_page_description(page)
        or _("%(title)s at %(site)s") % {"title": title, "site": name},
        canonical=canonical_url(request, request.path),
        image=_page_image(request, page),
    )
    if page.depth > 2 and not getattr(request, "is_preview", False):
        meta.structured_data.append(page_breadcrumbs(request, page))
    for page_class, describe in PAGE_DESCRIBERS:
        if isinstance(page, page_class):
            describe(request, page, meta, context=context, site_name=name)
            break
    return meta


def _page_description(page) -> str:
    values = [getattr(page, name, "") for name in DESCRIPTION_FIELDS]
    body = getattr(page, "body", None)
    if body is not None and hasattr(body, "stream_block"):
        values.append(
            " ".join(str(text) for text in body.stream_block.get_searchable_content(body))
        )
    return first_text(*values)


def _page_image(request, page):
    for name, spec in IMAGE_FIELDS:
        image = getattr(page, name, None)
        if image is not None:
            return seo_image(request, image, spec)
    for name in LOGO_FIELDS:
        image = getattr(page, name, None)
        if image is not None:
            return seo_image(request, image, LOGO_IMAGE_SPEC, page.title)
    return None


def breadcrumb_ancestors(page) -> list:
    """The pages above ``page`` from the home page down, read once per page instance (the
    visible breadcrumb and its BreadcrumbList share them)."""
    cached = getattr(page, "_breadcrumb_ancestors", None)
    if cached is None:
        cached = list(page.get_ancestors().filter(depth__gt=1))
        page._breadcrumb_ancestors = cached
    return cached


def page_breadcrumbs(request, page) -> dict:
    """The BreadcrumbList of ``includes/breadcrumb.html``: the home page ("Home"), each section
    down to the page."""
    items = [
        (_("Home") if ancestor.depth == 2 else ancestor.title, ancestor.get_url(request))
        for ancestor in breadcrumb_ancestors(page)
    ]
    items.append((page.title, page.get_url(request)))
    return breadcrumb_list(request, items)


def home_meta(request, page, meta: PageMeta, *, context: dict, site_name: str) -> None:
    """The home page: the shop as an Organization and the site with its search box."""
    meta.title = page.seo_title or _("Home")
    meta.og_title = page.seo_title or site_name
    meta.description = first_text(page.search_description) or _(
        "Browse brands, read our shopping guides or find answers in the help center."
    )
    meta.image = meta.image or _first_banner(request, page)
    root = absolute_url(request, page.get_url(request) or "/")
    meta.structured_data[:0] = [
        organization(request, root, site_name),
        website(request, root, site_name),
    ]


def _first_banner(request, page):
    # Only a banner on show now: a link preview must not advertise last week's offer.
    for block in page.body:
        if block.block_type == "banner_carousel":
            for banner in block.value["banners"]:
                if banner["image"] is not None and banner_is_current(banner):
                    return seo_image(request, banner["image"], WIDE_IMAGE_SPEC, banner["alt_text"])
    return None


def organization(request, root: str, name: str) -> dict:
    """schema.org Organization: the shop, its logo and its customer service from the shop
    settings."""
    data = {
        "@context": SCHEMA,
        "@type": "Organization",
        "name": name,
        "url": root,
        "logo": absolute_url(request, static("images/favicon.svg")),
    }
    shop = ShopSettings.for_request(request)
    contact = {"@type": "ContactPoint", "contactType": "customer service"}
    if shop.service_phone:
        contact["telephone"] = shop.service_phone
    if shop.service_email:
        contact["email"] = shop.service_email
    if len(contact) > 2:
        contact["availableLanguage"] = ["zh-Hans", "en"]
        data["contactPoint"] = [contact]
    return data


def website(request, root: str, name: str) -> dict:
    """schema.org WebSite with a SearchAction: search engines may offer the shop's search."""
    search = absolute_url(request, reverse("search"))
    return {
        "@context": SCHEMA,
        "@type": "WebSite",
        "name": name,
        "url": root,
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }


# Page types with more to say than their fields; each function takes the request, the page, its
# meta so far and, as keywords, the template context and the site name, and adds what it knows.
PAGE_DESCRIBERS = (
    (HomePage, home_meta),
    (GuidePage, guide_meta),
    (GuideIndexPage, guide_index_meta),
    (HelpArticlePage, help_article_meta),
    (BrandPage, brand_meta),
)
