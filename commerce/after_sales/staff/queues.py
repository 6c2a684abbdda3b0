"""Each role's queue of requests, and the desk's numbers."""

from __future__ import annotations

from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from ...desks.base import paginate
from ..selectors import (
    SERVICE_FILTERS,
    after_sales_report,
    refunds_waiting,
    returns_expected,
    returns_received,
    service_queue,
    sla_colour,
)
from .desks import (
    FINANCE_DESK,
    LOGISTICS_DESK,
    REPORTS_DESK,
    SERVICE_DESK,
    TEMPLATES,
    AfterSalesPageMixin,
)


class QueueView(AfterSalesPageMixin, TemplateView):
    """One role's list of requests, oldest first, each with its age and SLA colour; each desk's
    view gives ``get_queryset()`` (its selector)."""

    template_name = TEMPLATES + "queue.html"
    empty_message = ""

    def get_context_data(self, **kwargs):
        page = paginate(self.request, self.get_queryset())
        for case in page.object_list:
            case.sla = sla_colour(case.created_at)
        return super().get_context_data(
            requests=page, orders=page, empty_message=self.empty_message, **kwargs
        )


class ServiceQueueView(QueueView):
    desk = SERVICE_DESK
    nav = "queue"
    page_title = gettext_lazy("After-sales requests to answer")
    empty_message = gettext_lazy("No request is waiting for an answer.")

    @cached_property
    def filter_name(self) -> str:
        name = self.request.GET.get("show", "waiting")
        return name if name in SERVICE_FILTERS else "waiting"

    def get_queryset(self):
        return service_queue(self.filter_name)

    def get_context_data(self, **kwargs):
        filters = [
            ("waiting", _("Waiting for us")),
            ("open", _("All open")),
            ("all", _("All")),
        ]
        return super().get_context_data(
            filters=filters, filter_name=self.filter_name, show_sla=True, **kwargs
        )


class ExpectedView(QueueView):
    desk = LOGISTICS_DESK
    nav = "expected"
    page_title = gettext_lazy("Returns expected")
    empty_message = gettext_lazy("No returned parcel is on its way.")

    def get_queryset(self):
        return returns_expected()


class ReceivedView(QueueView):
    desk = LOGISTICS_DESK
    nav = "received"
    page_title = gettext_lazy("Returns received: to send back")
    empty_message = gettext_lazy("No exchange or repair is waiting to be sent back.")

    def get_queryset(self):
        return returns_received()


class RefundsView(QueueView):
    desk = FINANCE_DESK
    nav = "refunds"
    page_title = gettext_lazy("After-sales refunds to pay")
    empty_message = gettext_lazy("No approved refund is waiting.")

    def get_queryset(self):
        return refunds_waiting()


class ReportsView(AfterSalesPageMixin, TemplateView):
    """Counts by status and reason, median answer and close times, return rate per product."""

    desk = REPORTS_DESK
    nav = "reports"
    page_title = gettext_lazy("After-sales numbers")
    template_name = TEMPLATES + "reports.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(report=after_sales_report(), **kwargs)
