"""Effective prices for templates: cards of a list priced in one batch (``products.prices``)."""

from django import template

from products.prices import attach_card_prices, effective_prices

register = template.Library()


@register.simple_tag(takes_context=True)
def card_prices(context, products):
    """``{% card_prices products as products %}``: the same products, each with ``card_price``.

    Call it once before a loop of cards so the whole list is priced in one batch.
    """
    products = list(products or [])
    todo = [product for product in products if not hasattr(product, "card_price")]
    if todo:
        attach_card_prices(context.get("request"), todo)
    return products


@register.simple_tag(takes_context=True)
def card_price(context, product):
    """The ShownPrice of one card: batched already by ``card_prices``, or looked up alone."""
    if not hasattr(product, "card_price"):
        attach_card_prices(context.get("request"), [product])
    return product.card_price


@register.simple_tag(takes_context=True)
def variant_prices(context, variants):
    """``{sku: ShownPrice}`` for the product page's variants."""
    return effective_prices(context.get("request"), list(variants))


@register.filter
def price_of(prices, sku):
    """``prices|price_of:sku``: one SKU's ShownPrice from a ``{sku: ShownPrice}`` map."""
    return (prices or {}).get(sku)
