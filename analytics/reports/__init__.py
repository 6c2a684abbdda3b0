"""The shop's reports (sales, products, funnel, traffic, promotions, search), read from the
daily rollups; ``REPORTS`` names each with the right it needs. The admin views are in
``analytics.admin``."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .base import Report
from .funnel import funnel_report
from .periods import Period
from .products import products_report
from .promotions import promotions_report
from .sales import sales_report
from .search import search_report
from .traffic import traffic_report


@dataclass(frozen=True)
class ReportSpec:
    slug: str
    title: str
    permission: str
    build: Callable[..., Report]
    icon: str = "table"
    # Options the report reads from the query string (name: allowed values, first default).
    options: dict | None = None


REPORTS: dict[str, ReportSpec] = {
    spec.slug: spec
    for spec in [
        ReportSpec(
            "sales",
            _("Sales"),
            "analytics.view_sales_report",
            sales_report,
            icon="table",
            options={"grain": ("day", "week", "month")},
        ),
        ReportSpec("products", _("Products"), "analytics.view_products_report", products_report),
        ReportSpec("funnel", _("Funnel"), "analytics.view_funnel_report", funnel_report),
        ReportSpec("traffic", _("Traffic"), "analytics.view_traffic_report", traffic_report),
        ReportSpec(
            "promotions",
            _("Promotions and red packets"),
            "analytics.view_promotions_report",
            promotions_report,
        ),
        ReportSpec("search", _("Search"), "search.view_search_report", search_report),
    ]
}

__all__ = ["REPORTS", "Period", "Report", "ReportSpec"]
