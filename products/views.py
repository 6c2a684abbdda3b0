"""Storefront views for the catalogue: the faceted listing, the product page and
the shipping-fee calculator. Views are thin; listing.py and commerce.shipping decide."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page

from commerce.regions import PROVINCES
from commerce.shipping import ShippingError, shipping_quotes

from .listing import compute_facets, filterable_attributes, filtered_products, parse_filters
from .models import BrandPage, Product, ProductAttributeValue, Stock
from .showcases import card_images

PRODUCTS_PER_PAGE = 24
MAX_QUANTITY = 99


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
        ],
        "canonical_query": _canonical_query(request.GET, page_number),
    }
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


def _canonical_query(query, page_number: int) -> str:
    """The query string in a stable order, so one view has one address."""
    params = query.copy()
    params.pop("page", None)
    if page_number > 1:
        params["page"] = str(page_number)
    return params.urlencode() if params else ""


def product_detail(request, slug):
    """/products/<slug>/: one live product."""
    product = get_object_or_404(
        Product.objects.live().select_related("brand", "primary_category", "product_type"),
        slug=slug,
    )
    context = product_detail_context(request, product)
    if "province" in request.GET:  # the calculator submitted without JavaScript
        context.update(shipping_calculator_context(product, request.GET))
        context["calculated"] = True
    return render(request, "products/product_detail.html", context)


def product_detail_context(request, product, preview: bool = False) -> dict:
    """What the product page shows; also used for the admin preview of a draft."""
    variants = list(product.variants.all())
    stock_by_sku = {
        stock.sku: stock for stock in Stock.objects.filter(sku__in=[v.sku for v in variants])
    }
    variant_rows = [(variant, stock_by_sku.get(variant.sku)) for variant in variants]
    if preview:
        attribute_values = [value for value in product.attribute_values.all()]
    else:
        attribute_values = list(
            ProductAttributeValue.objects.filter(product=product).select_related("attribute")
        )
    specs = [value for value in attribute_values if value.attribute.in_specs]
    guides = featured_in_guides(product) if not preview else []
    related = (
        Product.objects.live()
        .filter(primary_category_id=product.primary_category_id)
        .exclude(pk=product.pk)
        .select_related("brand")
        .prefetch_related(Prefetch("images", queryset=card_images()))
        .order_by("-first_published_at")[:4]
    )
    return {
        "product": product,
        "page": product,
        "variant_rows": variant_rows,
        "first_variant": variants[0] if variants else None,
        "specs": specs,
        "gallery": list(product.images.all()),
        "related_products": list(related),
        "guides": guides,
        "provinces": PROVINCES,
        "max_quantity": MAX_QUANTITY,
        "is_preview": preview,
        "structured_data": product_structured_data(request, product, variant_rows),
    }


def product_structured_data(request, product, variant_rows) -> dict:
    """schema.org Product with one Offer per variant, for search engines (F-36)."""
    in_stock, out_of_stock = "https://schema.org/InStock", "https://schema.org/OutOfStock"
    data = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.name,
        "description": product.seo_description,
        "url": request.build_absolute_uri(product.url),
        "offers": [
            {
                "@type": "Offer",
                "sku": variant.sku,
                "price": str(variant.price),
                "priceCurrency": settings.SHOP_CURRENCY,
                "availability": in_stock
                if stock is not None and stock.available > 0
                else out_of_stock,
            }
            for variant, stock in variant_rows
        ],
    }
    if product.brand_id:
        data["brand"] = {"@type": "Brand", "name": product.brand.title}
    if variant_rows:
        data["sku"] = variant_rows[0][0].sku
    return data


def featured_in_guides(product) -> list:
    """Live guides whose body embeds this product (found through Wagtail's reference index)."""
    from wagtail.models import ReferenceIndex

    from guides.models import GuidePage

    guide_ids = (
        ReferenceIndex.get_references_to(product)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )
    return list(
        GuidePage.objects.live().filter(pk__in=[int(pk) for pk in guide_ids]).order_by("-date")[:6]
    )


def shipping_calculator(request, slug):
    """The calculator's answer alone (an HTML fragment the product page loads without a reload)."""
    product = get_object_or_404(Product.objects.live(), slug=slug)
    context = shipping_calculator_context(product, request.GET)
    if context["variant"] is None:
        raise Http404
    return render(
        request,
        "products/includes/shipping_quotes.html",
        context,
        status=400 if context["shipping_error"] else 200,
    )


def shipping_calculator_context(product, params) -> dict:
    """Fees per shipping method for a province and a quantity of the chosen variant."""
    variants = {variant.sku: variant for variant in product.variants.all()}
    variant = variants.get(params.get("sku")) or next(iter(variants.values()), None)
    context = {
        "variant": variant,
        "quotes": [],
        "shipping_error": "",
        "quantity": None,
        "province": params.get("province", ""),
    }
    if variant is None:
        return context
    quantity = _parse_quantity(params.get("quantity"))
    context["quantity"] = quantity
    if quantity is None:
        context["shipping_error"] = _("Quantity must be a whole number from 1 to %(max)d.") % {
            "max": MAX_QUANTITY
        }
        return context
    try:
        context["quotes"] = shipping_quotes(
            province=context["province"],
            goods_total=variant.price * quantity,
            weight_grams=variant.weight_grams * quantity,
        )
    except ShippingError as exc:
        context["shipping_error"] = exc.message
    return context


def _parse_quantity(raw) -> int | None:
    if raw is None or not str(raw).isdigit():
        return None
    quantity = int(raw)
    return quantity if 1 <= quantity <= MAX_QUANTITY else None
