"""Orders in the Wagtail admin: a read-only list and a full view of each order.

Customer service reads the shopper's note here (F-21) and every role that runs
orders sees items, totals and the status history. Orders change only through the
domain functions in ``commerce.orders.services`` (the staff desks call them), never through
a generic edit form, so the permission policy allows "view" and nothing else.
"""

from django.db import models
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet

from ..admin_base import shop_time
from .models import Order

EXTRA_SECTIONS = {"items": _("Items"), "history": _("Status history")}


class OrderInspectView(InspectView):
    """The standard inspect page plus the order's lines and its status history."""

    def get_field_label(self, field_name, field):
        if field_name in EXTRA_SECTIONS:
            return EXTRA_SECTIONS[field_name]
        return super().get_field_label(field_name, field)

    def get_field_display_value(self, field_name, field):
        if field_name == "items":
            return format_html(
                "<ul>{}</ul>",
                format_html_join(
                    "",
                    "<li>{} {} · {} · ¥{} × {} − ¥{} = ¥{}</li>",
                    (
                        (
                            line.product_name,
                            line.options,
                            line.sku,
                            line.unit_price,
                            line.quantity,
                            line.discount,
                            line.line_total,
                        )
                        for line in self.object.lines.all()
                    ),
                ),
            )
        if field_name == "history":
            return format_html(
                "<ol>{}</ol>",
                format_html_join(
                    "",
                    "<li>{} · {} → {} · {} {}</li>",
                    (
                        (
                            shop_time(change.created_at),
                            change.get_from_status_display() or "—",
                            change.get_to_status_display(),
                            change.actor or _("the shop"),
                            change.note,
                        )
                        for change in self.object.status_changes.select_related("actor")
                    ),
                ),
            )
        value = getattr(self.object, field_name, None)
        if value is None or value == "":
            return "—"
        if isinstance(field, models.DateTimeField):
            return shop_time(value)
        return super().get_field_display_value(field_name, field)

    def get_context_for_field(self, field_name):
        if field_name in EXTRA_SECTIONS:
            return {
                "label": self.get_field_label(field_name, None),
                "value": self.get_field_display_value(field_name, None),
                "component": None,
            }
        return super().get_context_for_field(field_name)


class OrderViewSet(ModelViewSet):
    model = Order
    icon = "list-ul"
    menu_label = _("Orders")
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = OrderInspectView
    form_fields = []  # the edit views exist but the permission policy closes them
    list_display = [
        "number",
        "placed_at",
        "email",
        Column("status", label=_("status"), accessor="get_status_display"),
        "payment_method",
        "total",
        Column("customer_note", label=_("note")),
    ]
    list_filter = ["status", "payment_method", "placed_at"]
    search_fields = ["number", "mobile", "email", "recipient"]
    search_backend_name = None  # plain database filtering: orders are not in the search index
    ordering = ["-placed_at", "-pk"]
    inspect_view_fields = [
        "number",
        "status",
        "placed_at",
        "user",
        "email",
        "payment_method",
        "paid_at",
        "pay_by",
        "customer_note",
        "recipient",
        "mobile",
        "province",
        "city",
        "district",
        "street",
        "postcode",
        "shipping_method_name",
        "carrier",
        "tracking_number",
        "items",
        "subtotal",
        "discount_total",
        "red_packet_name",
        "shipping_fee",
        "total",
        "history",
    ]
