"""Analytics' wiring, registration only: the event buffer's hooks (core.events), the product
page's recommendation rows, the report pages and their entries in the Reports menu."""

from wagtail import hooks

from commerce.promotions.region import shopper_province
from core.events import BUFFER_READY_HOOK, PROVINCE_HOOK
from products.detail import PRODUCT_PAGE_HOOK

from .admin import ReportMenuItem, admin_urls
from .recommendations.selectors import product_page_rows
from .reports import REPORTS
from .services import events_flush_soon

hooks.register(BUFFER_READY_HOOK, events_flush_soon)
hooks.register(PROVINCE_HOOK, shopper_province)
hooks.register(PRODUCT_PAGE_HOOK, product_page_rows)

# The Reports menu (Wagtail's own, next to its page reports): one entry per shop report.
hooks.register("register_admin_urls", admin_urls)
for _order, _spec in enumerate(REPORTS.values()):
    hooks.register(
        "register_reports_menu_item",
        lambda spec=_spec, order=_order: ReportMenuItem(spec, order=10 + order),
    )
