"""A bank-transfer order shows the shop's bank account (account name, bank, number) and the
reference to write (the order number) on the order page and in the order e-mail, in both
languages; a part payment leaves the rest to transfer."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from commerce.desks.finance.services import order_confirm_bank_transfer
from commerce.models import OutgoingEmail
from commerce.outbox.services import order_email_context
from home.models import ShopSettings
from tests.factories.orders import make_order
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def bank_account(db):
    shop = ShopSettings.for_site(Site.objects.get(is_default_site=True))
    shop.bank_account_name = "示例商城（上海）有限公司"
    shop.bank_name = "招商银行上海分行"
    shop.bank_account_number = "1219 0936 5710 888"
    shop.save()
    return shop


def order_page(client, order, language="en"):
    client.force_login(order.user)
    with translation.override(language):
        url = reverse("order_detail", kwargs={"number": order.number})
    return client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()


def test_the_order_page_shows_the_bank_account_and_the_reference_to_write(
    client, shop, bank_account
):
    order = make_order(shop, payment_method="bank_transfer")

    page = order_page(client, order)

    assert "data-bank-account" in page
    for text in (
        "Account name",
        "示例商城（上海）有限公司",
        "招商银行上海分行",
        "1219 0936 5710 888",
    ):
        assert text in page
    assert f"Transfer note (reference)</dt><dd><strong>{order.number}</strong>" in page


def test_the_order_page_in_chinese_labels_the_account_in_chinese(client, shop, bank_account):
    order = make_order(shop, payment_method="bank_transfer")

    page = order_page(client, order, language="zh-hans")

    for text in ("户名", "开户银行", "账号", "转账附言", "1219 0936 5710 888", order.number):
        assert text in page


def test_after_a_part_payment_the_page_asks_for_the_rest(client, shop, bank_account, staff_user):
    order = make_order(shop, payment_method="bank_transfer")
    order_confirm_bank_transfer(
        order=order, reference="P-1", amount_received="50.00", actor=staff_user("Finance")
    )

    page = order_page(client, order)

    assert f"Transfer ¥28.00 and write the order number <strong>{order.number}</strong>" in page


def test_without_an_account_in_the_settings_the_page_says_where_to_find_it(client, shop):
    order = make_order(shop, payment_method="bank_transfer")

    page = order_page(client, order)

    assert "data-bank-account" not in page
    assert "The bank account details are on the payment information page" in page


def test_other_orders_show_no_bank_account(client, shop, bank_account):
    order = make_order(shop, payment_method="cod")

    assert "data-bank-account" not in order_page(client, order)


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_order_email_carries_the_bank_account_in_text_and_html(
    shop, bank_account, language, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        order = make_order(shop, user=UserFactory(), payment_method="bank_transfer")
    order.language = language
    order.save(update_fields=["language"])
    with translation.override(language):
        context = order_email_context(order)
        text = render_to_string("emails/placed.txt", context)
        html = render_to_string("emails/placed.html", context)

    label = "Account number" if language == "en" else "账号"
    for body in (text, html):
        assert "1219 0936 5710 888" in body and "示例商城（上海）有限公司" in body
        assert label in body and order.number in body
    assert OutgoingEmail.objects.filter(order=order, kind="placed").exists()
