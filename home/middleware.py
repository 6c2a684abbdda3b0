"""Storefront response headers: the content security policy (strict on the storefront, relaxed
only where Wagtail's admin needs it) and Baidu's "do not transcode" (F-36)."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.utils.cache import patch_cache_control

# Wagtail's admin templates initialise widgets (date pickers, inline panels) with
# inline scripts; the storefront has none, so only admin pages get these sources.
ADMIN_PREFIXES = ("/admin/",)
ADMIN_SCRIPT_SOURCES = {"script-src": ["'unsafe-inline'", "'unsafe-eval'"]}


class ShopCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIXES):
            parts.update = {**(parts.update or {}), **ADMIN_SCRIPT_SOURCES}
        return parts


def no_transform_middleware(get_response):
    """``Cache-Control: no-transform`` on storefront pages: Baidu's mobile search otherwise
    serves phones its own transcoded copy of a page (the shop's pages fit phones already),
    as the ``applicable-device`` meta tag tells it too."""

    def middleware(request):
        response = get_response(request)
        is_page = response.get("Content-Type", "").startswith("text/html")
        if is_page and not request.path_info.startswith(ADMIN_PREFIXES):
            patch_cache_control(response, no_transform=True)
        return response

    return middleware
