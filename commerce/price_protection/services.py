"""Price protection (价格保护): the shopper claims the difference when a price dropped.

From placing the order until ``days_after_delivery`` days after its delivery, if the
effective price of a SKU of the order dropped below what the shopper paid for it (for the
order's province, as the price history shows), the shopper may claim the difference ×
quantity, once per order line. The claim is paid as a red packet at once or waits in
finance's refund queue, as the shop's settings say. Flash-sale prices do not count when
the shop excludes them.

Two claims of one line at once: the order row is locked, the line's claim looked for under
the lock, and a unique constraint stands behind it — one claim, never two.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_DOWN, Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core.errors import CommerceError
from core.money import CENT, ZERO

from ..locks import lock_order
from ..orders.models import Order, OrderLine, OrderStatus
from ..payments.services import refund_create
from ..red_packets.models import RedPacket, RedPacketType
from .history import lowest_prices, lowest_prices_and_flash
from .models import ClaimStatus, PayoutMethod, PriceProtectionClaim, PriceProtectionSettings

RED_PACKET_DAYS = 90
# Orders that may claim: placed and neither cancelled nor awaiting payment.
CLAIMABLE_STATUSES = {
    OrderStatus.PAID,
    OrderStatus.CONFIRMED,
    OrderStatus.STOCKING,
    OrderStatus.OUT_OF_STOCK,
    OrderStatus.PACKING,
    OrderStatus.SHIPPED,
    OrderStatus.IN_TRANSIT,
    OrderStatus.DELIVERED,
    OrderStatus.COMPLETED,
}


class PriceClaimRefused(CommerceError):
    code = "price_claim_refused"


@dataclass(frozen=True)
class LineCheck:
    """What price protection says about one order line now."""

    line: OrderLine
    claimable: bool
    amount: Decimal = ZERO
    lower_price: Decimal | None = None
    lower_at: datetime | None = None
    reason: str = ""
    claim: PriceProtectionClaim | None = None


def shop_settings(site=None) -> PriceProtectionSettings:
    if site is None:
        from wagtail.models import Site

        site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return PriceProtectionSettings(
            enabled=True, days_after_delivery=7, payout=PayoutMethod.RED_PACKET
        )
    return PriceProtectionSettings.for_site(site)


def delivered_at(order: Order, changes=None) -> datetime | None:
    """When the order was first delivered; ``changes``: its status changes when the caller
    has them already (the order page), else one query."""
    if changes is not None:
        return min(
            (c.created_at for c in changes if c.to_status == OrderStatus.DELIVERED), default=None
        )
    change = (
        order.status_changes.filter(to_status=OrderStatus.DELIVERED).order_by("created_at").first()
    )
    return change.created_at if change else None


def paid_unit(line: OrderLine) -> Decimal:
    """What one item of the line cost the shopper, after every discount (cents, down)."""
    return (line.line_total / line.quantity).quantize(CENT, ROUND_DOWN)


def order_price_checks(
    order: Order,
    *,
    settings: PriceProtectionSettings | None = None,
    now: datetime | None = None,
    lines=None,
    changes=None,
) -> list[LineCheck]:
    """Each line of the order with whether it can be claimed, how much, or why not.

    Two queries for the history and the claims, whatever the number of lines (``lines`` and
    ``changes``: the order's lines and status changes when the caller has them already)."""
    settings = settings or shop_settings()
    now = now or timezone.now()
    lines = list(order.lines.all()) if lines is None else list(lines)
    claims = {claim.line_id: claim for claim in PriceProtectionClaim.objects.filter(order=order)}
    window_end = None
    reason = ""
    if not settings.enabled:
        reason = _("This shop does not offer price protection.")
    elif order.status not in CLAIMABLE_STATUSES:
        reason = _("Price protection starts once the order is paid or confirmed.")
    else:
        delivered = delivered_at(order, changes)
        if delivered is not None:
            window_end = delivered + timedelta(days=settings.days_after_delivery)
            if now >= window_end:
                reason = _("Price protection ended %(days)s days after delivery, on %(date)s.") % {
                    "days": settings.days_after_delivery,
                    "date": timezone.localtime(window_end).strftime("%Y-%m-%d %H:%M"),
                }
    until = min(now, window_end) if window_end else now
    lowest, flash_lowest = {}, {}
    if not reason:
        unclaimed = [line.sku for line in lines if line.pk not in claims]
        if settings.exclude_flash_sales:
            lowest, flash_lowest = lowest_prices_and_flash(
                unclaimed, province=order.province, since=order.placed_at, until=until
            )
        else:
            lowest = lowest_prices(
                unclaimed, province=order.province, since=order.placed_at, until=until
            )
    checks = []
    for line in lines:
        if line.pk in claims:
            checks.append(
                LineCheck(
                    line=line,
                    claimable=False,
                    claim=claims[line.pk],
                    reason=_("The difference for this item was already claimed."),
                )
            )
            continue
        if reason:
            checks.append(LineCheck(line=line, claimable=False, reason=reason))
            continue
        paid = paid_unit(line)
        found = lowest.get(line.sku)
        if found is None or found.price >= paid:
            flash = flash_lowest.get(line.sku)
            if flash is not None and flash.price < paid:
                why = _("Flash-sale prices are not covered by price protection.")
            else:
                why = _("The price has not dropped below the ¥%(paid)s you paid.") % {"paid": paid}
            checks.append(LineCheck(line=line, claimable=False, reason=why))
            continue
        checks.append(
            LineCheck(
                line=line,
                claimable=True,
                amount=(paid - found.price) * line.quantity,
                lower_price=found.price,
                lower_at=found.at,
            )
        )
    return checks


def price_claim_create(
    *, order: Order, line_id: int, user, now: datetime | None = None, site=None
) -> PriceProtectionClaim:
    """Claim the price difference of one line: checked under the order's lock, at most once,
    never more than the difference × quantity; paid as the shop's settings say."""
    now = now or timezone.now()
    settings = shop_settings(site)
    try:
        with transaction.atomic():
            locked = lock_order(order)
            if locked.user_id is None or locked.user_id != getattr(user, "pk", None):
                raise PriceClaimRefused(_("Only the shopper who placed the order can claim."))
            check = next(
                (
                    c
                    for c in order_price_checks(locked, settings=settings, now=now)
                    if c.line.pk == line_id
                ),
                None,
            )
            if check is None:
                raise PriceClaimRefused(_("That item is not on this order."))
            if not check.claimable:
                raise PriceClaimRefused(check.reason)
            by_refund = settings.payout == PayoutMethod.REFUND
            claim = PriceProtectionClaim.objects.create(
                order=locked,
                line=check.line,
                user=user,
                sku=check.line.sku,
                quantity=check.line.quantity,
                paid_unit=paid_unit(check.line),
                lowest_unit=check.lower_price,
                amount=check.amount,
                lowest_at=check.lower_at,
                status=ClaimStatus.AWAITING_REFUND if by_refund else ClaimStatus.PAID_RED_PACKET,
            )
            if not by_refund:
                claim.red_packet = _red_packet_for(claim, user=user, now=now)
                claim.save(update_fields=["red_packet"])
    except IntegrityError:
        raise PriceClaimRefused(_("The difference for this item was already claimed.")) from None
    log(
        instance=order,
        action="commerce.order.price_protection",
        user=user,
        data={"sku": claim.sku, "amount": str(claim.amount), "status": claim.status},
    )
    return claim


def _red_packet_for(claim: PriceProtectionClaim, *, user, now: datetime) -> RedPacket:
    packet_type = RedPacketType.objects.create(
        name=(_("Price protection ¥%(amount)s") % {"amount": claim.amount})[:80],
        kind=RedPacketType.Kind.FIXED,
        amount=claim.amount,
        valid_from=now,
        valid_until=now + timedelta(days=RED_PACKET_DAYS),
        quantity_limit=1,
    )
    return RedPacket.objects.create(packet_type=packet_type, user=user)


def awaiting_refund_claims():
    return PriceProtectionClaim.objects.filter(status=ClaimStatus.AWAITING_REFUND).select_related(
        "order"
    )


def price_claim_refund(*, claim: PriceProtectionClaim, actor) -> PriceProtectionClaim:
    """Finance pays a claim waiting for its refund (recorded as paid out by hand)."""
    with transaction.atomic():
        claim = PriceProtectionClaim.objects.select_for_update().get(pk=claim.pk)
        if claim.status != ClaimStatus.AWAITING_REFUND:
            raise PriceClaimRefused(_("This claim is not waiting for a refund."))
        # Marked first, under the claim's lock: a second click finds it refunded.
        claim.status = ClaimStatus.REFUNDED
        claim.save(update_fields=["status"])
    try:
        refund = refund_create(
            order=claim.order,
            amount=claim.amount,
            reason=_("Price protection: %(sku)s") % {"sku": claim.sku},
            actor=actor,
        )
    except CommerceError:
        PriceProtectionClaim.objects.filter(pk=claim.pk).update(status=ClaimStatus.AWAITING_REFUND)
        raise
    PriceProtectionClaim.objects.filter(pk=claim.pk).update(refund=refund)
    claim.refund = refund
    return claim
