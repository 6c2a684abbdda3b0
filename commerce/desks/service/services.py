"""The customer-service desk's lookups and its one write: staff notes on orders.

Customer service answers the shopper who writes a note at checkout or calls about an
order: it finds the order by number, mobile or e-mail, sees the customer with their
addresses, orders and red packets, and keeps notes that the customer never sees.
It may not touch money: confirming payments and refunds belong to finance
(``commerce.desks.finance.services``). Every query here is fixed in number, whatever the
size of the result, so the lists stay fast as orders pile up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core.errors import CommerceError

from ...orders.models import Order, OrderStatus
from ...red_packets.models import RedPacket
from .models import StaffNote

if TYPE_CHECKING:
    from accounts.models import User

CLOSED_STATUSES = (OrderStatus.COMPLETED, OrderStatus.CANCELLED)
NOTE_LENGTH = StaffNote._meta.get_field("text").max_length
MIN_QUERY_LENGTH = 3
MAX_CUSTOMERS = 20
DIGITS_RE = re.compile(r"^\d+$")


class StaffNoteInvalid(CommerceError):
    code = "staff_note_invalid"


def orders_with_customer_note(*, include_closed: bool = False):
    """Orders whose shopper wrote a note, newest first; by default only those still open."""
    orders = Order.objects.exclude(customer_note="")
    if not include_closed:
        orders = orders.exclude(status__in=CLOSED_STATUSES)
    return orders.select_related("user").order_by("-placed_at", "-pk")


def out_of_stock_holds():
    """Orders logistics could not pick: customer service calls the shopper (oldest first)."""
    return (
        Order.objects.filter(status=OrderStatus.OUT_OF_STOCK)
        .select_related("user")
        .prefetch_related("staff_notes__author")
        .order_by("placed_at", "pk")
    )


def normalise_query(query: str) -> str:
    """Spaces and dashes out of numbers ("138 0013 8000"); e-mail addresses compared without
    case."""
    query = (query or "").strip()
    compact = re.sub(r"[\s-]", "", query)
    return compact if DIGITS_RE.match(compact) else query


def search_problem(query: str) -> str:
    if len(query) < MIN_QUERY_LENGTH:
        return _(
            "Type at least %(count)d characters of an order number, mobile number or e-mail "
            "address."
        ) % {"count": MIN_QUERY_LENGTH}
    return ""


def order_search(query: str):
    """Orders whose number, delivery mobile or e-mail (the order's or the account's) is or starts
    with ``query``.

    Digits search numbers and mobiles; anything with "@" searches e-mail addresses.
    Prefix matches use the indexes on number and mobile.
    """
    query = normalise_query(query)
    if search_problem(query):
        return Order.objects.none()
    if DIGITS_RE.match(query):
        match = (
            Q(number__startswith=query)
            | Q(mobile__startswith=query)
            | Q(user__mobile__startswith=query)
        )
    else:
        match = (
            Q(email__istartswith=query)
            | Q(user__email__istartswith=query)
            | Q(number__startswith=query)
        )
    return Order.objects.filter(match).select_related("user").order_by("-placed_at", "-pk")


def customer_search(query: str) -> list:
    """Accounts whose e-mail or mobile is or starts with ``query`` (at most ``MAX_CUSTOMERS``)."""
    query = normalise_query(query)
    if search_problem(query):
        return []
    field = Q(mobile__startswith=query) if DIGITS_RE.match(query) else Q(email__istartswith=query)
    return list(get_user_model().objects.filter(field).order_by("email", "pk")[:MAX_CUSTOMERS])


@dataclass(frozen=True)
class CustomerOverview:
    """Everything customer service sees about one shopper, read in a fixed handful of queries."""

    customer: object
    addresses: list
    orders: list
    order_count: int
    spent: Decimal
    red_packets: list


def customer_overview(customer) -> CustomerOverview:
    """Profile, address book, orders with their totals and red packets of one account.

    ``spent`` counts orders that were not cancelled.
    """
    orders = list(
        customer.orders.annotate(line_count=Count("lines")).order_by("-placed_at", "-pk")
    )
    summary = customer.orders.aggregate(
        spent=Sum("total", filter=~Q(status=OrderStatus.CANCELLED))
    )
    packets = list(
        RedPacket.objects.filter(user=customer)
        .select_related("packet_type", "used_on")
        .order_by("-issued_at", "-pk")
    )
    return CustomerOverview(
        customer=customer,
        addresses=list(customer.addresses.all()),
        orders=orders,
        order_count=len(orders),
        spent=summary["spent"] or Decimal("0.00"),
        red_packets=packets,
    )


def staff_note_add(*, order: Order, text: str, actor: User) -> StaffNote:
    """Keep a note on the order for colleagues (a call made, a promise given); the customer never
    sees it."""
    text = (text or "").strip()
    if not text:
        raise StaffNoteInvalid(_("Write the note first."), code="note_missing")
    if len(text) > NOTE_LENGTH:
        raise StaffNoteInvalid(
            _("A note has at most %(max)d characters.") % {"max": NOTE_LENGTH},
            code="note_too_long",
        )
    with transaction.atomic():
        note = StaffNote.objects.create(order=order, author=actor, text=text)
        log(
            order,
            "commerce.order.staff_note",
            user=actor,
            data={"note": note.pk, "text": text[:200]},
        )
    return note


def service_counts() -> dict[str, int]:
    """The desk's dashboard figures in one query: open orders with a shopper's note, out-of-stock
    holds."""
    return Order.objects.aggregate(
        notes=Count("pk", filter=~Q(customer_note="") & ~Q(status__in=CLOSED_STATUSES)),
        out_of_stock=Count("pk", filter=Q(status=OrderStatus.OUT_OF_STOCK)),
    )
