"""A small known shop history for the report tests, in Asia/Shanghai time.

2026-03-09  order D  placed and paid, ¥100.00 Alipay, Shanghai, by a@ (1 unit)
2026-03-10  order A  placed 10:00 and paid, ¥190.00 Alipay, Beijing, by a@ (2 units)
            order B  placed 23:59, paid 23:59:30, ¥300.00 WeChat Pay, Guangdong, by b@ (3 units)
2026-03-11  order C  placed 00:00:30, unpaid, ¥50.00 bank transfer, Beijing
            a refund of ¥40.00 on order A at 09:00

So 10–11 March: 3 orders placed (¥540.00), 2 paid, revenue ¥490.00, refunds ¥40.00,
net ¥450.00, AOV ¥245.00, 5 units; A's payer is returning (D), B's new. 8–9 March: one
order, ¥100.00.
"""

import datetime
import zoneinfo
from decimal import Decimal

from commerce.models import OrderLine, Refund
from tests.factories import UserFactory
from tests.factories.orders import make_order

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
FIRST, LAST = datetime.date(2026, 3, 10), datetime.date(2026, 3, 11)


def at(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime.datetime:
    return datetime.datetime(2026, 3, day, hour, minute, second, tzinfo=SHANGHAI)


def _order(*, placed, paid, total, method, province, email, units, product=None, **fields):
    order = make_order(
        lines=False,
        status="paid" if paid else "awaiting_payment",
        payment_method=method,
        placed_at=placed,
        paid_at=paid,
        total=Decimal(total),
        subtotal=Decimal(total),
        discount_total=Decimal("0.00"),
        shipping_fee=Decimal("0.00"),
        province=province,
        email=email,
        **fields,
    )
    OrderLine.objects.create(
        order=order,
        product=product,
        sku=f"SKU-{order.pk}",
        product_name=product.name if product else "Tea",
        unit_price=Decimal(total) / units,
        quantity=units,
        discount=Decimal("0.00"),
        line_total=Decimal(total),
    )
    return order


def make_history(products=None):
    """The orders and refund of the module docstring; ``products`` (a, b, c) name the lines."""
    a, b, c = (products.a, products.b, products.c) if products else (None, None, None)
    orders = {
        "D": _order(
            placed=at(9, 12),
            paid=at(9, 12, 5),
            total="100.00",
            method="alipay",
            province="shanghai",
            email="a@example.com",
            units=1,
            product=a,
        ),
        "A": _order(
            placed=at(10, 10),
            paid=at(10, 10, 5),
            total="190.00",
            method="alipay",
            province="beijing",
            email="a@example.com",
            units=2,
            product=a,
        ),
        "B": _order(
            placed=at(10, 23, 59),
            paid=at(10, 23, 59, 30),
            total="300.00",
            method="wechat",
            province="guangdong",
            email="b@example.com",
            units=3,
            product=b,
        ),
        "C": _order(
            placed=at(11, 0, 0, 30),
            paid=None,
            total="50.00",
            method="bank_transfer",
            province="beijing",
            email="c@example.com",
            units=1,
            product=c,
        ),
    }
    refund = Refund.objects.create(
        order=orders["A"],
        amount=Decimal("40.00"),
        kind="manual",
        reason="Broken cup",
        created_by=UserFactory(),
    )
    Refund.objects.filter(pk=refund.pk).update(created_at=at(11, 9))
    return orders


def event(kind: str, when: datetime.datetime, session: str = "", **fields):
    """One stored event (as the flush would store it)."""
    from analytics.models import Event

    return Event.objects.create(kind=kind, occurred_at=when, session=session, **fields)


def make_visits(orders):
    """Five visits on 10 March reaching ever fewer steps, one on the 9th, one just after the
    11th (not in the period):

    s1  visit, view, cart, checkout, placed order A (paid)      — from baidu.com, mobile
    s2  visit, view, cart, checkout, placed order C (unpaid)    — utm weixin / social, mobile
    s3  visit, view, cart                                       — direct, desktop
    s4  visit, view                                             — direct, desktop
    s5  visit                                                   — direct, tablet
    """
    steps = ["visit", "product_view", "cart_add", "checkout_start", "order_placed"]
    sources = {
        "s1": {"referrer_host": "www.baidu.com", "device": "mobile"},
        "s2": {"utm_source": "weixin", "utm_medium": "social", "device": "mobile"},
        "s3": {"device": "desktop"},
        "s4": {"device": "desktop"},
        "s5": {"device": "tablet"},
    }
    reached = {"s1": 5, "s2": 5, "s3": 3, "s4": 2, "s5": 1}
    placed = {"s1": orders["A"].pk, "s2": orders["C"].pk}
    for session, count in reached.items():
        for minute, kind in enumerate(steps[:count]):
            extra = {"order_id": placed[session]} if kind == "order_placed" else {}
            event(kind, at(10, 12, minute), session, **sources[session], **extra)
    event("order_paid", at(10, 12, 30), order_id=orders["A"].pk)  # server-side: no visit
    event("visit", at(9, 20), "s6", device="desktop")
    event("product_view", at(9, 20, 1), "s6", device="desktop")
    event("visit", at(12, 0, 0, 1), "s7", device="desktop")  # the 12th, Shanghai time
