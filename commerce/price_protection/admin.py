"""Price protection in the admin: the claims for customer service and finance, with totals,
and how a claim reads in its order's history.

Registered in ``commerce/wagtail_hooks.py``.
"""

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from core.money import money

from ..admin_base import data_log_formatter
from .models import ClaimStatus, PriceProtectionClaim

LOG_ACTIONS = {
    "commerce.order.price_protection": data_log_formatter(
        _("Orders: price protection"),
        _("Price drop claimed for %(sku)s: ¥%(amount)s (%(status)s)"),
        sku="sku",
        amount="amount",
        status="status",
    )
}


class ClaimIndexView(IndexView):
    """The list of claims, its subtitle the totals of what is listed."""

    def get_page_subtitle(self):
        claims = self.get_queryset().order_by()
        total = claims.aggregate(total=Sum("amount"))["total"] or 0
        waiting = (
            claims.filter(status=ClaimStatus.AWAITING_REFUND).aggregate(total=Sum("amount"))[
                "total"
            ]
            or 0
        )
        return _("%(count)s claims · ¥%(total)s in all · ¥%(waiting)s awaiting refund") % {
            "count": claims.count(),
            "total": money(total),
            "waiting": money(waiting),
        }


class PriceProtectionClaimViewSet(ModelViewSet):
    model = PriceProtectionClaim
    index_view_class = ClaimIndexView
    icon = "shield"
    menu_label = _("Price protection")
    add_to_settings_menu = False
    menu_order = 350
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = []  # nothing to edit: claims are made by shoppers, paid by the shop
    list_display = [
        "order",
        "sku",
        "quantity",
        "paid_unit",
        "lowest_unit",
        "amount",
        "status",
        "created_at",
    ]
    list_filter = ["status"]
    search_fields = ["sku", "order__number"]
    search_backend_name = None
    ordering = ["-created_at", "-pk"]
