"""Demo shopper and red packets.

A shopper account with an address book entry, so the storefront can be tried signed
in at once. Red packets: a claimable welcome campaign, a capped percentage, a category-only
packet and an expired one, issued to the demo shoppers so "my red packets" has all
its sections. Safe to run again: types are found by name and nobody gets a second
packet of a type they already hold.
"""

from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from accounts.models import Address
from products.models import Category

from .models import RedPacket, RedPacketType
from .red_packets import red_packet_issue, shoppers

WELCOME = "新人红包 ¥20 off ¥199"
PERCENT = "全场 95 折 Storewide 5% off"
TEA = "茶咖专享 Tea & coffee ¥15 off ¥99"
EXPIRED = "春节红包 Spring festival ¥30 off ¥299"


def _types(now) -> list[dict]:
    soon, later = now - timedelta(days=1), now + timedelta(days=90)
    return [
        {"name": WELCOME, "kind": "fixed", "amount": Decimal("20.00"), "min_spend": Decimal("199.00"),
         "valid_from": soon, "valid_until": later, "claimable": True, "claim_limit": 1, "quantity_limit": 1000},
        {"name": PERCENT, "kind": "percent", "percent": Decimal("5"), "cap": Decimal("50.00"),
         "min_spend": Decimal("0.00"), "valid_from": soon, "valid_until": later},
        {"name": TEA, "kind": "fixed", "amount": Decimal("15.00"), "min_spend": Decimal("99.00"),
         "valid_from": soon, "valid_until": later, "categories": ["tea", "coffee"]},
        {"name": EXPIRED, "kind": "fixed", "amount": Decimal("30.00"), "min_spend": Decimal("299.00"),
         "valid_from": now - timedelta(days=120), "valid_until": now - timedelta(days=60)},
    ]


SHOPPER_USERNAME = "shopper"
SHOPPER_EMAIL = "shopper@example.com"


def load_shopper_demo(*, password: str, stdout=None) -> None:
    """The demo shopper (signs in by username, e-mail or mobile) with a default address."""
    user, created = get_user_model().objects.get_or_create(
        username=SHOPPER_USERNAME,
        defaults={"email": SHOPPER_EMAIL, "mobile": "13800138000", "first_name": "小明", "last_name": "王"})
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
        Address.objects.create(user=user, recipient="王小明", mobile="13800138000", province="guangdong",
                               city="深圳市", district="南山区", street="科技园科苑路 15 号", postcode="518057",
                               is_default=True)
    if stdout is not None:
        stdout.write(f"Demo shopper: {'created' if created else 'already there'}")


@transaction.atomic
def load_red_packet_demo(stdout=None) -> None:
    """Create the four demo types and give the demo shoppers their packets (see the module docstring)."""
    now = timezone.now()
    created = 0
    types = {}
    for fields in _types(now):
        category_slugs = fields.pop("categories", [])
        packet_type, was_created = RedPacketType.objects.get_or_create(name=fields["name"], defaults=fields)
        if was_created and category_slugs:
            packet_type.categories.set(Category.objects.filter(slug__in=category_slugs))
        created += was_created
        types[packet_type.name] = packet_type
    issued = _issue(types, now)
    if stdout is not None:
        stdout.write(f"Red packets: {created} types created, {len(types) - created} already there, "
                     f"{issued} packets issued")


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
    late = [RedPacket(packet_type=expired, user=user, issued_by=actor)
            for user in shoppers().exclude(red_packets__packet_type=expired)]
    issued += len(RedPacket.objects.bulk_create(late))
    return issued
