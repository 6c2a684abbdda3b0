"""Properties of campaign pricing: whatever the campaigns and the basket, the total is never
negative, the discounts never exceed the goods, and the card, the cart and the order show
the same unit price for a SKU (one function prices all three)."""

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commerce.cart.selectors import cart_view
from commerce.cart.services import cart_add_line
from commerce.models import Cart
from commerce.promotions.models import Campaign, CampaignKind
from products.models import Product
from products.prices import effective_prices
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.commerce import make_shipping_method, place_order
from tests.factories.promotions import make_campaign
from tests.factories.users import UserFactory

D = Decimal
prices = st.decimals(min_value=D("0.01"), max_value=D("999.99"), places=2)
offers = st.one_of(
    st.tuples(st.just("none"), st.none()),
    st.tuples(
        st.just("percent"), st.decimals(min_value=D("0.01"), max_value=D("99.99"), places=2)
    ),
    st.tuples(st.just("amount"), prices),
    st.tuples(st.just("special"), prices),
)
tiers = st.lists(st.tuples(prices, prices), max_size=2)


@pytest.fixture
def catalogue(db):
    return {
        "kind": make_product_type(),
        "category": make_category("All", "all"),
        "method": make_shipping_method(base_fee="0"),
    }


@pytest.mark.django_db
@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(price=prices, quantity=st.integers(1, 20), offer=offers, steps=tiers)
def test_card_cart_and_order_agree_and_totals_stay_in_bounds(
    catalogue, price, quantity, offer, steps
):
    for campaign in Campaign.objects.all():
        campaign.delete()  # one example's campaigns never price the next one's basket
    Product.objects.all().delete()
    product = make_product(
        category=catalogue["category"],
        product_type=catalogue["kind"],
        prices=[str(price)],
        on_hand=100,
    )
    product.variants.update(price=price)
    variant = product.variants.get()
    kind, value = offer
    if kind == "percent":
        make_campaign(kind=CampaignKind.PERCENT_OFF, percent_off=str(value), products=[product])
    elif kind == "amount":
        make_campaign(kind=CampaignKind.AMOUNT_OFF, amount_off=str(value), products=[product])
    elif kind == "special":
        make_campaign(kind=CampaignKind.SPECIAL_PRICE, sku_table=f"{variant.sku}, {value}")
    valid_tiers = [(max(a, b), min(a, b)) for a, b in steps if a != b]
    if valid_tiers and len({t for t, _o in valid_tiers}) == len(valid_tiers):
        make_campaign(
            kind=CampaignKind.SPEND_AND_SAVE,
            whole_shop=True,
            tiers=[(str(t), str(o)) for t, o in valid_tiers],
        )
    user = UserFactory()
    cart = Cart.objects.create(user=user)
    cart_add_line(cart=cart, sku=variant.sku, quantity=quantity)

    card = effective_prices(None, [variant])[variant.sku]
    view = cart_view(cart)
    order = place_order(user=user, quantities={variant.sku: quantity}, method=catalogue["method"])

    breakdown = view.breakdown
    assert breakdown.total >= 0 and order.total >= 0
    assert D("0") <= breakdown.discount_total <= breakdown.subtotal
    assert (order.subtotal, order.discount_total, order.total) == (
        breakdown.subtotal,
        breakdown.discount_total,
        breakdown.total,
    )
    line = breakdown.lines[0]
    # The card's price is the unit price before 满减, which spreads over the basket.
    campaign_unit = (
        line.unit_price - line.campaign_discount / quantity if not valid_tiers else None
    )
    if campaign_unit is not None:
        assert card.price == campaign_unit
    assert order.lines.get().line_total == line.total
