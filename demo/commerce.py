"""Demo shoppers, red packets and past orders.

A shopper account with an address book entry, so the storefront can be tried signed
in at once, and four more shoppers so the staff desks see several customers. Red
packets: a claimable welcome campaign, a capped percentage, a category-only packet
and an expired one, issued to the demo shoppers so "my red packets" has all
its sections. Safe to run again: types are found by name and nobody gets a second
packet of a type they already hold. Past orders: about sixty over the last three
days in every status, so the best-sellers ranking and the staff desks have real data
(see ``load_order_demo``).
"""

import random
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from accounts.models import Address
from commerce.checkout.services import Delivery
from commerce.errors import CommerceError
from commerce.models import (
    Carrier,
    Order,
    OrderStatusChange,
    OutgoingEmail,
    PaymentMethod,
    RedPacket,
    RedPacketType,
    ShippingMethod,
    StockMovement,
)
from commerce.models import (
    OrderStatus as S,
)
from commerce.orders.services import (
    order_cancel_by_customer,
    order_confirm_receipt,
    order_place,
    order_ship,
    order_transition,
)
from commerce.payments.models import Payment
from commerce.payments.services import payment_record_success
from commerce.red_packets.selectors import shoppers
from commerce.red_packets.services import red_packet_issue
from products.models import Category, ProductVariant, Stock

WELCOME = "新人红包 ¥20 off ¥199"
PERCENT = "全场 95 折 Storewide 5% off"
TEA = "茶咖专享 Tea & coffee ¥15 off ¥99"
EXPIRED = "春节红包 Spring festival ¥30 off ¥299"


def _types(now) -> list[dict]:
    soon, later = now - timedelta(days=1), now + timedelta(days=90)
    return [
        {
            "name": WELCOME,
            "kind": "fixed",
            "amount": Decimal("20.00"),
            "min_spend": Decimal("199.00"),
            "valid_from": soon,
            "valid_until": later,
            "claimable": True,
            "claim_limit": 1,
            "quantity_limit": 1000,
        },
        {
            "name": PERCENT,
            "kind": "percent",
            "percent": Decimal("5"),
            "cap": Decimal("50.00"),
            "min_spend": Decimal("0.00"),
            "valid_from": soon,
            "valid_until": later,
        },
        {
            "name": TEA,
            "kind": "fixed",
            "amount": Decimal("15.00"),
            "min_spend": Decimal("99.00"),
            "valid_from": soon,
            "valid_until": later,
            "categories": ["tea", "coffee"],
        },
        {
            "name": EXPIRED,
            "kind": "fixed",
            "amount": Decimal("30.00"),
            "min_spend": Decimal("299.00"),
            "valid_from": now - timedelta(days=120),
            "valid_until": now - timedelta(days=60),
        },
    ]


SHOPPER_USERNAME = "shopper"
SHOPPER_EMAIL = "shopper@example.com"


def load_shopper_demo(*, password: str, stdout=None) -> None:
    """The demo shopper (signs in by username, e-mail or mobile) with a default address."""
    user, created = get_user_model().objects.get_or_create(
        username=SHOPPER_USERNAME,
        defaults={
            "email": SHOPPER_EMAIL,
            "mobile": "13800138000",
            "first_name": "小明",
            "last_name": "王",
        },
    )
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
        Address.objects.create(
            user=user,
            recipient="王小明",
            mobile="13800138000",
            province="guangdong",
            city="深圳市",
            district="南山区",
            street="科技园科苑路 15 号",
            postcode="518057",
            is_default=True,
        )
    if stdout is not None:
        stdout.write(f"Demo shopper: {'created' if created else 'already there'}")


@transaction.atomic
def load_red_packet_demo(stdout=None) -> None:
    """Create the four demo types and give the demo shoppers their packets (see the module
    docstring)."""
    now = timezone.now()
    created = 0
    types = {}
    for fields in _types(now):
        category_slugs = fields.pop("categories", [])
        packet_type, was_created = RedPacketType.objects.get_or_create(
            name=fields["name"], defaults=fields
        )
        if was_created and category_slugs:
            packet_type.categories.set(Category.objects.filter(slug__in=category_slugs))
        created += was_created
        types[packet_type.name] = packet_type
    issued = _issue(types, now)
    if stdout is not None:
        stdout.write(
            f"Red packets: {created} types created, {len(types) - created} already there, "
            f"{issued} packets issued"
        )


def _issue(types: dict[str, RedPacketType], now) -> int:
    """Percentage and tea packets through the real issue function; the expired one directly
    (issuing refuses expired types, which is the point of having one in the demo)."""
    actor = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    issued = 0
    for name in (PERCENT, TEA):
        packet_type = types[name]
        if packet_type.disabled or packet_type.valid_until <= now:
            continue
        users = list(shoppers().exclude(red_packets__packet_type=packet_type))
        if users:
            issued += len(red_packet_issue(packet_type=packet_type, users=users, actor=actor))
    expired = types[EXPIRED]
    late = [
        RedPacket(packet_type=expired, user=user, issued_by=actor)
        for user in shoppers().exclude(red_packets__packet_type=expired)
    ]
    issued += len(RedPacket.objects.bulk_create(late))
    return issued


# --- past orders (F-04: best-sellers of the last 24 hours need real-looking sales)
# ---------------------

MORE_SHOPPERS = [
    # username, surname, given name, mobile, province, city, district, street, postcode
    (
        "shopper2",
        "李",
        "华",
        "13800138002",
        "beijing",
        "北京市",
        "朝阳区",
        "建国路 88 号",
        "100022",
    ),
    (
        "shopper3",
        "张",
        "伟",
        "13800138003",
        "shanghai",
        "上海市",
        "浦东新区",
        "世纪大道 100 号",
        "200120",
    ),
    (
        "shopper4",
        "陈",
        "静",
        "13800138004",
        "zhejiang",
        "杭州市",
        "西湖区",
        "文三路 259 号",
        "310012",
    ),
    (
        "shopper5",
        "刘",
        "洋",
        "13800138005",
        "sichuan",
        "成都市",
        "武侯区",
        "人民南路四段 11 号",
        "610041",
    ),
]
DEMO_ORDER_COUNT = 60
DEMO_ORDER_KEY = "demo-order-"
DEMO_ORDER_HOURS = 72
POPULAR_PRODUCTS = 16


def load_more_shoppers_demo(*, password: str, stdout=None) -> None:
    """Four more shopper accounts with an address each, so the staff desks see different customers.

    Created before the red packets are issued, so they get their packets on the same run
    (a later run would otherwise issue them and change the demo the second time).
    """
    created = 0
    for username, last, first, mobile, province, city, district, street, postcode in MORE_SHOPPERS:
        user, was_created = get_user_model().objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@example.com",
                "mobile": mobile,
                "first_name": first,
                "last_name": last,
            },
        )
        if was_created:
            user.set_password(password)
            user.save(update_fields=["password"])
            Address.objects.create(
                user=user,
                recipient=last + first,
                mobile=mobile,
                province=province,
                city=city,
                district=district,
                street=street,
                postcode=postcode,
                is_default=True,
            )
        created += was_created
    if stdout is not None:
        stdout.write(
            f"More demo shoppers: {created} created, {len(MORE_SHOPPERS) - created} already there"
        )


@dataclass(frozen=True)
class _Setup:
    """What every demo order needs: buyers, a shipping method, a carrier, staff to act, SKUs with
    stock."""

    buyers: list
    method: ShippingMethod
    carrier: Carrier | None  # preloaded by a migration; the order keeps the name either way
    staff: dict
    popular: list  # SKUs, most popular first
    others: list  # every other SKU with stock
    available: dict  # SKU -> units still free, counted down as orders are planned


@transaction.atomic
def load_order_demo(stdout=None) -> None:
    """About 60 past orders of the demo shoppers, spread over the last three days, in every status.

    They are placed with ``order_place`` and moved on with ``order_transition`` /
    ``order_ship`` / ``order_cancel_by_customer`` / ``order_confirm_receipt`` as staff and
    shoppers would, so stock, reservations, history and e-mails are all consistent;
    only the times are moved back afterwards. Orders of a few popular products
    dominate, so the best-sellers ranking has a clear head. Loaded once: when a demo
    order exists nothing is done, so a second run can never add what the first skipped.
    """
    if Order.objects.filter(checkout_key__startswith=DEMO_ORDER_KEY).exists():
        _say(stdout, "Demo orders: already there")
        return
    rng = random.Random(20250310)  # the same demo every time
    setup = _order_setup(rng)
    if setup is None:
        _say(
            stdout,
            "Demo orders: skipped (needs the demo shoppers, products with stock and a shipping "
            "method)",
        )
        return
    now = timezone.now()
    placed = sum(_demo_order(index, rng, setup, now) for index in range(DEMO_ORDER_COUNT))
    _say(stdout, f"Demo orders: {placed} placed over the last {DEMO_ORDER_HOURS // 24} days")


def _say(stdout, message: str) -> None:
    if stdout is not None:
        stdout.write(message)


def _order_setup(rng: random.Random) -> _Setup | None:
    usernames = [SHOPPER_USERNAME] + [row[0] for row in MORE_SHOPPERS]
    buyers = [
        user
        for user in get_user_model().objects.filter(username__in=usernames).order_by("pk")
        if user.addresses.filter(is_default=True).exists()
    ]
    method = ShippingMethod.objects.filter(active=True).order_by("sort_order", "pk").first()
    stock = {row.sku: row.available for row in Stock.objects.all()}
    skus = [
        sku
        for sku in ProductVariant.objects.filter(product__live=True)
        .order_by("product_id", "sort_order")
        .values_list("sku", flat=True)
        if stock.get(sku, 0) >= 10
    ]
    if not buyers or method is None or len(skus) < POPULAR_PRODUCTS * 2:
        return None
    popular = rng.sample(skus, POPULAR_PRODUCTS)
    staff = {
        user.username: user
        for user in get_user_model().objects.filter(username__in=["finance", "logistics"])
    }
    return _Setup(
        buyers=buyers,
        method=method,
        carrier=Carrier.objects.filter(code="sf").first(),
        staff=staff,
        popular=popular,
        others=[sku for sku in skus if sku not in popular],
        available=stock,
    )


def _demo_order(index: int, rng: random.Random, setup: _Setup, now) -> int:
    """Place order ``index`` of the demo and walk it to its status; 1 when placed, 0 when
    skipped."""
    # More orders lately than three days ago: the age grows with the index to the power 1.5.
    age = max(0.2, DEMO_ORDER_HOURS * ((index + rng.random()) / DEMO_ORDER_COUNT) ** 1.5)
    payment_method, target = _status_for_age(age, index)
    quantities = _basket(rng, setup)
    buyer = setup.buyers[index % len(setup.buyers)]
    if not quantities:
        return 0
    try:
        with transaction.atomic():  # an order that cannot be walked to its status leaves no trace
            order = order_place(
                checkout_key=f"{DEMO_ORDER_KEY}{index}",
                user=buyer,
                email=buyer.email,
                language=settings.LANGUAGE_CODE,
                quantities=quantities,
                delivery=Delivery.from_address(buyer.addresses.get(is_default=True)),
                shipping_method_id=setup.method.pk,
                payment_method=payment_method,
            )
            _walk(order, target, buyer=buyer, setup=setup, number=index)
            _backdate(order, placed_at=now - timedelta(hours=age), now=now)
    except CommerceError:
        return 0  # e.g. a product the shipping method does not take; the next order goes on
    return 1


# Age of the order (hours) → what orders that old have become by now (payment method, status),
# taken in turn so that every status shows up; a status listed twice is twice as common.
_STATUS_BY_AGE = [
    (
        6,
        [
            ("bank_transfer", S.AWAITING_PAYMENT),
            ("cod", S.CONFIRMED),
            ("bank_transfer", S.PAID),
            ("alipay", S.PAID),
            ("cod", S.CONFIRMED),
            ("bank_transfer", S.CANCELLED),
        ],
    ),
    (
        24,
        [
            ("bank_transfer", S.PAID),
            ("alipay", S.STOCKING),
            ("cod", S.STOCKING),
            ("bank_transfer", S.PACKING),
            ("cod", S.PACKING),
            ("bank_transfer", S.SHIPPED),
            ("alipay", S.PAID),
            ("cod", S.CANCELLED),
        ],
    ),
    (
        48,
        [
            ("bank_transfer", S.SHIPPED),
            ("alipay", S.IN_TRANSIT),
            ("cod", S.SHIPPED),
            ("cod", S.IN_TRANSIT),
            ("bank_transfer", S.DELIVERED),
            ("bank_transfer", S.CANCELLED),
        ],
    ),
    (
        None,
        [
            ("bank_transfer", S.DELIVERED),
            ("alipay", S.COMPLETED),
            ("cod", S.DELIVERED),
            ("cod", S.COMPLETED),
            ("bank_transfer", S.COMPLETED),
            ("cod", S.CANCELLED),
        ],
    ),
]
PREPAID_STEPS = [S.PAID, S.STOCKING, S.PACKING, S.SHIPPED, S.IN_TRANSIT, S.DELIVERED, S.COMPLETED]
COD_STEPS = [S.STOCKING, S.PACKING, S.SHIPPED, S.IN_TRANSIT, S.DELIVERED, S.COMPLETED]


def _status_for_age(age: float, index: int) -> tuple[str, str]:
    choices = next(options for limit, options in _STATUS_BY_AGE if limit is None or age < limit)
    return choices[index % len(choices)]


def _basket(rng: random.Random, setup: _Setup) -> dict[str, int]:
    """One to three SKUs, mostly popular ones (the first the most), never more than is in stock."""
    quantities: dict[str, int] = {}
    for _line in range(rng.choice([1, 1, 1, 2, 2, 3])):
        if rng.random() < 0.75:
            sku = rng.choices(
                setup.popular, weights=[1 / (rank + 1) for rank in range(len(setup.popular))]
            )[0]
        else:
            sku = rng.choice(setup.others)
        quantity = min(
            rng.choice([1, 1, 1, 2, 2, 3]), setup.available[sku] - quantities.get(sku, 0)
        )
        if quantity > 0:
            quantities[sku] = quantities.get(sku, 0) + quantity
    for sku, quantity in quantities.items():
        setup.available[sku] -= quantity
    return quantities


def _walk(order: Order, target: str, *, buyer, setup: _Setup, number: int) -> None:
    """Move a fresh order to ``target`` one allowed step at a time, as the desks and the shopper
    would."""
    if target == S.CANCELLED:
        order_cancel_by_customer(order=order, actor=buyer)
        return
    steps = COD_STEPS if order.payment_method == PaymentMethod.CASH_ON_DELIVERY else PREPAID_STEPS
    for status in steps[: steps.index(target) + 1] if target in steps else []:
        if status == S.SHIPPED:
            _ship(order, setup=setup, tracking_number=f"SF{1403200000 + number * 7919}")
        elif status == S.COMPLETED:
            order_confirm_receipt(order=order, actor=buyer)
        elif status == S.PAID:
            # Through the payments module, so the money is on record and can be refunded.
            payment_record_success(
                order=order,
                provider=order.payment_method,
                amount=order.total,
                reference=f"DEMO-{order.checkout_key[:20]}",
                actor=setup.staff.get("finance"),
            )
        else:
            actor = (
                setup.staff.get("finance") if status == S.PAID else setup.staff.get("logistics")
            )
            order_transition(
                order=order, to_status=status, actor=None if status == S.DELIVERED else actor
            )


def _ship(order: Order, *, setup: _Setup, tracking_number: str) -> None:
    carrier_name = setup.carrier.name if setup.carrier else "顺丰速运 SF Express"
    order_ship(
        order=order,
        carrier=carrier_name,
        tracking_number=tracking_number,
        actor=setup.staff.get("logistics"),
    )
    if setup.carrier is not None:
        Order.objects.filter(pk=order.pk).update(shipping_carrier=setup.carrier)


def _backdate(order: Order, *, placed_at, now) -> None:
    """Move the order's times back to ``placed_at``: history, payment, number, stock movements,
    e-mails.

    The e-mails are marked sent: they belong to the past, and nothing should go out
    to the demo shoppers when this transaction commits.
    """
    times = _step_times(list(order.status_changes.order_by("pk")), placed_at=placed_at, now=now)
    for change, when in times:
        OrderStatusChange.objects.filter(pk=change.pk).update(created_at=when)
    reached = {change.to_status: when for change, when in times}
    cash_on_delivery = order.payment_method == PaymentMethod.CASH_ON_DELIVERY
    paid_at = None
    if order.paid_at is not None:  # cash on delivery is paid when delivered, the rest when paid
        paid_at = reached.get(S.DELIVERED) if cash_on_delivery else reached.get(S.PAID)
    pay_by = (
        placed_at + timedelta(minutes=settings.ORDER_PAYMENT_TIMEOUT_MINUTES)
        if order.pay_by
        else None
    )
    Order.objects.filter(pk=order.pk).update(
        placed_at=placed_at,
        paid_at=paid_at,
        pay_by=pay_by,
        number=timezone.localtime(placed_at).strftime("%Y%m%d") + order.number[8:],
    )
    movement_times = {
        StockMovement.Kind.RESERVE: placed_at,
        StockMovement.Kind.SALE_OUT: reached.get(S.SHIPPED),
        StockMovement.Kind.RELEASE: reached.get(S.CANCELLED),
    }
    if paid_at is not None:
        Payment.objects.filter(order=order).update(created_at=paid_at, succeeded_at=paid_at)
    for kind, when in movement_times.items():
        if when is not None:
            StockMovement.objects.filter(order=order, kind=kind).update(created_at=when)
    OutgoingEmail.objects.filter(order=order).update(
        status=OutgoingEmail.Status.SENT, attempts=1, sent_at=placed_at
    )


def _step_times(changes: list, *, placed_at, now) -> list:
    """When each status change happened: placing at ``placed_at``, the first step (payment or the
    first review) a quarter of an hour later, the rest spread evenly until a while before now."""
    if len(changes) == 1:
        return [(changes[0], placed_at)]
    first = placed_at + min(timedelta(minutes=15), (now - placed_at) / 4)
    last = placed_at + min(timedelta(hours=40), (now - placed_at) * 0.8)
    step = (last - first) / max(len(changes) - 2, 1)
    return [(changes[0], placed_at)] + [
        (change, first + step * k) for k, change in enumerate(changes[1:])
    ]
