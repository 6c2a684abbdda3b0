"""Products through the admin: drafts, review, scheduling, revisions, stock and validation."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from products.models import Product, Stock
from tests.factories.catalogue import make_category, make_product, make_product_type

pytestmark = pytest.mark.django_db


@pytest.fixture
def book_type():
    return make_product_type(
        "Book",
        attributes=[
            {
                "code": "isbn",
                "name": "ISBN",
                "kind": "text",
                "required": True,
                "validator": "isbn",
            },
            {"code": "publisher", "name": "Publisher", "kind": "text"},
            {"code": "published", "name": "Publication date", "kind": "date"},
        ],
    )


@pytest.fixture
def books():
    return make_category("Books", "books")


def product_form(
    category,
    product_type,
    *,
    sku="BOOK-1",
    price="59.00",
    attributes=(),
    variant_id="",
    **overrides,
):
    definitions = {d.code: d for d in product_type.attribute_definitions.all()}
    data = {
        "name_zh_hans": "茶之书",
        "name_en": "The Tea Book",
        "slug": "the-tea-book",
        "brand": "",
        "product_type": product_type.pk,
        "primary_category": category.pk,
        "summary_zh_hans": "关于茶的一切。",
        "summary_en": "Everything about tea.",
        "description_zh_hans": rich_text("<p>茶叶、水、时间。</p>"),
        "description_en": rich_text("<p>Leaves, water, time.</p>"),
        "images": inline_formset([]),
        "variants": inline_formset(
            [
                {
                    "id": variant_id,
                    "sku": sku,
                    "barcode": "",
                    "option_1_zh_hans": "",
                    "option_1_en": "",
                    "option_2_zh_hans": "",
                    "option_2_en": "",
                    "price": price,
                    "compare_at_price": "",
                    "weight_grams": "400",
                }
            ],
            initial=1 if variant_id else 0,
        ),
        "attribute_values": inline_formset(
            [{"attribute": definitions[code].pk, "value": value} for code, value in attributes]
        ),
        "tips_zh_hans": streamfield([]),
        "tips_en": streamfield([]),
        "tags": "",
        "meta_title_zh_hans": "",
        "meta_title_en": "",
        "meta_description_zh_hans": "",
        "meta_description_en": "",
    }
    # Both languages' columns of a translated field (products/translation.py) take an override.
    for field in ("name", "summary"):
        if field in overrides:
            value = overrides.pop(field)
            data[f"{field}_zh_hans"] = data[f"{field}_en"] = value
    data.update(overrides)
    return nested_form_data(data)


def add_url():
    return reverse("wagtailsnippets_products_product:add")


def workflow_action_url(product, action):
    task_state = product.current_workflow_task_state
    return reverse(
        "wagtailsnippets_products_product:workflow_action",
        args=[product.pk, action, task_state.pk],
    )


def test_merchandiser_draft_stays_off_the_site_until_a_manager_approves(
    client, staff_user, books, book_type
):
    client.force_login(staff_user("Merchandisers"))
    data = product_form(books, book_type, attributes=[("isbn", "978-7-111-54742-6")])
    data["action-submit"] = "Submit"

    response = client.post(add_url(), data)

    assert response.status_code == 302, response.context["form"].errors
    product = Product.objects.get(slug="the-tea-book")
    assert product.live is False
    assert product.workflow_in_progress
    assert client.get("/products/the-tea-book/").status_code == 404
    # English is the default language here (conftest): Chinese is under /zh-hans/.
    assert b"The Tea Book" not in client.get("/products/").content
    assert "茶之书" not in client.get("/zh-hans/products/").content.decode()

    client.force_login(staff_user("Managers"))
    response = client.post(workflow_action_url(product, "approve"), {"comment": ""})

    assert response.status_code == 302
    product.refresh_from_db()
    assert product.live is True
    assert client.get("/products/the-tea-book/").status_code == 200


def test_merchandiser_cannot_publish_directly(client, staff_user, books, book_type):
    client.force_login(staff_user("Merchandisers"))
    data = product_form(books, book_type, attributes=[("isbn", "9787111547426")])
    data["action-publish"] = "Publish"

    client.post(add_url(), data)

    assert Product.objects.get(slug="the-tea-book").live is False


def test_bad_isbn_gives_a_clear_error_and_saves_nothing(client, staff_user, books, book_type):
    client.force_login(staff_user("Managers"))

    response = client.post(
        add_url(), product_form(books, book_type, attributes=[("isbn", "978-7-111-54742-7")])
    )

    assert response.status_code == 200
    assert "not a valid ISBN" in response.content.decode()
    assert not Product.objects.exists()


def test_a_product_published_in_the_admin_keeps_both_languages(
    client, staff_user, books, book_type
):
    client.force_login(staff_user("Managers"))
    data = product_form(books, book_type, attributes=[("isbn", "978-7-111-54742-6")])
    data["action-publish"] = "Publish"

    response = client.post(add_url(), data)

    assert response.status_code == 302, response.context["form"].errors
    product = Product.objects.get(slug="the-tea-book")
    assert (product.name_zh_hans, product.name_en) == ("茶之书", "The Tea Book")
    assert (product.summary_zh_hans, product.summary_en) == (
        "关于茶的一切。",
        "Everything about tea.",
    )
    # As a shopper sees it (the staff client carries the admin's "created" message). English is
    # the default language here (conftest): Chinese is under /zh-hans/.
    shopper = Client()
    chinese = shopper.get("/zh-hans/products/the-tea-book/").content.decode()
    english = shopper.get("/products/the-tea-book/").content.decode()
    assert "茶之书" in chinese and "关于茶的一切" in chinese and "The Tea Book" not in chinese
    assert "The Tea Book" in english and "Leaves, water, time." in english
    assert "茶之书" not in english


def test_missing_required_attribute_and_variant_are_reported_together(
    client, staff_user, books, book_type
):
    client.force_login(staff_user("Managers"))
    data = product_form(books, book_type)
    data.update(dict(nested_form_data({"variants": inline_formset([])})))

    response = client.post(add_url(), data)

    content = response.content.decode()
    assert "ISBN is required for Book" in content
    assert "at least one variant" in content
    assert not Product.objects.exists()


def test_scheduled_product_goes_live_when_publish_scheduled_runs(books, book_type, staff_user):
    product = make_product(
        category=books, product_type=book_type, attributes={"isbn": "9787111547426"}, live=False
    )
    product.go_live_at = timezone.now() + timezone.timedelta(hours=2)
    revision = product.save_revision(user=staff_user("Managers"))
    revision.publish()
    product.refresh_from_db()
    assert product.live is False
    revision.refresh_from_db()
    assert revision.approved_go_live_at is not None

    # Two hours pass: the go-live moment is now in the past.
    past = timezone.now() - timezone.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("publish_scheduled", verbosity=0)

    product.refresh_from_db()
    assert product.live is True


def test_reverting_to_an_earlier_revision_restores_the_old_price(books, book_type):
    product = make_product(
        category=books,
        product_type=book_type,
        attributes={"isbn": "9787111547426"},
        prices=["100.00"],
    )
    first_revision = product.live_revision
    variant = product.variants.get()
    variant.price = Decimal("150.00")
    product.variants = [variant]
    product.save_revision().publish()
    assert Product.objects.get(pk=product.pk).variants.get().price == Decimal("150.00")

    first_revision.publish(previous_revision=first_revision)

    product = Product.objects.get(pk=product.pk)  # a fresh object: the old one caches its variants
    assert product.variants.get().price == Decimal("100.00")
    assert product.min_price == Decimal("100.00")


def test_publishing_a_draft_leaves_stock_untouched(books, book_type):
    product = make_product(
        category=books, product_type=book_type, attributes={"isbn": "9787111547426"}, on_hand=7
    )
    sku = product.variants.get().sku
    Stock.objects.filter(sku=sku).update(reserved=2)
    product.name = "The Tea Book, second edition"
    variant = product.variants.get()
    variant.price = Decimal("79.00")
    product.variants = [variant]

    product.save_revision().publish()

    stock = Stock.objects.get(sku=sku)
    assert (stock.on_hand, stock.reserved) == (7, 2)


def test_changing_a_live_products_slug_leaves_a_redirect(client, books, book_type):
    product = make_product(
        category=books, product_type=book_type, attributes={"isbn": "9787111547426"}
    )
    old_url = product.url
    product.slug = "renamed-book"
    product.save_revision().publish()

    response = client.get(old_url)

    assert response.status_code == 301
    assert response["Location"].endswith("/products/renamed-book/")


def test_preview_shows_the_draft_as_the_shopper_will_see_it(client, staff_user, books, book_type):
    product = make_product(
        category=books,
        product_type=book_type,
        attributes={"isbn": "9787111547426"},
        name="Old name",
    )
    client.force_login(staff_user("Merchandisers"))
    variant = product.variants.get()
    data = product_form(
        books,
        book_type,
        sku=variant.sku,
        variant_id=variant.pk,
        price="42.00",
        attributes=[("isbn", "9787111547426")],
        name="New name",
        slug=product.slug,
    )
    url = reverse("wagtailsnippets_products_product:preview_on_edit", args=[product.pk])

    answer = client.post(url, data).json()
    assert answer["is_valid"] is True, answer
    preview = client.get(url).content.decode()

    assert "New name" in preview and "¥42.00" in preview and "Preview" in preview
    assert Product.objects.get(pk=product.pk).name == "Old name"
