"""Reading recommendations: the product page's rows and a shopper's recently viewed products.

Each reader runs a fixed number of queries whatever the number of cards: one for the
products (with the card's brand, rating and category joined), the card's pictures and
their renditions (two prefetches), and one price batch (``products.prices``).
"""

from dataclasses import dataclass

from django.db.models import (
    Case,
    Exists,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.utils.translation import gettext as _

from products.models import Product, ProductVariant, Stock
from products.prices import attach_card_prices
from products.ranking import RANKING_DEPTH, best_sellers, products_in_category
from products.showcases import card_queryset

from ..models import Event, ProductPair
from .services import DEPTH, recently_viewed_ids

ROW_SIZE = 8


@dataclass
class Row:
    """One row of cards: ``slug`` names it in the click events (``?rec=<slug>-<position>``)."""

    slug: str
    heading: str
    products: list


def in_stock():
    """True for a product with at least one SKU that has units to sell."""
    available = Stock.objects.filter(on_hand__gt=F("reserved")).values("sku")
    return Exists(ProductVariant.objects.filter(product=OuterRef("pk"), sku__in=available))


def _cards():
    return card_queryset().select_related("primary_category")


def _rank(pairs, kind: str):
    return Subquery(pairs.filter(kind=kind, other_id=OuterRef("pk")).values("rank")[:1])


def _candidates(product: Product) -> list[Product]:
    """The product's precomputed partners that are live and in stock, then (for the fallback)
    its category's best sellers: the last 24 hours' first, then the most sold ever."""
    pairs = ProductPair.objects.filter(product_id=product.pk)
    paired = Exists(pairs.filter(other_id=OuterRef("pk")))
    wanted = Q(paired=True)
    ranking: list[tuple[int, int]] = []
    category = product.primary_category
    if category is not None:
        ranking = best_sellers(category=category, limit=RANKING_DEPTH)
        wanted |= Q(pk__in=[pk for pk, _units in ranking]) | Q(
            pk__in=products_in_category(category), stats__sales_count__gt=0
        )
    position = Case(
        *[When(pk=pk, then=Value(index)) for index, (pk, _units) in enumerate(ranking)],
        default=Value(None),
        output_field=IntegerField(),
    )
    return list(
        _cards()
        .annotate(
            paired=paired,
            bought_rank=_rank(pairs, ProductPair.Kind.BOUGHT),
            viewed_rank=_rank(pairs, ProductPair.Kind.VIEWED),
            recent_sales_position=position,
        )
        .filter(wanted, in_stock())
        .exclude(pk=product.pk)
        .order_by(
            F("paired").desc(),
            F("recent_sales_position").asc(nulls_last=True),
            F("stats__sales_count").desc(nulls_last=True),
            "pk",
        )[: 2 * DEPTH + ROW_SIZE]
    )


def _ranked(candidates: list[Product], attribute: str) -> list[Product]:
    ranked = [product for product in candidates if getattr(product, attribute) is not None]
    return sorted(ranked, key=lambda product: getattr(product, attribute))[:ROW_SIZE]


def product_rows(*, request, product: Product) -> list[Row]:
    """The product page's rows: customers who bought this also bought (or, when nobody has
    yet, the best sellers of its category), and customers who viewed this also viewed.
    Out-of-stock and unpublished products and the product itself never show; empty rows are
    left out."""
    candidates = _candidates(product)
    bought = _ranked(candidates, "bought_rank")
    viewed = _ranked(candidates, "viewed_rank")
    rows = []
    if bought:
        rows.append(Row("bought_together", _("Customers who bought this also bought"), bought))
    else:
        fallback = [candidate for candidate in candidates if not candidate.paired][:ROW_SIZE]
        if fallback:
            heading = _("Best sellers in %(category)s") % {
                "category": product.primary_category.name
            }
            rows.append(Row("category_best_sellers", heading, fallback))
    if viewed:
        rows.append(Row("viewed_together", _("Customers who viewed this also viewed"), viewed))
    attach_card_prices(request, {p.pk: p for row in rows for p in row.products}.values())
    return rows


def product_page_rows(*, request, product: Product, preview: bool = False) -> dict:
    """The product page's part (``products.detail.PRODUCT_PAGE_HOOK``); a draft's preview
    shows no rows (nobody has bought or viewed it yet)."""
    if preview:
        return {"recommendation_rows": []}
    return {"recommendation_rows": product_rows(request=request, product=product)}


def _viewed_by_shopper(user) -> list[int]:
    """A signed-in shopper's last viewed products from the stored events, newest first."""
    return list(
        Event.objects.filter(user_id=user.pk, kind="product_view", product_id__isnull=False)
        .values("product_id")
        .annotate(last=Max("occurred_at"))
        .order_by("-last", "-product_id")
        .values_list("product_id", flat=True)[: 2 * ROW_SIZE]
    )


def recently_viewed(*, request, current: int | None = None) -> tuple[list[Product], bool]:
    """The visitor's recently viewed live products, newest first, without ``current``, and
    whether ``current`` is a live product (so it may be remembered).

    A visitor's own list is in the session (works for guests, forgotten at sign-out); a
    signed-in shopper's also comes from the product views stored for their account, so it
    follows them from the phone to the computer. Nobody else's list is ever read.
    """
    ids = recently_viewed_ids(getattr(request, "session", None))
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        ids += [pk for pk in _viewed_by_shopper(user) if pk not in ids]
    wanted = [pk for pk in ids if pk != current]
    lookup = wanted[: 2 * ROW_SIZE] + ([current] if current else [])
    found = {product.pk: product for product in _cards().filter(pk__in=lookup)} if lookup else {}
    products = [found[pk] for pk in wanted if pk in found][:ROW_SIZE]
    attach_card_prices(request, products)
    return products, current in found
