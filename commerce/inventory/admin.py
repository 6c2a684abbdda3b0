"""Admin for the inventory ledger: purchase in (one at a time or a CSV file), adjust,
stock-take, the movements list and the low-stock report.

Every form calls a function of ``commerce.inventory.services``, which writes the
movement and the Stock row together; nothing here touches on hand or reserved itself. Changing
stock needs "fulfil orders" (Logistics, Managers); seeing the ledger and the report
needs that or "view stock" (Customer service, Merchandisers).
"""

from decimal import Decimal

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy

from core.errors import CommerceError

from ..admin_base import (
    ActionsOnlyViewSetMixin,
    PermissionMenuItem,
    StaffPageMixin,
    data_log_formatter,
)
from .csv_import import RowProblem, parse_purchase_csv
from .models import StockMovement
from .selectors import low_stock_rows
from .services import (
    MAX_UNITS,
    stock_adjust,
    stock_count,
    stock_receive,
    stock_receive_many,
)

VIEWSET = "stock_movements"
INVENTORY_SUBMENU_HOOK = "register_inventory_menu_item"  # extra entries of the "Inventory" menu
MAX_CSV_BYTES = 2 * 1024 * 1024
LOW_STOCK_PER_PAGE = 50


def can_change_stock(user) -> bool:
    return user.has_perm("commerce.fulfil_order")


def can_see_stock(user) -> bool:
    return can_change_stock(user) or user.has_perm("products.view_stock")


class StockLedgerPermissionPolicy(ModelPermissionPolicy):
    """Movements are only ever written by ``commerce.inventory.services``: everyone who sees
    stock may view them, nobody may add, edit or delete one."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and can_see_stock(user)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and self.user_has_permission(user, "view")


# Forms ----------------------------------------------------------------------------------


def _sku_field():
    return forms.CharField(label=gettext_lazy("SKU"), max_length=64)


class PurchaseInForm(forms.Form):
    sku = _sku_field()
    quantity = forms.IntegerField(
        label=gettext_lazy("Quantity received"), min_value=1, max_value=MAX_UNITS
    )
    supplier_reference = forms.CharField(
        label=gettext_lazy("Supplier reference"),
        max_length=80,
        help_text=gettext_lazy("Delivery note or invoice number."),
    )
    unit_cost = forms.DecimalField(
        label=gettext_lazy("Unit cost (¥)"),
        min_value=Decimal("0"),
        max_digits=10,
        decimal_places=2,
    )


class AdjustForm(forms.Form):
    sku = _sku_field()
    on_hand_change = forms.IntegerField(
        label=gettext_lazy("Change of on hand"),
        min_value=-MAX_UNITS,
        max_value=MAX_UNITS,
        help_text=gettext_lazy("Positive adds units, negative removes them: 5 or -2."),
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=300,
        help_text=gettext_lazy("Required; kept with the movement (breakage, found, samples…)."),
    )


class StockTakeForm(forms.Form):
    sku = _sku_field()
    counted = forms.IntegerField(
        label=gettext_lazy("Units counted on the shelf"), min_value=0, max_value=MAX_UNITS
    )


class PurchaseImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy(
            "Columns: sku, quantity, supplier_reference, unit_cost (UTF-8 or GB18030, first line "
            "the column names)."
        ),
    )


# Views -----------------------------------------------------------------------------------


class StockDeskMixin(StaffPageMixin):
    """Admin chrome plus the right to change stock ("fulfil orders"); Wagtail turns the
    PermissionDenied into its usual "no permission" redirect."""

    header_icon = "clipboard-list"
    index_url_name = f"{VIEWSET}:index"
    index_label = gettext_lazy("Stock movements")

    def dispatch(self, request, *args, **kwargs):
        if not self.user_allowed(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def user_allowed(self, user) -> bool:
        return can_change_stock(user)


def movements_url(sku: str = "") -> str:
    return reverse(f"{VIEWSET}:index") + ("?" + urlencode({"sku": sku}) if sku else "")


class StockFormView(StockDeskMixin, FormView):
    """Form → one inventory function → back to the SKU's movements; a refusal becomes a form
    error."""

    template_name = "commerce/inventory/admin/form.html"
    submit_label = gettext_lazy("Save")

    def get_initial(self):
        return {"sku": self.request.GET.get("sku", "")}

    def get_context_data(self, **kwargs):
        return super().get_context_data(submit_label=self.submit_label, **kwargs)

    def form_valid(self, form):
        try:
            movement = self.apply(form.cleaned_data)
        except CommerceError as error:
            form.add_error("sku" if error.code == "unknown_sku" else None, error.message)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message(movement))
        return redirect(movements_url(movement.sku))


class PurchaseInView(StockFormView):
    form_class = PurchaseInForm
    page_title = gettext_lazy("Purchase in")
    submit_label = gettext_lazy("Book purchase in")

    def apply(self, data):
        return stock_receive(
            sku=data["sku"].strip(),
            quantity=data["quantity"],
            supplier_reference=data["supplier_reference"],
            unit_cost=data["unit_cost"],
            actor=self.request.user,
        )

    def success_message(self, movement):
        return _("Booked %(quantity)d units of %(sku)s in (%(reference)s).") % {
            "quantity": movement.on_hand_change,
            "sku": movement.sku,
            "reference": movement.supplier_reference,
        }


class AdjustView(StockFormView):
    form_class = AdjustForm
    page_title = gettext_lazy("Adjust stock")
    submit_label = gettext_lazy("Adjust")

    def apply(self, data):
        return stock_adjust(
            sku=data["sku"].strip(),
            on_hand_change=data["on_hand_change"],
            reason=data["reason"],
            actor=self.request.user,
        )

    def success_message(self, movement):
        return _("On hand of %(sku)s changed by %(change)+d.") % {
            "sku": movement.sku,
            "change": movement.on_hand_change,
        }


class StockTakeView(StockFormView):
    form_class = StockTakeForm
    page_title = gettext_lazy("Stock-take")
    submit_label = gettext_lazy("Record count")

    def apply(self, data):
        return stock_count(
            sku=data["sku"].strip(), counted=data["counted"], actor=self.request.user
        )

    def success_message(self, movement):
        return _("Count of %(sku)s recorded; on hand changed by %(change)+d.") % {
            "sku": movement.sku,
            "change": movement.on_hand_change,
        }


class PurchaseImportView(StockDeskMixin, FormView):
    """Upload → every row checked → all booked in one transaction, or nothing and a per-row
    report."""

    form_class = PurchaseImportForm
    template_name = "commerce/inventory/admin/import.html"
    page_title = gettext_lazy("Import purchases (CSV)")

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        if upload.size > MAX_CSV_BYTES:
            form.add_error("file", _("The file is larger than 2 MB; please split it."))
            return self.form_invalid(form)
        purchases, problems = parse_purchase_csv(upload.read())
        if not problems:
            try:
                movements = stock_receive_many(purchases=purchases, actor=self.request.user)
            except CommerceError as error:  # e.g. a SKU deleted between the check and the booking
                problems = [RowProblem(0, "", error.message)]
        if problems:
            form.add_error(
                None, _("Nothing was booked. Correct these rows and upload the file again.")
            )
            return self.render_to_response(self.get_context_data(form=form, problems=problems))
        messages.success(
            self.request,
            _("Booked %(count)d purchase-in rows, %(units)d units in all.")
            % {
                "count": len(movements),
                "units": sum(movement.on_hand_change for movement in movements),
            },
        )
        return redirect(reverse(f"{VIEWSET}:index") + "?kind=" + StockMovement.Kind.PURCHASE_IN)


class LowStockView(StockDeskMixin, TemplateView):
    template_name = "commerce/inventory/admin/low_stock.html"
    page_title = gettext_lazy("Low stock")
    header_icon = "warning"

    def user_allowed(self, user) -> bool:
        return can_see_stock(user)

    def get_context_data(self, **kwargs):
        page = Paginator(low_stock_rows(), LOW_STOCK_PER_PAGE).get_page(self.request.GET.get("p"))
        return super().get_context_data(
            page=page, can_change=can_change_stock(self.request.user), **kwargs
        )


# The movements list ------------------------------------------------------------------------


class StockMovementFilterSet(WagtailFilterSet):
    sku = django_filters.CharFilter(label=gettext_lazy("SKU"), lookup_expr="iexact")
    kind = django_filters.ChoiceFilter(
        label=gettext_lazy("Kind"), choices=StockMovement.Kind.choices
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Date"), widget=DateRangePickerWidget
    )

    class Meta:
        model = StockMovement
        fields = ["sku", "kind", "created_at"]


class StockMovementIndexView(IndexView):
    """The ledger, newest first; buttons to the forms for staff who may change stock."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("order", "actor")

    @property
    def header_buttons(self):
        if not can_change_stock(self.request.user):
            return []
        sku = self.request.GET.get("sku", "")
        query = "?" + urlencode({"sku": sku}) if sku else ""
        return [
            HeaderButton(
                _("Purchase in"), url=reverse(f"{VIEWSET}:purchase_in") + query, icon_name="plus"
            ),
            HeaderButton(
                _("Import CSV"), url=reverse(f"{VIEWSET}:purchase_import"), icon_name="upload"
            ),
            HeaderButton(_("Adjust"), url=reverse(f"{VIEWSET}:adjust") + query, icon_name="edit"),
            HeaderButton(
                _("Stock-take"), url=reverse(f"{VIEWSET}:stocktake") + query, icon_name="tasks"
            ),
        ]


class StockMovementViewSet(ActionsOnlyViewSetMixin, ModelViewSet):
    model = StockMovement
    name = VIEWSET
    icon = "list-ul"
    menu_label = gettext_lazy("Stock movements")
    index_view_class = StockMovementIndexView
    list_display = [
        DateColumn("created_at", label=gettext_lazy("When")),
        Column("sku", label=gettext_lazy("SKU")),
        Column("get_kind_display", label=gettext_lazy("Kind"), sort_key="kind"),
        Column("on_hand_change", label=gettext_lazy("On hand ±")),
        Column("reserved_change", label=gettext_lazy("Reserved ±")),
        Column("order", label=gettext_lazy("Order")),
        Column("supplier_reference", label=gettext_lazy("Supplier reference")),
        Column("unit_cost", label=gettext_lazy("Unit cost")),
        Column("reason", label=gettext_lazy("Reason")),
        Column("actor", label=gettext_lazy("By")),
    ]
    filterset_class = StockMovementFilterSet
    search_fields = ["sku", "supplier_reference", "reason"]
    search_backend_name = None  # plain database filtering: movements are not in the search index
    ordering = ["-created_at", "-pk"]
    list_per_page = 50
    copy_view_enabled = False

    def get_urlpatterns(self):
        # No add/edit/delete: a movement is written by commerce.inventory.services and never
        # changed.
        return [
            *self.listing_urlpatterns(),
            path("purchase-in/", PurchaseInView.as_view(), name="purchase_in"),
            path("purchase-in/import/", PurchaseImportView.as_view(), name="purchase_import"),
            path("adjust/", AdjustView.as_view(), name="adjust"),
            path("stock-take/", StockTakeView.as_view(), name="stocktake"),
            path("low-stock/", LowStockView.as_view(), name="low_stock"),
        ]


class InventoryViewSetGroup(ModelViewSetGroup):
    menu_label = gettext_lazy("Inventory")
    menu_icon = "clipboard-list"
    menu_order = 260
    items = (StockMovementViewSet,)
    submenu_hook = INVENTORY_SUBMENU_HOOK


def _menu_item(label, view: str, name: str, icon: str, order: int, check=can_change_stock):
    """A hook function adding one entry to the Inventory menu (built with the menu, once the
    viewset's urls exist)."""

    def menu_item():
        url = reverse(f"{VIEWSET}:{view}")
        return PermissionMenuItem(label, url, name=name, icon_name=icon, order=order, check=check)

    return menu_item


MENU_ITEMS = (
    _menu_item(gettext_lazy("Purchase in"), "purchase_in", "stock-purchase-in", "plus", 900),
    _menu_item(
        gettext_lazy("Import purchases (CSV)"),
        "purchase_import",
        "stock-purchase-import",
        "upload",
        910,
    ),
    _menu_item(gettext_lazy("Adjust stock"), "adjust", "stock-adjust", "edit", 920),
    _menu_item(gettext_lazy("Stock-take"), "stocktake", "stock-take", "tasks", 930),
    _menu_item(
        gettext_lazy("Low stock"), "low_stock", "stock-low", "warning", 940, check=can_see_stock
    ),
)

# The ledger's audit-log actions, shown in Site history and each Stock row's history.
LOG_ACTIONS = {
    "commerce.stock.purchase_in": data_log_formatter(
        gettext_lazy("Stock: purchase in"),
        gettext_lazy("Received %(quantity)s units (%(reference)s, unit cost ¥%(cost)s)"),
        default=None,
        quantity="quantity",
        reference="supplier_reference",
        cost="unit_cost",
    ),
    "commerce.stock.adjust": data_log_formatter(
        gettext_lazy("Stock: adjustment"),
        gettext_lazy("Changed on hand by %(change)s: %(reason)s"),
        default=None,
        change="change",
        reason="reason",
    ),
    "commerce.stock.count": data_log_formatter(
        gettext_lazy("Stock: stock-take"),
        gettext_lazy("Counted %(counted)s units (on hand was %(before)s)"),
        default=None,
        counted="counted",
        before="before",
    ),
    "commerce.stock.return_in": data_log_formatter(
        gettext_lazy("Stock: return"),
        gettext_lazy("%(quantity)s units came back from order %(order)s"),
        default=None,
        quantity="quantity",
        order="order",
    ),
    "commerce.stock.damaged": data_log_formatter(
        gettext_lazy("Stock: written off"),
        gettext_lazy("%(quantity)s damaged units from order %(order)s written off"),
        default=None,
        quantity="quantity",
        order="order",
    ),
}
