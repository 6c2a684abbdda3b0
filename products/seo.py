"""What search engines read about the catalogue's pages: the product page (schema.org Product
with an Offer per variant), the listing (its one address per filter combination) and brand
pages.

Layers above the catalogue add what they own to the product's structured data through the
``product_page_context`` hook (see ``products.detail``): an entry named
``<anything>_structured_data`` is merged into the Product (reviews: ``aggregateRating`` and
``review``); one named ``<anything>_offer_structured_data`` is a function called with each
variant and the price the shopper pays for it, whose answer is merged into that variant's
Offer (commerce: ``shippingDetails`` and ``hasMerchantReturnPolicy``).
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.languages import path_in_language
from core.seo import (
    LOGO_IMAGE_SPEC,
    SCHEMA,
    SQUARE_IMAGE_SPEC,
    WIDE_IMAGE_SPEC,
    PageMeta,
    breadcrumb_list,
    canonical_url,
    first_text,
    paged_description,
    paged_title,
    seo_image,
)

IN_STOCK = f"{SCHEMA}/InStock"
OUT_OF_STOCK = f"{SCHEMA}/OutOfStock"
# Google reads several pictures of a product; the first few are enough.
STRUCTURED_IMAGES = 3
GTIN_LENGTHS = {8, 12, 13, 14}
PRODUCT_SUFFIX = "_structured_data"
OFFER_SUFFIX = "_offer_structured_data"


def product_meta(request, context: dict) -> PageMeta:
    """The product page's head: its meta title and description (the name and summary when
    empty), the first gallery picture, the Product and the breadcrumb as structured data."""
    product = context["product"]
    gallery = context.get("gallery") or []
    images = [
        seo_image(request, picture.image, SQUARE_IMAGE_SPEC, picture.alt_text)
        for picture in gallery[:STRUCTURED_IMAGES]
    ]
    url = canonical_url(request, product.url)
    first_price = context.get("first_price")
    structured = product_structured_data(
        request, product, context.get("variant_rows") or [], context.get("variant_prices")
    )
    structured["url"] = url or request.build_absolute_uri(product.url)
    if images:
        structured["image"] = [image.url for image in images]
    _merge_hook_data(structured, context)
    return PageMeta(
        title=product.seo_title,
        description=first_text(
            product.seo_description,
            product.description,
            _("%(name)s: prices, versions, specifications and delivery.") % {"name": product.name},
        ),
        canonical=url,
        og_type="product",
        image=images[0] if images else None,
        structured_data=[structured, product_breadcrumbs(request, product)],
        price=f"{first_price.price:.2f}" if first_price else "",
        currency=settings.SHOP_CURRENCY if first_price else "",
    )


def product_structured_data(request, product, variant_rows, prices=None) -> dict:
    """schema.org Product with one Offer per variant (its price as shown, the struck-through
    price, the stock), for search engines (F-36)."""
    product_url = request.build_absolute_uri(product.url)
    data = {
        "@context": SCHEMA,
        "@type": "Product",
        "name": product.name,
        "offers": [
            _offer(variant, stock, prices.get(variant.sku) if prices else None, product_url)
            for variant, stock in variant_rows
        ],
    }
    description = first_text(product.seo_description, product.description, limit=5000)
    if description:
        data["description"] = description
    if product.brand_id:
        data["brand"] = {"@type": "Brand", "name": product.brand.title}
    if product.primary_category_id:
        data["category"] = product.primary_category.name
    if variant_rows:
        data["sku"] = variant_rows[0][0].sku
    return data


def _offer(variant, stock, shown, product_url: str) -> dict:
    """One variant's Offer: the price the shopper pays now, in the shop's currency."""
    offer = {
        "@type": "Offer",
        "sku": variant.sku,
        "url": product_url,
        "price": f"{shown.price if shown else variant.price:.2f}",
        "priceCurrency": settings.SHOP_CURRENCY,
        "availability": IN_STOCK if stock is not None and stock.available > 0 else OUT_OF_STOCK,
        "itemCondition": f"{SCHEMA}/NewCondition",
    }
    if variant.label:
        offer["name"] = variant.label
    barcode = (variant.barcode or "").strip()
    if barcode.isdigit() and len(barcode) in GTIN_LENGTHS:
        offer["gtin"] = barcode
    if shown is not None and shown.on_sale:
        offer["priceSpecification"] = {
            "@type": "UnitPriceSpecification",
            "priceType": f"{SCHEMA}/StrikethroughPrice",
            "price": f"{shown.was:.2f}",
            "priceCurrency": settings.SHOP_CURRENCY,
        }
    if shown is not None and shown.ends_at is not None:
        offer["priceValidUntil"] = shown.ends_at.date().isoformat()
    return offer


def _merge_hook_data(structured: dict, context: dict) -> None:
    """What the ``product_page_context`` hooks added for the Product and its Offers (see the
    module docstring)."""
    prices = context.get("variant_prices") or {}
    rows = context.get("variant_rows") or []
    for key, value in context.items():
        if key.endswith(OFFER_SUFFIX) and callable(value):
            for offer, (variant, _stock) in zip(structured["offers"], rows, strict=True):
                shown = prices.get(variant.sku)
                offer.update(value(variant=variant, price=shown.price if shown else variant.price))
        elif key.endswith(PRODUCT_SUFFIX) and isinstance(value, dict):
            structured.update(value)


def product_breadcrumbs(request, product) -> dict:
    """The product page's breadcrumb: Home › Products › its category › the product."""
    home = path_in_language("/", get_language())
    items = [(_("Home"), home), (_("Products"), reverse("product_list"))]
    if product.primary_category_id:
        category = product.primary_category
        items.append((category.name, category.get_absolute_url()))
    items.append((product.name, None))
    return breadcrumb_list(request, items)


def listing_meta(request, *, filters, page) -> PageMeta:
    """/products/: one title, description and address per filter combination and page.

    The canonical address keeps the filters that change the products shown (category,
    brands, prices, attribute values, in a fixed order) and the page from the second on;
    it drops the sort, the first page's number, empty and unknown parameters.
    """
    number = page.number
    title = filters.category.name if filters.category else _("All products")
    if filters.brands:
        title = f"{title} · {'、'.join(brand.title for brand in filters.brands)}"
    count = page.paginator.count
    description = first_text(
        filters.category.description if filters.category else "",
        _("%(title)s: %(count)d products to compare by price, brand and specification.")
        % {"title": title, "count": count},
    )
    image = None
    if filters.category is not None and filters.category.image_id:
        image = seo_image(request, filters.category.image, WIDE_IMAGE_SPEC, title)
    return PageMeta(
        title=paged_title(title, number),
        description=paged_description(description, number),
        canonical=canonical_url(request, request.path, listing_canonical_params(filters, number)),
        image=image,
    )


def listing_canonical_params(filters, number: int) -> list[tuple[str, str]]:
    """The listing's address parameters that change what it shows, in one stable order."""
    params = []
    if filters.category is not None:
        params.append(("category", filters.category.slug))
    params += [("brand", slug) for slug in sorted(brand.slug for brand in filters.brands)]
    if filters.price_min is not None:
        params.append(("price_min", str(filters.price_min)))
    if filters.price_max is not None:
        params.append(("price_max", str(filters.price_max)))
    for code in sorted(filters.attributes):
        params += [(code, value) for value in sorted(set(filters.attributes[code]))]
    if number > 1:
        params.append(("page", str(number)))
    return params


def brand_meta(request, page, meta: PageMeta, *, context: dict, site_name: str) -> None:
    """A brand page: its tagline or story as the description, its logo as the picture."""
    meta.description = first_text(page.search_description, page.tagline, page.story) or (
        meta.description
    )
    if page.logo_id:
        meta.image = seo_image(request, page.logo, LOGO_IMAGE_SPEC, page.title)
