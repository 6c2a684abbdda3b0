"""Every row lock of commerce: features lock through these, never with
``select_for_update()`` of their own, so that the one lock order holds everywhere.

The lock order. A transaction that needs rows of several kinds takes them in this
order, and several rows of one kind by primary key, so two transactions wanting the
same rows queue behind each other instead of deadlocking:

1. carts (merging two carts locks both, lower pk first);
2. orders (a status change, a payment or refund, finance and logistics actions; several
   orders at once — a courier's cash, a bulk shipment — by pk);
   then after-sales requests (``after_sales.AfterSalesRequest``, one at a time): a request
   is locked after its order, never before; receiving a parcel locks the request, then
   the stock rows of what came back; a refund releases the request's lock before the
   refund locks the order (claim → refund → finalise);
3. flash-sale counters (``promotions.FlashSaleCounter``, by pk): ``order_place`` locks
   the counters of the basket's flash-sale SKUs before it prices the basket, so the sale
   price it charges is one the cap still allows; cancelling gives units back under them;
4. red packet types, then red packets (issuing and claiming lock the type; spending,
   giving back and withdrawing lock the packet);
5. stock rows (``products.Stock``, by pk), last among the order's rows so the hottest
   rows are held the shortest (``order_place`` and cancellation: red packet, then stock);
6. outbox rows, one at a time in a transaction of their own (sending an e-mail).

Outside commerce, the address book locks the user's row (``accounts.addresses``); no
commerce transaction holds a lock while it does.

Call these inside the caller's ``transaction.atomic()``: the locks last until it ends.
Re-check what matters under the lock, and write with ``F()`` where a value is summed.
Never hold one across a call to a payment provider (reserve → pay → finalise).
"""

from __future__ import annotations

from collections.abc import Iterable

from products.models import Stock

from .after_sales.models import AfterSalesRequest
from .cart.models import Cart
from .orders.models import Order
from .outbox.models import OutgoingEmail
from .promotions.models import FlashSaleCounter
from .red_packets.models import RedPacket, RedPacketType


def lock_cart(cart: Cart) -> bool:
    """Lock one cart row; False when the cart is gone (merged away on sign-in meanwhile)."""
    # Evaluated as a list: the lock is taken by running the query.
    return bool(list(Cart.objects.select_for_update().filter(pk=cart.pk).values_list("pk")))


def lock_order(order: Order) -> Order:
    """The order's row, locked and read afresh (its status may have moved meanwhile)."""
    return Order.objects.select_for_update().get(pk=order.pk)


def lock_order_by_number(number: str) -> Order | None:
    """The order with this number, locked; None when there is none."""
    return Order.objects.select_for_update().filter(number=number).first()


def lock_orders(pks: Iterable[int]) -> list[Order]:
    """Several orders, locked in pk order, read afresh."""
    return list(Order.objects.select_for_update().filter(pk__in=list(pks)).order_by("pk"))


def lock_red_packet_type(pk: int, *, missing_ok: bool = False) -> RedPacketType | None:
    """The type's row, locked; a missing one raises ``DoesNotExist`` unless ``missing_ok``."""
    types = RedPacketType.objects.select_for_update()
    return types.filter(pk=pk).first() if missing_ok else types.get(pk=pk)


def lock_red_packet(pk: int, *, user=None, missing_ok: bool = False) -> RedPacket | None:
    """The packet's row (with its type), locked; ``user``: only if it is that shopper's.

    A missing one raises ``DoesNotExist`` unless ``missing_ok``.
    """
    packets = RedPacket.objects.select_for_update().select_related("packet_type")
    if user is not None:
        packets = packets.filter(user=user)
    return packets.filter(pk=pk).first() if missing_ok else packets.get(pk=pk)


def lock_red_packet_used_on(order: Order) -> RedPacket | None:
    """The packet an order spent, locked; None when it spent none."""
    return RedPacket.objects.select_for_update().filter(used_on=order).first()


def lock_flash_counters(
    keys: Iterable[tuple[int, str]],
) -> dict[tuple[int, str], FlashSaleCounter]:
    """The (campaign pk, SKU) counters, locked in pk order; rows must exist (create them first
    with ``promotions.services.flash_counters_ensure``, outside the transaction)."""
    keys = set(keys)
    if not keys:
        return {}
    campaign_ids = {pk for pk, _sku in keys}
    skus = {sku for _pk, sku in keys}
    rows = (
        FlashSaleCounter.objects.select_for_update()
        .filter(campaign_id__in=campaign_ids, sku__in=skus)
        .order_by("pk")
    )
    return {(row.campaign_id, row.sku): row for row in rows if (row.campaign_id, row.sku) in keys}


def lock_stock_rows(skus: Iterable[str]) -> dict[str, Stock]:
    """The SKUs' stock rows, locked in pk order: SKU → row (SKUs without a row are absent)."""
    rows = Stock.objects.select_for_update().filter(sku__in=list(skus)).order_by("pk")
    return {row.sku: row for row in rows}


def lock_pending_email(email_id: int) -> OutgoingEmail | None:
    """The outbox row if it is still pending, locked (so two senders never both send it)."""
    return (
        OutgoingEmail.objects.select_for_update()
        .filter(pk=email_id, status=OutgoingEmail.Status.PENDING)
        .first()
    )


def lock_after_sales_request(pk: int) -> AfterSalesRequest:
    """The after-sales request's row, locked and read afresh (staff may have moved it)."""
    return AfterSalesRequest.objects.select_for_update().get(pk=pk)
