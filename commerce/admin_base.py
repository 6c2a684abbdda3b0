"""What the commerce admin screens share: menu entries and queues shown by right, the admin chrome
with a breadcrumb back to the section's list, listings without generic forms, and
audit-log formatters, and the form of offers limited to provinces.

The desks (``commerce.desks``), the red packets and the stock ledger build on these;
``commerce/wagtail_hooks.py`` registers what they build.
"""

from collections.abc import Callable

from django import forms
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem, SubmenuMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.log_actions import LogFormatter

from core.regions import PROVINCES

# Who may see an entry: a permission name ("commerce.fulfil_order") or a test of the user.
Check = str | Callable[..., bool] | None


def passes(user, check: Check) -> bool:
    """Whether ``user`` passes ``check`` (no check: everyone does)."""
    if check is None:
        return True
    if isinstance(check, str):
        return user.has_perm(check)
    return check(user)


class PermissionMenuItem(MenuItem):
    """A menu entry shown only to users who pass ``check``.

    The views behind it check the right themselves; hiding the entry only spares
    staff a link they cannot use.
    """

    def __init__(self, *args, check: Check, **kwargs):
        super().__init__(*args, **kwargs)
        self.check = check

    def is_shown(self, request):
        return passes(request.user, self.check)


class StaffQueueViewSet(ViewSet):
    """A queue's own admin pages (``queue_urls``) under ``/admin/<url_prefix>/`` and their
    menu entry, shown to staff who pass ``menu_check``."""

    queue_urls: list = []
    menu_check: Check = None

    def get_urlpatterns(self):
        return self.queue_urls

    def get_menu_item(self, order=None):
        return PermissionMenuItem(
            self.menu_label,
            self.menu_url,
            name=self.url_prefix,
            icon_name=self.icon,
            order=self.get_menu_item_order(order),
            check=self.menu_check,
        )


class PermissionSubmenuMenuItem(SubmenuMenuItem):
    """A submenu shown to users who pass ``check`` and may see one of its entries."""

    def __init__(self, *args, check: Check = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.check = check

    def is_shown(self, request):
        return passes(request.user, self.check) and super().is_shown(request)


class StaffPageMixin(WagtailAdminTemplateMixin):
    """Admin chrome whose breadcrumbs lead back to the section's first page."""

    index_url_name = ""
    index_label = ""

    def get_breadcrumbs_items(self):
        index = {"url": reverse(self.index_url_name), "label": self.index_label}
        return [*self.breadcrumbs_items, index, {"url": "", "label": self.get_page_title()}]


class ActionsOnlyViewSetMixin:
    """A model viewset without add, edit or delete forms: its rows change only through the
    feature's own actions (issuing, booking stock…), which check and log each change."""

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            add_url_name=None, edit_url_name=None, delete_url_name=None, **kwargs
        )

    def listing_urlpatterns(self) -> list:
        """The listing and its results fragment; subclasses add their actions."""
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]


def simple_log_formatter(label, message) -> type[LogFormatter]:
    """The formatter of an audit-log action whose message needs no data from the entry."""
    return type("SimpleLogFormatter", (LogFormatter,), {"label": label, "message": message})


def data_log_formatter(label, message, *, default="", **fields) -> type[LogFormatter]:
    """The formatter of an audit-log action whose message is ``message`` with each
    ``%(name)s`` filled from the entry's data: ``fields`` maps a name to its key there."""

    def format_message(self, log_entry):
        data = log_entry.data
        return message % {name: data.get(key, default) for name, key in fields.items()}

    return type(
        "DataLogFormatter", (LogFormatter,), {"label": label, "format_message": format_message}
    )


class CalendarColumn(Column):
    """A date as a calendar date and time ("2027-03-07 23:59", Asia/Shanghai), for dates
    that may lie ahead: Wagtail's ``DateColumn`` reads every date as "… ago" and shows a
    future one as "just now"."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return shop_time(value) if value else ""


def shop_time(value) -> str:
    """A moment as the shop's staff read it: "2026-12-07 14:05" in the shop's time zone
    (Asia/Shanghai), never UTC."""
    return format_date(timezone.localtime(value), "Y-m-d H:i")


class RegionalOfferForm(WagtailAdminModelForm):
    """An offer's form (campaigns, bundles): provinces as checkboxes, stored as a list of
    province codes."""

    provinces = forms.MultipleChoiceField(
        label=_("only for deliveries to"),
        choices=PROVINCES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty for everywhere."),
    )

    def clean_provinces(self):
        return sorted(set(self.cleaned_data.get("provinces") or []))
