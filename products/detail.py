"""What the product page shows: the catalogue's facts about one product.

Layers above the catalogue add what they own through the Wagtail hook
``product_page_context``: each registered function takes ``request``, ``product`` and
``preview`` and returns entries for the page's context (commerce: the quantity limit
and the shipping calculator; guides: the guides that embed the product). The admin
preview of a draft uses the same function, so it shows what the page will show.
"""

from django.conf import settings
from django.db.models import Prefetch
from wagtail import hooks

from .models import Product, ProductAttributeValue, Stock
from .showcases import card_images

PRODUCT_PAGE_HOOK = "product_page_context"


def product_detail_context(request, product, preview: bool = False) -> dict:
    """What the product page shows; also used for the admin preview of a draft.

    The catalogue's own facts, then what the registered ``product_page_context`` hooks
    add (see the module docstring).
    """
    variants = list(product.variants.all())
    stock_by_sku = {
        stock.sku: stock for stock in Stock.objects.filter(sku__in=[v.sku for v in variants])
    }
    variant_rows = [(variant, stock_by_sku.get(variant.sku)) for variant in variants]
    if preview:
        attribute_values = list(product.attribute_values.all())
    else:
        attribute_values = list(
            ProductAttributeValue.objects.filter(product=product).select_related("attribute")
        )
    specs = [value for value in attribute_values if value.attribute.in_specs]
    related = (
        Product.objects.live()
        .filter(primary_category_id=product.primary_category_id)
        .exclude(pk=product.pk)
        .select_related("brand")
        .prefetch_related(Prefetch("images", queryset=card_images()))
        .order_by("-first_published_at")[:4]
    )
    context = {
        "product": product,
        "page": product,
        "variant_rows": variant_rows,
        "first_variant": variants[0] if variants else None,
        "specs": specs,
        "gallery": list(product.images.all()),
        "related_products": list(related),
        "guides": [],
        "is_preview": preview,
        "structured_data": product_structured_data(request, product, variant_rows),
    }
    for extend in hooks.get_hooks(PRODUCT_PAGE_HOOK):
        context.update(extend(request=request, product=product, preview=preview))
    return context


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
