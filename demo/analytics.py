"""Demo behaviour: a month of visits looking at products, so the product page's "customers
who viewed this also viewed" row, the recently viewed row of the demo shopper and the reports
have something to show, and the recommendation pairs built from them and the demo orders.

Visits mostly stay in one category (a shopper comparing teas looks at teas), with now and
then a look elsewhere; a few belong to the demo shopper on another device, so their recently
viewed row is filled when they sign in. Loaded once: when a demo visit exists the events are
left as they are (the pairs are rebuilt, which gives the same rows).
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from analytics.models import Event
from analytics.recommendations.services import product_pairs_build
from analytics.rollups import rollups_build_recent
from products.models import Product

from .commerce import SHOPPER_USERNAME

DEMO_SESSION_PREFIX = "demo-"
DEMO_VISITS = 240
DEMO_DAYS = 30
SHOPPER_VISITS = 4
DEVICES = ("mobile", "mobile", "mobile", "desktop", "desktop", "tablet")
SOURCES = (
    {},
    {},
    {"referrer_host": "www.baidu.com"},
    {"referrer_host": "weibo.com"},
    {"utm_source": "wechat", "utm_medium": "social", "utm_campaign": "spring-tea"},
)


@transaction.atomic
def load_analytics_demo(stdout=None) -> None:
    """The demo visits' events (once), then the recommendation pairs and the rollups."""
    if Event.objects.filter(session__startswith=DEMO_SESSION_PREFIX).exists():
        _say(stdout, "Demo visits: already there")
    else:
        events = _visits(random.Random(20250311), timezone.now())
        Event.objects.bulk_create(events, batch_size=1000)
        rollups_build_recent(days=DEMO_DAYS + 1)
        _say(stdout, f"Demo visits: {len(events)} product views over the last {DEMO_DAYS} days")
    built = product_pairs_build()
    _say(
        stdout,
        f"Recommendations: {built['bought']} bought-together and {built['viewed']} "
        "viewed-together pairs",
    )


def _say(stdout, message: str) -> None:
    if stdout is not None:
        stdout.write(message)


def _visits(rng: random.Random, now) -> list[Event]:
    by_category: dict[int, list[int]] = {}
    for pk, category in (
        Product.objects.live().order_by("pk").values_list("pk", "primary_category_id")
    ):
        by_category.setdefault(category, []).append(pk)
    groups = [pks for pks in by_category.values() if len(pks) >= 2]
    if not groups:
        return []
    every = [pk for pks in groups for pk in pks]
    shopper = get_user_model().objects.filter(username=SHOPPER_USERNAME).first()
    events = []
    for index in range(DEMO_VISITS):
        user_id = shopper.pk if shopper and index < SHOPPER_VISITS else None
        events += _visit(
            rng, now, index=index, group=rng.choice(groups), every=every, user_id=user_id
        )
    return events


def _visit(rng, now, *, index: int, group: list[int], every: list[int], user_id) -> list[Event]:
    """One visit: two to five products of one category, sometimes one from anywhere."""
    products = rng.sample(group, min(len(group), rng.randint(2, 5)))
    if rng.random() < 0.2:
        products.append(rng.choice(every))
    # An hour ago at the latest, so no view lies in the future; the shopper's own visits on
    # the two days before (their "other device").
    days_ago = DEMO_DAYS * rng.random() ** 1.3 if user_id is None else 1 + index * 0.3
    start = now - datetime.timedelta(days=days_ago, hours=1)
    session = f"{DEMO_SESSION_PREFIX}{index:04d}"
    common = {
        "session": session,
        "user_id": user_id,
        "device": rng.choice(DEVICES),
        **rng.choice(SOURCES),
    }
    events = [Event(occurred_at=start, kind="visit", **common)]
    for step, product_id in enumerate(products, start=1):
        events.append(
            Event(
                occurred_at=start + datetime.timedelta(minutes=step * rng.randint(1, 4)),
                kind="product_view",
                product_id=product_id,
                **common,
            )
        )
    return events
