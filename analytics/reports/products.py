"""The products report: top products and categories by revenue and units, each product's
views → cart → purchase conversion, and products many viewed but few bought (ProductDay
rollups: six queries whatever the range)."""

from django.db.models import Sum
from django.utils.translation import gettext as _

from products.models import Category, Product

from ..models import ProductDay
from .base import Chart, Figure, Report, Table, compared_sums, money, ratio
from .periods import Period

FIELDS = ["views", "cart_adds", "orders", "units", "revenue"]
TOP = 20
# "Many views": at least this many in the period before a product counts as a low seller.
MIN_VIEWS = 20
LOW_SELLERS = 10


def _grouped(period: Period, field: str):
    return (
        ProductDay.objects.filter(date__gte=period.first, date__lte=period.last)
        .values(field)
        .annotate(**{name: Sum(name) for name in FIELDS})
    )


def _row(name: str, sums: dict) -> list:
    views = sums["views"] or 0
    return [
        name,
        money(sums["revenue"]),
        sums["units"] or 0,
        sums["orders"] or 0,
        views,
        sums["cart_adds"] or 0,
        ratio(sums["cart_adds"] or 0, views),
        ratio(sums["orders"] or 0, views),
    ]


def _columns(first: str) -> list[str]:
    return [
        first,
        _("Revenue"),
        _("Units sold"),
        _("Orders"),
        _("Views"),
        _("Cart adds"),
        _("View to cart (%)"),
        _("View to purchase (%)"),
    ]


def products_report(period: Period) -> Report:
    now, before = compared_sums(ProductDay.objects.all(), period, FIELDS)
    top = list(_grouped(period, "product_id").order_by("-revenue", "-units", "product_id")[:TOP])
    low = list(
        _grouped(period, "product_id")
        .filter(views__gte=MIN_VIEWS)
        .order_by("units", "-views", "product_id")[:LOW_SELLERS]
    )
    categories = list(
        _grouped(period, "category_id").order_by("-revenue", "-units", "category_id")[:TOP]
    )
    product_ids = {row["product_id"] for row in top + low}
    names = dict(Product.objects.filter(pk__in=product_ids).values_list("pk", "name"))
    category_names = dict(
        Category.objects.filter(
            pk__in={row["category_id"] for row in categories if row["category_id"]}
        ).values_list("pk", "name")
    )

    def product_name(pk) -> str:
        return names.get(pk) or _("Deleted product #%(id)s") % {"id": pk}

    top_rows = [_row(product_name(row["product_id"]), row) for row in top]
    category_rows = [
        _row(category_names.get(row["category_id"]) or _("No category"), row) for row in categories
    ]
    low_rows = [_row(product_name(row["product_id"]), row) for row in low]
    return Report(
        figures=[
            Figure(_("Revenue"), money(now["revenue"]), money(before["revenue"]), "money"),
            Figure(_("Units sold"), now["units"], before["units"]),
            Figure(_("Product views"), now["views"], before["views"]),
            Figure(_("Cart adds"), now["cart_adds"], before["cart_adds"]),
            Figure(
                _("View to purchase"),
                ratio(now["orders"], now["views"]) or 0,
                ratio(before["orders"], before["views"]) or 0,
                "percent",
            ),
        ],
        tables=[
            Table(
                _("Top products"),
                _columns(_("Product")),
                top_rows,
                key="products",
                chart=_bars(top_rows[:10]),
            ),
            Table(
                _("Top categories"),
                _columns(_("Category")),
                category_rows,
                key="categories",
                chart=_bars(category_rows[:10]),
            ),
            Table(
                _("Many views, few sales"),
                _columns(_("Product")),
                low_rows,
                key="low-sellers",
            ),
        ],
        notes=[
            _(
                "Revenue and units count the order lines of orders paid in the period; views "
                "and cart adds the shoppers' visits. Few sales: at least %(views)s views, "
                "fewest units first."
            )
            % {"views": MIN_VIEWS}
        ],
    )


def _bars(rows: list[list]) -> Chart:
    return Chart(
        kind="bar",
        labels=[row[0] for row in rows],
        datasets=[(_("Revenue"), [row[1] for row in rows])],
        horizontal=True,
    )
