"""Bundles in the admin: merchandisers draft and submit, managers approve; bad companions are
refused with a message."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from commerce.bundles.models import Bundle
from commerce.pricing import price_basket, variants_for_pricing
from tests.factories.catalogue import make_category, make_product, make_product_type

pytestmark = pytest.mark.django_db


@pytest.fixture
def goods(db):
    kind = make_product_type()
    category = make_category("Tea ware", "tea-ware")
    teapot = make_product(category=category, product_type=kind, name="Teapot", prices=["200.00"])
    cups = make_product(category=category, product_type=kind, name="Cups", prices=["30.00"])
    return {
        "teapot": teapot,
        "teapot_sku": teapot.variants.get().sku,
        "cups_sku": cups.variants.get().sku,
    }


def bundle_form(goods, items) -> dict:
    now = timezone.localtime()
    return nested_form_data(
        {
            "name": "Tea set",
            "main_product": goods["teapot"].pk,
            "starts_at": (now - timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
            "ends_at": (now + timedelta(days=3)).strftime("%Y-%m-%d %H:%M"),
            "items": inline_formset([{"sku": sku, "price": price} for sku, price in items]),
        }
    )


def bundle_total(goods) -> Decimal:
    variants = variants_for_pricing([goods["teapot_sku"], goods["cups_sku"]])
    return price_basket(lines=[(variant, 1) for variant in variants.values()]).total


def test_a_merchandisers_bundle_prices_nothing_until_a_manager_approves(client, staff_user, goods):
    client.force_login(staff_user("Merchandisers"))
    data = bundle_form(goods, [(goods["cups_sku"], "20.00")])
    data["action-submit"] = "Submit"

    response = client.post(reverse("wagtailsnippets_commerce_bundle:add"), data)

    assert response.status_code == 302, response.context["form"].errors
    bundle = Bundle.objects.get()
    assert bundle.live is False
    assert bundle.current_workflow_state.workflow.name == "Editorial review"
    assert bundle_total(goods) == Decimal("230.00")

    client.force_login(staff_user("Managers"))
    response = client.post(
        reverse(
            "wagtailsnippets_commerce_bundle:workflow_action",
            args=[bundle.pk, "approve", bundle.current_workflow_task_state.pk],
        ),
        {"comment": ""},
    )

    assert response.status_code == 302
    assert Bundle.objects.get().live is True
    assert bundle_total(goods) == Decimal("220.00")


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ([("NOPE-1", "10.00")], "There is no SKU NOPE-1."),
        ([("{cups}", "30.00")], "The bundle price must be below the list price (¥30.00)."),
    ],
)
def test_bad_companions_are_refused_with_a_message(client, staff_user, goods, items, message):
    client.force_login(staff_user("Merchandisers"))
    items = [(sku.format(cups=goods["cups_sku"]), price) for sku, price in items]

    response = client.post(
        reverse("wagtailsnippets_commerce_bundle:add"), bundle_form(goods, items)
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Bundle.objects.exists()


def test_the_bundle_list_opens_for_merchandisers(client, staff_user, goods):
    client.force_login(staff_user("Merchandisers"))

    assert client.get(reverse("wagtailsnippets_commerce_bundle:list")).status_code == 200
    assert client.get(reverse("wagtailsnippets_commerce_bundle:add")).status_code == 200
