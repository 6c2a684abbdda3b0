"""The inventory ledger: movements, purchase in, CSV import, adjustments, stock-take, low stock."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy

from ..inventory.admin import (
    INVENTORY_SUBMENU_HOOK,
    InventoryViewSetGroup,
    StockDeskMenuItem,
    StockLedgerPermissionPolicy,
    can_see_stock,
)
from ..inventory.admin import VIEWSET as STOCK_VIEWSET
from ..inventory.models import StockMovement as _StockMovement

register_permission_policy(_StockMovement, StockLedgerPermissionPolicy(_StockMovement))


@hooks.register("register_admin_viewset")
def register_inventory_viewsets():
    return InventoryViewSetGroup()


@hooks.register(INVENTORY_SUBMENU_HOOK)
def register_purchase_in_menu_item():
    return StockDeskMenuItem(
        _("Purchase in"),
        reverse(f"{STOCK_VIEWSET}:purchase_in"),
        name="stock-purchase-in",
        icon_name="plus",
        order=900,
    )


@hooks.register(INVENTORY_SUBMENU_HOOK)
def register_purchase_import_menu_item():
    return StockDeskMenuItem(
        _("Import purchases (CSV)"),
        reverse(f"{STOCK_VIEWSET}:purchase_import"),
        name="stock-purchase-import",
        icon_name="upload",
        order=910,
    )


@hooks.register(INVENTORY_SUBMENU_HOOK)
def register_adjust_menu_item():
    return StockDeskMenuItem(
        _("Adjust stock"),
        reverse(f"{STOCK_VIEWSET}:adjust"),
        name="stock-adjust",
        icon_name="edit",
        order=920,
    )


@hooks.register(INVENTORY_SUBMENU_HOOK)
def register_stocktake_menu_item():
    return StockDeskMenuItem(
        _("Stock-take"),
        reverse(f"{STOCK_VIEWSET}:stocktake"),
        name="stock-take",
        icon_name="tasks",
        order=930,
    )


@hooks.register(INVENTORY_SUBMENU_HOOK)
def register_low_stock_menu_item():
    return StockDeskMenuItem(
        _("Low stock"),
        reverse(f"{STOCK_VIEWSET}:low_stock"),
        name="stock-low",
        icon_name="warning",
        order=940,
        check=can_see_stock,
    )


@hooks.register("register_log_actions")
def register_stock_log_actions(actions):
    """The audit-log actions of the ledger, shown in Site history and each Stock row's history."""

    @actions.register_action("commerce.stock.purchase_in")
    class PurchaseInFormatter(LogFormatter):
        label = _("Stock: purchase in")

        def format_message(self, log_entry):
            return _("Received %(quantity)s units (%(reference)s, unit cost ¥%(cost)s)") % {
                "quantity": log_entry.data.get("quantity"),
                "reference": log_entry.data.get("supplier_reference"),
                "cost": log_entry.data.get("unit_cost"),
            }

    @actions.register_action("commerce.stock.adjust")
    class AdjustFormatter(LogFormatter):
        label = _("Stock: adjustment")

        def format_message(self, log_entry):
            return _("Changed on hand by %(change)s: %(reason)s") % {
                "change": log_entry.data.get("change"),
                "reason": log_entry.data.get("reason"),
            }

    @actions.register_action("commerce.stock.count")
    class CountFormatter(LogFormatter):
        label = _("Stock: stock-take")

        def format_message(self, log_entry):
            return _("Counted %(counted)s units (on hand was %(before)s)") % {
                "counted": log_entry.data.get("counted"),
                "before": log_entry.data.get("before"),
            }

    @actions.register_action("commerce.stock.return_in")
    class ReturnFormatter(LogFormatter):
        label = _("Stock: return")

        def format_message(self, log_entry):
            return _("%(quantity)s units came back from order %(order)s") % {
                "quantity": log_entry.data.get("quantity"),
                "order": log_entry.data.get("order"),
            }
