"""Storefront views for the catalogue: the faceted listing and the product page.

Views are thin: listing.py filters and counts, detail.py gathers the product page.
"""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.events import event_record

from .detail import product_detail_context
from .listing import compute_facets, filterable_attributes, filtered_products, parse_filters
from .models import BrandPage, Product
from .seo import listing_meta
from .showcases import card_images

PRODUCTS_PER_PAGE = 24


def product_list(request):
    """/products/: every live product, narrowed by the facets in the address."""
    brands = list(BrandPage.objects.live().order_by("title"))
    brands_by_slug = {brand.slug: brand for brand in brands}
    filterable = filterable_attributes()
    filters = parse_filters(request.GET, brands_by_slug=brands_by_slug, filterable=filterable)
    base = Product.objects.live()
    products = (
        filtered_products(base, filters, filterable)
        .select_related("brand", "stats")
        .prefetch_related(Prefetch("images", queryset=card_images()))
    )
    paginator = Paginator(products, PRODUCTS_PER_PAGE)
    page_number, page_notice = _clamp_page(request.GET.get("page"), paginator)
    if page_notice:
        filters.notices.append(page_notice)
    page = paginator.page(page_number)
    context = {
        "filters": filters,
        "facets": compute_facets(base, filters, filterable, brands),
        "products": page,
        "sorts": [
            ("newest", _("Newest")),
            ("price_asc", _("Price: low to high")),
            ("price_desc", _("Price: high to low")),
            ("best_selling", _("Best-selling")),
            ("best_rated", _("Best rated")),
        ],
    }
    context["seo"] = listing_meta(request, filters=filters, page=page)
    return render(request, "products/product_list.html", context)


def _clamp_page(raw, paginator) -> tuple[int, str]:
    """A real page number for any input; a message when the request was out of range."""
    try:
        number = int(raw or 1)
    except (TypeError, ValueError):
        return 1, _("That page number was not valid; showing the first page.")
    if number < 1:
        return 1, ""
    if number > paginator.num_pages:
        message = ngettext(
            "There is only %(count)d page; showing it.",
            "There are only %(count)d pages; showing the last one.",
            paginator.num_pages,
        )
        return paginator.num_pages, message % {"count": paginator.num_pages}
    return number, ""


def product_detail(request, slug):
    """/products/<slug>/: one live product."""
    product = get_object_or_404(
        Product.objects.live()
        .select_related("brand", "primary_category", "product_type")
        .prefetch_related("variants"),  # read by the page and by commerce's hooks: once
        slug=slug,
    )
    context = product_detail_context(request, product)
    event_record(request, "product_view", product_id=product.pk)
    return render(request, "products/product_detail.html", context)
