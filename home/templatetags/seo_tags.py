"""Template tags of the head: the page's title and its ``PageMeta`` (see ``home.seo``), and
JSON-LD blocks that cannot be broken out of."""

from django import template
from django.utils.translation import get_language

from core.seo import json_ld, og_locale
from home.seo import breadcrumb_ancestors, page_meta, site_name

register = template.Library()


def cached_page_meta(context):
    """The page's meta, worked out once per render (the title, the head include and the
    hreflang alternates share it)."""
    cached = getattr(context, "_page_meta", None)
    if cached is None:
        cached = (page_meta(context),)
        context._page_meta = cached
    return cached[0]


@register.simple_tag(takes_context=True)
def seo_title(context) -> str:
    """The page's own title (the template adds the site's name); "" for pages without one."""
    meta = cached_page_meta(context)
    return meta.title if meta is not None else ""


@register.simple_tag(takes_context=True)
def seo_meta(context):
    """The page's ``PageMeta`` with what every head needs: the site name and the locales."""
    meta = cached_page_meta(context)
    request = context.get("request")
    language = get_language() or ""
    return {
        "meta": meta,
        "site_name": site_name(request),
        "locale": og_locale(language),
        "alternate_locales": [
            locale for locale in ("zh_CN", "en_US") if locale != og_locale(language)
        ],
    }


@register.simple_tag(name="breadcrumb_ancestors")
def breadcrumb_ancestors_tag(page) -> list:
    """The pages above ``page`` from the home page down (shared with its BreadcrumbList)."""
    return breadcrumb_ancestors(page)


@register.filter(name="json_ld")
def json_ld_filter(data):
    """``{{ data|json_ld }}``: one escaped JSON-LD script block."""
    return json_ld(data)
