"""Language addresses in templates (core/languages.py): the hreflang alternates of a page,
the home page's address and editors' site-relative links in the language being shown."""

from urllib.parse import urlencode, urlsplit

from django import template
from django.conf import settings
from django.utils import translation

from core.events import CLICK_PARAMETER, UTM_PARAMETERS
from core.languages import HREFLANG, language_codes, localized_path, path_in_language

from .seo_tags import cached_page_meta

register = template.Library()

# Parameters that say where a click came from, not what the page shows.
NOT_ALTERNATE_PARAMETERS = frozenset((CLICK_PARAMETER, *UTM_PARAMETERS))


def _page_address(context, request) -> str:
    """The page's canonical address (alternates must name canonical addresses: the listing's
    drops the sort and the first page's number); without one, the request's path with the
    query parameters that change what it shows."""
    meta = cached_page_meta(context)
    if meta is not None and meta.canonical:
        canonical = urlsplit(meta.canonical)
        return f"{canonical.path}?{canonical.query}" if canonical.query else canonical.path
    kept = [
        (name, value)
        for name, values in request.GET.lists()
        if name not in NOT_ALTERNATE_PARAMETERS
        for value in values
    ]
    return f"{request.path}?{urlencode(kept)}" if kept else request.path


@register.simple_tag(takes_context=True)
def language_alternates(context) -> list[dict]:
    """The page's absolute address in every language, then ``x-default`` (the default
    language's); empty on previews, which are never indexed."""
    request = context.get("request")
    if request is None or getattr(request, "is_preview", False):
        return []
    address = _page_address(context, request)
    alternates = [
        {
            "hreflang": HREFLANG.get(code, code),
            "url": request.build_absolute_uri(path_in_language(address, code)),
        }
        for code in language_codes()
    ]
    default = request.build_absolute_uri(path_in_language(address, settings.LANGUAGE_CODE))
    return [*alternates, {"hreflang": "x-default", "url": default}]


@register.simple_tag
def home_url() -> str:
    """The home page in the language being shown: ``/`` or ``/en/``."""
    return path_in_language("/", translation.get_language())


@register.filter
def localized(value):
    """A site-relative storefront link an editor typed (``/help/``) in the language being
    shown (``/en/help/`` on English pages); other links unchanged."""
    return localized_path(value)
