"""Best-sellers of the last 24 hours (F-04): units sold per product, from order lines.

What counts as sold in the window — one rule, so every order counts in exactly one
24-hour window and never twice:

* orders paid up front (bank transfer, Alipay, online) count from the moment they
  were paid (``paid_at``); one still awaiting payment is not a sale yet;
* cash-on-delivery orders count from the moment they were placed (``placed_at``):
  they are confirmed on placing, while their ``paid_at`` is only set days later
  when the courier collects the cash, which would push today's sales into another
  day's ranking;
* a cancelled order never counts (also when it was paid and then cancelled), nor
  does a line whose product was deleted or is not live.

Reading is cheap: the ranking is one grouped query, cached per category in
Django's cache for ``BEST_SELLERS_CACHE_SECONDS`` (default 300). The cache key
carries the time bucket, so every process serves the same ranking within a bucket
and a new one starts when the bucket ends, whatever the cache backend.
"""

from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q, Sum
from django.utils import timezone

from products.models import Category
from products.ranking import RANKING_DEPTH, products_in_category

from .models import OrderLine, OrderStatus, PaymentMethod

WINDOW = timedelta(hours=24)
DEFAULT_CACHE_SECONDS = 300


def best_sellers(
    *, category: Category | None = None, limit: int = 12, now=None
) -> list[tuple[int, int]]:
    """The products that sold the most units in the 24 hours up to ``now``: ``[(product_id,
    units)]``.

    Sold means: paid in the window, or for cash on delivery placed in it; never a
    cancelled order (the module docstring says why). Most units first, ties by
    product id. ``category`` narrows the ranking to products whose category or
    "also listed in" category is it or one below it. ``now`` lets tests (and
    reports) look at a fixed moment.
    """
    now = now or timezone.now()
    depth = max(limit, RANKING_DEPTH)
    seconds = int(getattr(settings, "BEST_SELLERS_CACHE_SECONDS", DEFAULT_CACHE_SECONDS))
    if seconds <= 0:
        return _ranking(category=category, until=now, depth=depth)[:limit]
    bucket = int(now.timestamp()) // seconds
    key = f"best-sellers:{category.pk if category else 'all'}:{depth}:{seconds}:{bucket}"
    ranking = cache.get(key)
    if ranking is None:
        ranking = _ranking(category=category, until=now, depth=depth)
        cache.set(key, ranking, timeout=seconds)
    return ranking[:limit]


def sold_in_window(*, since, until) -> Q:
    """Order lines sold in (since, until], by the rule of the module docstring (cancelled ones
    included)."""
    cash_on_delivery = Q(order__payment_method=PaymentMethod.CASH_ON_DELIVERY)
    placed = Q(order__placed_at__gt=since, order__placed_at__lte=until)
    paid = Q(order__paid_at__gt=since, order__paid_at__lte=until)
    return (cash_on_delivery & placed) | (~cash_on_delivery & paid)


def _ranking(*, category: Category | None, until, depth: int) -> list[tuple[int, int]]:
    lines = OrderLine.objects.filter(
        sold_in_window(since=until - WINDOW, until=until), product__live=True
    ).exclude(order__status=OrderStatus.CANCELLED)
    if category is not None:
        # A subquery, not a join on extra_categories: a join would count a line once per
        # matching category and inflate the units of products listed in two subcategories.
        lines = lines.filter(product_id__in=products_in_category(category))
    rows = (
        lines.values_list("product_id")
        .annotate(units=Sum("quantity"))
        .order_by("-units", "product_id")[:depth]
    )
    return [(product_id, units) for product_id, units in rows]
