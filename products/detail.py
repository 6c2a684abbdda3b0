"""What the product page shows: the catalogue's facts about one product.

Layers above the catalogue add what they own through the Wagtail hook
``product_page_context``: each registered function takes ``request``, ``product`` and
``preview`` and returns entries for the page's context (commerce: the quantity limit
and the shipping calculator; guides: the guides that embed the product). An entry whose
name ends in ``_structured_data`` or ``_offer_structured_data`` goes into the page's
schema.org Product or its Offers (see ``products.seo``). The admin preview of a draft uses
the same function, so it shows what the page will show.
"""

from django.db.models import Prefetch
from wagtail import hooks

from .models import Product, ProductAttributeValue, Stock
from .prices import effective_prices
from .seo import product_meta
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
    for variant in variants:
        variant.product = product  # pricing reads its brand and categories
    prices = effective_prices(request, variants)
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
        .select_related("brand", "stats")  # cards show the rating
        .prefetch_related(Prefetch("images", queryset=card_images()))
        .order_by("-first_published_at")[:4]
    )
    context = {
        "product": product,
        "page": product,
        "variant_rows": variant_rows,
        "first_variant": variants[0] if variants else None,
        "variant_prices": prices,
        "first_price": prices.get(variants[0].sku) if variants else None,
        "specs": specs,
        # The page and its preview pictures read each image and its renditions: one query each.
        "gallery": list(
            product.images.select_related("image").prefetch_related("image__renditions")
        ),
        "related_products": list(related),
        "guides": [],
        "is_preview": preview,
    }
    for extend in hooks.get_hooks(PRODUCT_PAGE_HOOK):
        context.update(extend(request=request, product=product, preview=preview))
    # Last: the structured data carries what the hooks added (ratings, shipping, returns).
    context["seo"] = product_meta(request, context)
    return context
