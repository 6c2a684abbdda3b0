"""The ledger's admin: purchase in, CSV import, adjust, stock-take, movements and low stock."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from commerce.inventory.selectors import stock_ledger_mismatches
from commerce.models import StockMovement
from products.models import Stock
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.commerce import make_shipping_method, place_order
from tests.factories.users import UserFactory

PURCHASE_IN = "stock_movements:purchase_in"
IMPORT = "stock_movements:purchase_import"
ADJUST = "stock_movements:adjust"
STOCKTAKE = "stock_movements:stocktake"
MOVEMENTS = "stock_movements:index"
LOW_STOCK = "stock_movements:low_stock"


@pytest.fixture
def shop(db):
    kind = make_product_type()
    category = make_category("Tea", "tea")
    tea = make_product(category=category, product_type=kind, name="Longjing", on_hand=10)
    cup = make_product(category=category, product_type=kind, name="Cup", on_hand=4)
    return {"tea": tea.variants.get().sku, "cup": cup.variants.get().sku}


def stock(sku):
    row = Stock.objects.get(sku=sku)
    return row.on_hand, row.reserved


def csv_file(text: str, encoding: str = "utf-8") -> SimpleUploadedFile:
    return SimpleUploadedFile("purchases.csv", text.encode(encoding), content_type="text/csv")


def test_logistics_books_a_purchase_in(client, staff_user, shop):
    clerk = staff_user("Logistics")
    client.force_login(clerk)

    response = client.post(
        reverse(PURCHASE_IN),
        {
            "sku": shop["cup"],
            "quantity": "24",
            "supplier_reference": "DN-0117",
            "unit_cost": "35.50",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == reverse(MOVEMENTS) + f"?sku={shop['cup']}"
    assert stock(shop["cup"]) == (28, 0)
    movement = StockMovement.objects.get(kind="purchase_in")
    assert (movement.supplier_reference, movement.unit_cost, movement.actor) == (
        "DN-0117",
        Decimal("35.50"),
        clerk,
    )


def test_customer_service_cannot_post_a_purchase_in(client, staff_user, shop):
    client.force_login(staff_user("Customer service"))

    response = client.post(
        reverse(PURCHASE_IN),
        {
            "sku": shop["cup"],
            "quantity": "24",
            "supplier_reference": "DN-0117",
            "unit_cost": "35.50",
        },
    )

    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert stock(shop["cup"]) == (4, 0)
    assert StockMovement.objects.filter(kind="purchase_in").count() == 0


@pytest.mark.parametrize(
    "role, sees, changes",
    [
        ("Logistics", True, True),
        ("Managers", True, True),
        ("Customer service", True, False),
        ("Merchandisers", True, False),
        ("Finance", False, False),
        ("Editors", False, False),
    ],
)
def test_who_sees_and_who_changes_stock(client, staff_user, shop, role, sees, changes):
    client.force_login(staff_user(role))

    seen = [client.get(reverse(name)).status_code == 200 for name in (MOVEMENTS, LOW_STOCK)]
    changing = [
        client.get(reverse(name)).status_code == 200
        for name in (PURCHASE_IN, IMPORT, ADJUST, STOCKTAKE)
    ]

    assert seen == [sees, sees]
    assert changing == [changes] * 4


def test_an_unknown_sku_is_a_form_error(client, staff_user, shop):
    client.force_login(staff_user("Logistics"))

    with translation.override("en"):
        response = client.post(
            reverse(PURCHASE_IN),
            {"sku": "NOPE", "quantity": "1", "supplier_reference": "DN", "unit_cost": "1.00"},
        )

    assert response.status_code == 200
    assert "There is no product variant with SKU “NOPE”." in response.content.decode()


def test_the_purchase_in_form_refuses_a_negative_cost(client, staff_user, shop):
    client.force_login(staff_user("Logistics"))

    response = client.post(
        reverse(PURCHASE_IN),
        {"sku": shop["cup"], "quantity": "1", "supplier_reference": "DN", "unit_cost": "-1"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"unit_cost"}
    assert stock(shop["cup"]) == (4, 0)


def test_a_csv_import_books_every_row_in_one_go(client, staff_user, shop):
    client.force_login(staff_user("Logistics"))
    text = (
        "sku,quantity,supplier_reference,unit_cost\n"
        f"{shop['tea']},5,DN-1,12.00\n{shop['cup']},2,DN-1,3.5\n"
    )

    response = client.post(reverse(IMPORT), {"file": csv_file(text)})

    assert response.status_code == 302
    assert (stock(shop["tea"]), stock(shop["cup"])) == ((15, 0), (6, 0))
    assert StockMovement.objects.filter(kind="purchase_in").count() == 2
    assert stock_ledger_mismatches() == []


def test_a_gb18030_csv_with_columns_in_another_order_is_read(client, staff_user, shop):
    client.force_login(staff_user("Logistics"))
    text = f"unit_cost,sku,supplier_reference,quantity\r\n9.90,{shop['cup']},供货单-7,3\r\n"

    client.post(reverse(IMPORT), {"file": csv_file(text, "gb18030")})

    assert StockMovement.objects.get(kind="purchase_in").supplier_reference == "供货单-7"


def test_a_csv_with_one_bad_row_books_nothing_and_names_the_row(client, staff_user, shop):
    client.force_login(staff_user("Logistics"))
    text = (
        f"sku,quantity,supplier_reference,unit_cost\n{shop['tea']},5,DN-1,12.00\n"
        f"NOPE-9,2,DN-1,3.50\n{shop['cup']},x,DN-1,-1\n"
    )

    with translation.override("en"):
        response = client.post(reverse(IMPORT), {"file": csv_file(text)})

    assert response.status_code == 200
    assert [(problem.line, problem.sku) for problem in response.context["problems"]] == [
        (3, "NOPE-9"),
        (4, shop["cup"]),
    ]
    page = response.content.decode()
    assert "Nothing was booked." in page and "unknown SKU" in page and "unit cost must be" in page
    assert (stock(shop["tea"]), stock(shop["cup"])) == ((10, 0), (4, 0))
    assert StockMovement.objects.filter(kind="purchase_in").count() == 0


def test_a_csv_without_the_right_columns_is_refused(client, staff_user, shop):
    client.force_login(staff_user("Logistics"))

    response = client.post(reverse(IMPORT), {"file": csv_file("sku,qty\nA,1\n")})

    assert response.status_code == 200
    assert [problem.line for problem in response.context["problems"]] == [1]


def test_an_adjustment_below_reserved_is_refused_in_the_form(client, staff_user, shop):
    place_order(user=UserFactory(), quantities={shop["tea"]: 8}, method=make_shipping_method())
    client.force_login(staff_user("Logistics"))

    with translation.override("en"):
        response = client.post(
            reverse(ADJUST), {"sku": shop["tea"], "on_hand_change": "-3", "reason": "Lost"}
        )

    assert response.status_code == 200
    assert "on hand cannot go below reserved" in response.content.decode()
    assert stock(shop["tea"]) == (10, 8)


def test_an_adjustment_without_a_reason_is_a_form_error(client, staff_user, shop):
    client.force_login(staff_user("Logistics"))

    response = client.post(
        reverse(ADJUST), {"sku": shop["tea"], "on_hand_change": "-3", "reason": ""}
    )

    assert response.context["form"].errors.keys() == {"reason"}
    assert stock(shop["tea"]) == (10, 0)


def test_adjust_and_stock_take_through_the_forms(client, staff_user, shop):
    client.force_login(staff_user("Managers"))

    client.post(reverse(ADJUST), {"sku": shop["tea"], "on_hand_change": "-2", "reason": "Broken"})
    client.post(reverse(STOCKTAKE), {"sku": shop["tea"], "counted": "6"})

    assert stock(shop["tea"]) == (6, 0)
    assert list(
        StockMovement.objects.filter(sku=shop["tea"])
        .order_by("pk")
        .values_list("kind", "on_hand_change")
    ) == [("adjustment", 10), ("adjustment", -2), ("stocktake", -2)]


def test_the_stock_snippet_no_longer_edits_on_hand_but_keeps_the_threshold(
    client, staff_user, shop
):
    row = Stock.objects.get(sku=shop["cup"])
    client.force_login(staff_user("Logistics"))

    client.post(
        reverse("wagtailsnippets_products_stock:edit", args=[row.pk]),
        {"sku": "RENAMED", "on_hand": "300", "reserved": "2", "low_stock_threshold": "9"},
    )

    row.refresh_from_db()
    assert (row.sku, row.on_hand, row.reserved, row.low_stock_threshold) == (shop["cup"], 4, 0, 9)
    assert stock_ledger_mismatches() == []


def test_movements_filter_by_sku_and_kind(client, staff_user, shop):
    client.force_login(staff_user("Customer service"))

    response = client.get(reverse(MOVEMENTS), {"sku": shop["cup"].lower(), "kind": "adjustment"})

    assert [movement.sku for movement in response.context["object_list"]] == [shop["cup"]]


def test_low_stock_lists_rows_at_or_below_their_threshold_biggest_shortfall_first(
    client, staff_user, shop
):
    Stock.objects.filter(sku=shop["tea"]).update(
        low_stock_threshold=10
    )  # available 10: at the threshold
    Stock.objects.filter(sku=shop["cup"]).update(low_stock_threshold=8)  # available 4: 4 short
    client.force_login(staff_user("Merchandisers"))

    response = client.get(reverse(LOW_STOCK))

    assert [
        (row.sku, row.units_available, row.shortfall, row.product_name)
        for row in response.context["page"]
    ] == [(shop["cup"], 4, 4, "Cup"), (shop["tea"], 10, 0, "Longjing")]


@pytest.mark.parametrize("count", [1, 30])
def test_ledger_pages_have_a_fixed_query_count(
    client, staff_user, django_assert_max_num_queries, count
):
    kind, category = make_product_type(), make_category("Many", "many")
    for _ in range(count):
        make_product(category=category, product_type=kind, on_hand=1)
    client.force_login(staff_user("Logistics"))
    client.get(reverse(LOW_STOCK))

    with django_assert_max_num_queries(12):
        low = client.get(reverse(LOW_STOCK))
    with django_assert_max_num_queries(20):
        movements = client.get(reverse(MOVEMENTS))

    assert (low.status_code, movements.status_code) == (200, 200)
    assert len(low.context["page"].object_list) == count


@pytest.mark.parametrize(
    "role, links",
    [
        (
            "Logistics",
            [
                "stock_movements:index",
                "stock_movements:purchase_in",
                "stock_movements:adjust",
                "stock_movements:stocktake",
            ],
        ),
        ("Customer service", ["stock_movements:index"]),
    ],
)
def test_the_stock_list_links_each_row_to_the_ledger(client, staff_user, shop, role, links):
    client.force_login(staff_user(role))

    page = client.get(reverse("wagtailsnippets_products_stock:list")).content.decode()

    for name in (MOVEMENTS, PURCHASE_IN, ADJUST, STOCKTAKE):
        assert (f'href="{reverse(name)}?sku={shop["cup"]}"' in page) == (name in links)
