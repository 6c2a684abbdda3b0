"""Content security policy: strict on the storefront, relaxed only where Wagtail's admin needs
it."""

from csp.middleware import CSPMiddleware, PolicyParts

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
