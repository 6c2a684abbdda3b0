"""Language addresses: Chinese at the root (``/products/``), every other language under its
own prefix (``/en/products/``), as ``i18n_patterns(prefix_default_language=False)`` serves them.

The address decides the language of a storefront page; the language cookie only remembers
the shopper's choice. A shopper who chose English and opens a root address (an old link, a
bookmark from before the English addresses) is sent to its ``/en/`` twin; without that choice
a root address shows Chinese. Addresses outside the storefront (the admin, the sitemap,
robots.txt, the health check, files) carry no prefix and keep reading the language from the
cookie and the browser, as before.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.middleware.locale import LocaleMiddleware
from django.urls import LocalePrefixPattern, Resolver404, URLResolver, get_resolver, resolve
from django.utils import translation
from django.utils.cache import patch_vary_headers

# Storefront views a browser fetches from a page's script, never navigates to: they answer in
# the language of their address and are never redirected to another language's address.
NOT_REDIRECTED_URL_NAMES = frozenset(
    {
        "search_suggest",
        "checkout_shipping_quotes",
        "product_shipping",
        "payment_notify",
        "javascript-catalog",
    }
)
# What hreflang and Open Graph call each language (BCP 47, script subtag capitalised).
HREFLANG = {"zh-hans": "zh-Hans", "en": "en"}
REDIRECT_METHODS = ("GET", "HEAD")


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def language_prefix(language: str) -> str:
    """The path prefix of ``language``: "" for the default language, "/en" for English."""
    return "" if language == settings.LANGUAGE_CODE else f"/{language}"


def split_language(path: str) -> tuple[str, str]:
    """``path``'s language (from its prefix; the default language without one) and the path
    without the prefix: ``"/en/products/"`` → ``("en", "/products/")``."""
    for code in language_codes():
        prefix = language_prefix(code)
        if prefix and (path == prefix or path.startswith(f"{prefix}/")):
            return code, path[len(prefix) :] or "/"
    return settings.LANGUAGE_CODE, path


def path_in_language(path: str, language: str) -> str:
    """The same storefront address in ``language``; the query string and fragment stay.

    ``"/en/products/?page=2"`` → ``"/products/?page=2"`` for Chinese. Idempotent: a path
    already in ``language`` comes back unchanged.
    """
    _language, rest = split_language(path)
    return f"{language_prefix(language)}{rest}"


def is_storefront_path(path: str) -> bool:
    """Whether ``path`` (without a language prefix) is served by the language patterns.

    The admin, documents, the sitemap, robots.txt, the health check and files are matched
    first by the unprefixed patterns of the URLconf; everything else is the storefront.
    """
    if path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
        return False  # files WhiteNoise or the web server did not find
    relative = path.removeprefix("/")
    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, URLResolver) and isinstance(pattern.pattern, LocalePrefixPattern):
            continue
        # An include's own prefix ("admin/") is enough: everything under it is unprefixed.
        if pattern.pattern.match(relative) is not None:
            return False
    return True


def localized_path(path: str, language: str | None = None) -> str:
    """A site-relative storefront link (``/help/``) in ``language`` (the active one by default);
    anything else (absolute addresses, the admin, files, ``#top``) unchanged."""
    if not isinstance(path, str) or not path.startswith("/") or path.startswith("//"):
        return path
    _language, rest = split_language(path.split("?", 1)[0].split("#", 1)[0])
    if not is_storefront_path(rest):
        return path
    return path_in_language(path, language or translation.get_language())


def cookie_language(request) -> str | None:
    """The language the shopper chose with the language switch, if it is one of the shop's."""
    value = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if not value:
        return None
    try:
        return translation.get_supported_language_variant(value)
    except LookupError:
        return None


class ShopLocaleMiddleware(LocaleMiddleware):
    """Django's ``LocaleMiddleware`` for the language addresses (see the module docstring).

    Storefront addresses take their language from the prefix, exactly as Django does. A GET
    of a root storefront page by a shopper whose cookie holds another language is
    redirected to that language's address before any view or visit counting runs; POSTs,
    scripts' requests and the views in ``NOT_REDIRECTED_URL_NAMES`` are never redirected.
    Unprefixed addresses outside the storefront read the cookie and the browser's
    languages, so the admin speaks the language its user chose.
    """

    def process_request(self, request):
        path = request.path_info
        prefixed = translation.get_language_from_path(path) is not None
        request.storefront_root = not prefixed and is_storefront_path(path)
        if prefixed or request.storefront_root:
            redirect = self._chosen_language_redirect(request)
            if redirect is not None:
                return redirect
            return super().process_request(request)
        translation.activate(translation.get_language_from_request(request))
        request.LANGUAGE_CODE = translation.get_language()
        return None

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if getattr(request, "storefront_root", False):
            # The same root address answers Chinese or a redirect depending on the cookie.
            patch_vary_headers(response, ("Cookie",))
        return response

    def _chosen_language_redirect(self, request):
        if not request.storefront_root or request.method not in REDIRECT_METHODS:
            return None
        language = cookie_language(request)
        if language is None or language == settings.LANGUAGE_CODE:
            return None
        if not self._is_navigation(request):
            return None
        try:
            match = resolve(request.path_info)
        except Resolver404:
            match = None
        if match is not None and match.url_name in NOT_REDIRECTED_URL_NAMES:
            return None
        response = HttpResponseRedirect(path_in_language(request.get_full_path(), language))
        patch_vary_headers(response, ("Cookie",))
        return response

    @staticmethod
    def _is_navigation(request) -> bool:
        """A browser opening a page (it asks for HTML) rather than a page's script or an
        image fetching something; a request without an Accept header counts as opening."""
        if request.headers.get("X-Requested-With"):
            return False
        accept = request.headers.get("Accept")
        return accept is None or "text/html" in accept
