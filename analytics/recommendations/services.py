"""Rebuilding the recommendation pairs, and remembering what a visitor looked at.

Pairs are counted in SQL: the products of each basket (a paid order, or a visit's product
views) are paired with every other product of the same basket, each pair scored by how many
baskets held both, and ranked per product by score (ties by the other product's id, so a
rebuild is deterministic). Baskets of more than ``MAX_BASKET`` products are left out: a
visit that opened a hundred products says nothing about any two of them, and would make
ten thousand pairs.
"""

import datetime

from django.db import connection, transaction
from django.utils import timezone

from commerce.models import Order, OrderLine, OrderStatus

from ..models import Event, ProductPair

# Partners kept per product and kind: more than a row shows, so the page can still fill a
# row when some partners are out of stock or unpublished (filtered when read).
DEPTH = 24
MAX_BASKET = 50
VIEW_DAYS = 90

RECENTLY_VIEWED_SESSION_KEY = "recently_viewed"
RECENTLY_VIEWED_KEPT = 20

# Follows "WITH baskets AS (<basket query>)," — baskets has the columns basket, product_id.
_RANKED_PAIRS = """
basket_sizes AS (
    SELECT basket FROM baskets GROUP BY basket HAVING COUNT(*) <= %s
),
pairs AS (
    SELECT a.product_id AS product_id, b.product_id AS other_id, COUNT(*) AS score
    FROM baskets a
    JOIN baskets b ON a.basket = b.basket AND a.product_id <> b.product_id
    WHERE a.basket IN (SELECT basket FROM basket_sizes)
    GROUP BY a.product_id, b.product_id
),
ranked AS (
    SELECT product_id, other_id, score,
           ROW_NUMBER() OVER (PARTITION BY product_id ORDER BY score DESC, other_id) AS rank
    FROM pairs
)
SELECT product_id, other_id, score, rank FROM ranked WHERE rank <= %s
"""


def _bought_baskets() -> tuple[str, list]:
    """(order, product) once per paid order that was not cancelled."""
    lines, orders = OrderLine._meta.db_table, Order._meta.db_table
    sql = (
        f"SELECT DISTINCT l.order_id AS basket, l.product_id AS product_id "
        f"FROM {lines} l JOIN {orders} o ON o.id = l.order_id "
        f"WHERE o.paid_at IS NOT NULL AND o.status <> %s AND l.product_id IS NOT NULL"
    )
    return sql, [OrderStatus.CANCELLED]


def _viewed_baskets(since: datetime.datetime) -> tuple[str, list]:
    """(visit, product) once per visit that viewed the product since ``since``."""
    sql = (
        f"SELECT DISTINCT session AS basket, product_id FROM {Event._meta.db_table} "
        f"WHERE kind = %s AND session <> '' AND product_id IS NOT NULL AND occurred_at >= %s"
    )
    return sql, ["product_view", since]


def _ranked_pairs(kind: str, baskets: tuple[str, list], depth: int) -> list[ProductPair]:
    basket_sql, params = baskets
    sql = f"WITH baskets AS ({basket_sql}),{_RANKED_PAIRS}"
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, MAX_BASKET, depth])
        return [
            ProductPair(kind=kind, product_id=product, other_id=other, score=score, rank=rank)
            for product, other, score, rank in cursor.fetchall()
        ]


def product_pairs_build(
    *, depth: int = DEPTH, view_days: int = VIEW_DAYS, now: datetime.datetime | None = None
) -> dict[str, int]:
    """Replace every recommendation pair: bought together from paid orders, viewed together
    from the product views of the last ``view_days`` days. Returns the rows per kind."""
    since = (now or timezone.now()) - datetime.timedelta(days=view_days)
    built = {
        ProductPair.Kind.BOUGHT: _ranked_pairs(ProductPair.Kind.BOUGHT, _bought_baskets(), depth),
        ProductPair.Kind.VIEWED: _ranked_pairs(
            ProductPair.Kind.VIEWED, _viewed_baskets(since), depth
        ),
    }
    with transaction.atomic():
        ProductPair.objects.all().delete()
        for rows in built.values():
            ProductPair.objects.bulk_create(rows, batch_size=2000)
    return {str(kind): len(rows) for kind, rows in built.items()}


def recently_viewed_add(*, session, product_id: int) -> None:
    """Put ``product_id`` first in the visitor's recently viewed list (kept in the session,
    so it goes with the visitor's sign-out and never reaches anyone else)."""
    kept = recently_viewed_ids(session)
    if kept[:1] == [product_id]:
        return
    session[RECENTLY_VIEWED_SESSION_KEY] = [
        product_id,
        *[pk for pk in kept if pk != product_id],
    ][:RECENTLY_VIEWED_KEPT]


def recently_viewed_ids(session) -> list[int]:
    """The product ids of the session's list, newest first (anything else in it ignored)."""
    stored = session.get(RECENTLY_VIEWED_SESSION_KEY) if session is not None else None
    if not isinstance(stored, list):
        return []
    return [pk for pk in stored if isinstance(pk, int) and not isinstance(pk, bool) and pk > 0]
