"""The storefront frame's cached parts (home/frame.py): the header menu and the footer's key."""

from django import template

from ..frame import FRAME_TIMEOUT, frame_version, menu_links

register = template.Library()


@register.inclusion_tag("includes/category_menu.html", takes_context=True)
def category_menu(context):
    """The header menu: top categories with their subcategories, then the site's sections;
    the links come from the frame cache, only "current" is worked out per request."""
    request = context.get("request")
    categories, sections = menu_links(context.get("current_site"))
    return {
        "categories": categories,
        "sections": sections,
        "current_category": request.GET.get("category") if request is not None else None,
        "page": context.get("page"),
        "request": request,
    }


@register.simple_tag
def frame_cache_key() -> str:
    """Part of the footer's fragment-cache key: bumped whenever the footer may change."""
    return str(frame_version())


@register.simple_tag
def frame_timeout() -> int:
    return FRAME_TIMEOUT
