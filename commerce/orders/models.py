"""Orders: what was bought, for how much, sent where, and every status it went through.

An order copies everything it points at (names, SKUs, prices, discounts, the
address) at the moment it is placed, so later edits to products or addresses never
change it. Which status may follow which lives in ``commerce.orders.status``.
"""

import secrets
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.regions import PROVINCES

from ..fields import MONEY, by_user
from ..shipping.models import ShippingMethod


def new_order_number() -> str:
    """Date plus ten random digits: sortable by day for staff, unguessable for outsiders."""
    today = timezone.localdate().strftime("%Y%m%d")
    return today + "".join(secrets.choice("0123456789") for _ in range(10))


@dataclass(frozen=True)
class NamedDiscount:
    """One discount of a placed order, as its page and e-mails show it."""

    label: str
    amount: Decimal


class OrderStatus(models.TextChoices):
    AWAITING_PAYMENT = "awaiting_payment", _("Awaiting payment")
    PAID = "paid", _("Paid")
    CONFIRMED = "confirmed", _("Confirmed (cash on delivery)")
    STOCKING = "stocking", _("Stocking")
    OUT_OF_STOCK = "out_of_stock", _("Out of stock")
    PACKING = "packing", _("Packing")
    SHIPPED = "shipped", _("Shipped")
    IN_TRANSIT = "in_transit", _("In transit")
    DELIVERED = "delivered", _("Delivered")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class PaymentMethod(models.TextChoices):
    CASH_ON_DELIVERY = "cod", _("Cash on delivery")
    BANK_TRANSFER = "bank_transfer", _("Bank transfer")
    ALIPAY = "alipay", _("Alipay")
    WECHAT = "wechat", _("WeChat Pay")
    DEMO = "demo", _("Online payment (demo)")


class Order(models.Model):
    """A placed order. Amounts were computed by ``commerce.pricing`` on the server."""

    wagtail_reference_index_ignore = True  # busy rows, see commerce/models.py

    number = models.CharField(
        _("order number"), max_length=32, unique=True, default=new_order_number, editable=False
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="orders",
        verbose_name=_("customer"),
        help_text=_("Empty for a guest checkout."),
    )
    email = models.EmailField(_("e-mail"))
    language = models.CharField(
        _("language"),
        max_length=10,
        default=settings.LANGUAGE_CODE,
        help_text=_("E-mails about the order are written in it."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=OrderStatus.choices, db_index=True
    )
    payment_method = models.CharField(
        _("payment method"), max_length=20, choices=PaymentMethod.choices
    )
    paid_at = models.DateTimeField(
        _("paid"), null=True, blank=True, db_index=True
    )  # the best-seller window
    # Delivery, copied from the address book or the guest's form.
    recipient = models.CharField(_("recipient"), max_length=50)
    mobile = models.CharField(_("mobile number"), max_length=11, db_index=True)
    province = models.CharField(_("province"), max_length=30, choices=PROVINCES)
    city = models.CharField(_("city"), max_length=50)
    district = models.CharField(_("district"), max_length=50)
    street = models.CharField(_("street address"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=6, blank=True)
    shipping_method = models.ForeignKey(
        ShippingMethod,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("shipping method"),
    )
    shipping_method_name = models.CharField(_("shipping"), max_length=80)
    carrier = models.CharField(_("carrier"), max_length=80, blank=True)
    shipping_carrier = models.ForeignKey(
        "commerce.Carrier",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="orders",
        verbose_name=_("carrier company"),
    )
    tracking_number = models.CharField(_("tracking number"), max_length=60, blank=True)
    # Finance: a bank transfer is confirmed with the bank's reference, which is never used twice.
    bank_reference = models.CharField(_("bank reference"), max_length=60, blank=True)
    # Money that arrived but did not match (amount, currency): finance looks before anything ships.
    needs_reconciliation = models.BooleanField(
        _("needs reconciliation"), default=False, db_index=True
    )
    reconciliation_note = models.CharField(_("reconciliation note"), max_length=300, blank=True)
    # Logistics' review: suspicious orders (many from one phone or address, unreachable region).
    flagged = models.BooleanField(_("flagged"), default=False, db_index=True)
    flag_reason = models.CharField(_("why flagged"), max_length=300, blank=True)
    cod_collection = models.ForeignKey(
        "commerce.CodCollection",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="orders",
        verbose_name=_("cash collection"),
    )
    customer_note = models.TextField(_("note for customer service"), max_length=500, blank=True)
    # Money, all recomputed on the server when the order was placed.
    currency = models.CharField(_("currency"), max_length=3, default="CNY")
    subtotal = models.DecimalField(_("goods"), **MONEY)
    discount_total = models.DecimalField(_("discounts"), **MONEY)
    shipping_fee = models.DecimalField(_("shipping fee"), **MONEY)
    total = models.DecimalField(_("total"), **MONEY)
    red_packet_name = models.CharField(_("red packet"), max_length=80, blank=True)
    # Each discount by name (campaigns, 满减, the red packet) as priced: [{"label", "amount"}].
    discounts = models.JSONField(_("discounts by name"), default=list, blank=True, editable=False)
    # A double-click or a retried POST carries the same key and finds this order again.
    checkout_key = models.CharField(max_length=64, unique=True, editable=False)
    placed_at = models.DateTimeField(_("placed"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    pay_by = models.DateTimeField(
        _("pay by"),
        null=True,
        blank=True,
        help_text=_("An unpaid order is cancelled after this time."),
    )

    class Meta:
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        ordering = ["-placed_at", "-pk"]
        # The desks' rights; each staff role gets its own in commerce/migrations (managers all
        # three).
        permissions = [
            ("record_payment", _("Can confirm payments, record cash collections and refund")),
            ("fulfil_order", _("Can review, stock, pack and ship orders")),
            ("serve_customer", _("Can see customers and keep staff notes on orders")),
        ]
        indexes = [
            # The sales rollups ask, per paid order, whether the same payer paid before
            # (e-mail compared case-insensitively): without it each day scans all orders.
            models.Index(Upper("email"), "paid_at", name="order_payer_paid_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(total__gte=0) & Q(discount_total__gte=0) & Q(shipping_fee__gte=0),
                name="order_amounts_not_negative",
            ),
            models.UniqueConstraint(
                fields=["bank_reference"],
                condition=~Q(bank_reference=""),
                name="unique_bank_reference",
            ),
        ]

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        return reverse("order_detail", kwargs={"number": self.number})

    @property
    def named_discounts(self) -> list[NamedDiscount]:
        """The discounts the order was priced with, by name (empty for older orders)."""
        return [
            NamedDiscount(label=str(row.get("label", "")), amount=Decimal(str(row["amount"])))
            for row in self.discounts or []
            if isinstance(row, dict) and "amount" in row
        ]

    @property
    def address_line(self) -> str:
        return " ".join(
            part
            for part in [self.get_province_display(), self.city, self.district, self.street]
            if part
        )


class OrderLine(models.Model):
    """One SKU of an order, frozen at purchase: name, options, price and discount."""

    wagtail_reference_index_ignore = True  # busy rows, see commerce/models.py

    order = models.ForeignKey(
        Order, on_delete=models.CASCADE, related_name="lines", verbose_name=_("order")
    )
    product = models.ForeignKey(
        "products.Product",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("product"),
    )
    sku = models.CharField(_("SKU"), max_length=64)
    product_name = models.CharField(_("product"), max_length=200)
    options = models.CharField(_("options"), max_length=130, blank=True)
    unit_price = models.DecimalField(_("unit price"), **MONEY)
    quantity = models.PositiveIntegerField(_("quantity"))
    discount = models.DecimalField(_("discount"), **MONEY)
    campaign_name = models.CharField(
        _("campaign"), max_length=80, blank=True, help_text=_("The campaign that priced it.")
    )
    line_total = models.DecimalField(
        _("line total"), **MONEY, help_text=_("Unit price × quantity − discount.")
    )

    class Meta:
        verbose_name = _("order line")
        verbose_name_plural = _("order lines")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.product_name} × {self.quantity}"

    @property
    def subtotal(self):
        return self.unit_price * self.quantity


class OrderStatusChange(models.Model):
    """One step of an order's history: who moved it from what to what, when, and why."""

    wagtail_reference_index_ignore = True  # busy rows, see commerce/models.py

    order = models.ForeignKey(
        Order, on_delete=models.CASCADE, related_name="status_changes", verbose_name=_("order")
    )
    from_status = models.CharField(
        _("from"), max_length=20, choices=OrderStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=20, choices=OrderStatus.choices)
    actor = by_user(
        _("by"), help_text=_("Empty when the shop changed it (e.g. an automatic cancellation).")
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("order status change")
        verbose_name_plural = _("order status changes")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.order}: {self.from_status or '∅'} → {self.to_status}"
