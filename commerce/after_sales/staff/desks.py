"""The after-sales desk's roles, tabs and the mixin every staff page of it shares."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpResponseNotAllowed
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy

from ...desks.base import Desk, DeskMixin, Tab
from ..models import AfterSalesKind, AfterSalesStatus
from ..selectors import (
    sla_hours,
)

TEMPLATES = "commerce/after_sales/admin/"
SERVICE = "commerce.serve_customer"
LOGISTICS = "commerce.fulfil_order"
FINANCE = "commerce.record_payment"
ANY_ROLE = (SERVICE, LOGISTICS, FINANCE)
# The numbers are for the three roles and for merchandisers (a product's return rate).
REPORT_READERS = (*ANY_ROLE, "products.change_product")
S = AfterSalesStatus
K = AfterSalesKind


@dataclass(frozen=True)
class RoleTab(Tab):
    """A tab of the after-sales desk, shown to users with one of its ``permissions``."""

    permissions: tuple[str, ...] = ()

    def shown_to(self, user) -> bool:
        return any(user.has_perm(name) for name in self.permissions)


TABS = (
    RoleTab(
        "after_sales:queue", gettext_lazy("Requests to answer"), "help", permissions=(SERVICE,)
    ),
    RoleTab(
        "after_sales:expected", gettext_lazy("Returns expected"), "mail", permissions=(LOGISTICS,)
    ),
    RoleTab(
        "after_sales:received",
        gettext_lazy("Returns received"),
        "tick-inverse",
        permissions=(LOGISTICS,),
    ),
    RoleTab(
        "after_sales:refunds", gettext_lazy("Refunds to pay"), "arrow-left", permissions=(FINANCE,)
    ),
    RoleTab("after_sales:reports", gettext_lazy("Numbers"), "table", permissions=REPORT_READERS),
)


@dataclass(frozen=True)
class RoleDesk(Desk):
    """A desk page open to users with any of ``permissions``."""

    permissions: tuple[str, ...] = ()

    def refusal(self, request, *, post_only: bool = False):
        if not any(request.user.has_perm(name) for name in self.permissions):
            return self.forbidden(request)
        if post_only and request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return None


def _desk(permission: str, message) -> RoleDesk:
    return RoleDesk(
        permission=permission,
        permissions=(permission,) if permission else ANY_ROLE,
        label=gettext_lazy("After-sales"),
        templates=TEMPLATES,
        icon="rotate",
        menu_icon="rotate",
        forbidden_message=message,
        tabs=TABS,
    )


SERVICE_DESK = _desk(
    SERVICE,
    gettext_lazy("Only customer service and managers answer after-sales requests."),
)
LOGISTICS_DESK = _desk(
    LOGISTICS, gettext_lazy("Only logistics and managers receive returned parcels.")
)
FINANCE_DESK = _desk(FINANCE, gettext_lazy("Only finance and managers pay refunds."))
ANY_DESK = _desk(
    "",
    gettext_lazy("Only customer service, logistics, finance and managers see after-sales."),
)
REPORTS_DESK = RoleDesk(
    permission="",
    permissions=REPORT_READERS,
    label=gettext_lazy("After-sales"),
    templates=TEMPLATES,
    icon="rotate",
    menu_icon="rotate",
    forbidden_message=gettext_lazy(
        "Only customer service, logistics, finance, merchandisers and managers see these numbers."
    ),
    tabs=TABS,
)
CANCEL_DESK = RoleDesk(
    permission="",
    permissions=(SERVICE, LOGISTICS),
    label=gettext_lazy("Cancel an order"),
    templates=TEMPLATES,
    icon="cross",
    menu_icon="cross",
    forbidden_message=gettext_lazy(
        "Only customer service, logistics and managers may cancel orders."
    ),
    tabs=TABS,
)


class AfterSalesPageMixin(DeskMixin):
    """A desk page with the tabs the user's role may open (the first is their home)."""

    @cached_property
    def tabs(self) -> list[RoleTab]:
        user = self.request.user
        return [tab for tab in TABS if tab.shown_to(user)]

    @property
    def index_url_name(self):
        return self.tabs[0].url_name

    def get_context_data(self, **kwargs):
        return super().get_context_data(tabs=self.tabs, sla_hours=sla_hours(), **kwargs)
