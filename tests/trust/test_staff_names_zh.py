"""The role, workflow and task names are data in English; a Chinese admin reads them in
Chinese: "提交给编辑审核", not "提交给Editorial review"."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_submit_button_of_a_new_page_names_the_workflow_in_chinese(
    client, staff_user, site_tree
):
    client.force_login(staff_user("Editors"))

    html = client.get(
        reverse("wagtailadmin_pages:add", args=["guides", "guidepage", site_tree.guides.pk])
    ).content.decode()

    assert "提交给编辑审核" in html and "Editorial review" not in html


def test_the_submit_button_of_a_new_product_names_the_workflow_in_chinese(client, staff_user):
    client.force_login(staff_user("Merchandisers"))

    html = client.get(reverse("wagtailsnippets_products_product:add")).content.decode()

    assert "提交给编辑审核" in html and "Editorial review" not in html


def test_the_users_list_and_the_role_boxes_read_chinese(client, staff_user):
    client.force_login(UserFactory(is_superuser=True))
    clerk = staff_user("Logistics", username="clerk")

    listing = client.get(reverse("wagtailusers_users:index")).content.decode()
    form = client.get(reverse("wagtailusers_users:edit", args=[clerk.pk])).content.decode()

    assert "物流" in listing and "Logistics" not in listing
    for role in ["编辑", "商品运营", "财务", "物流", "经理"]:
        assert role in form
    assert ">Managers<" not in form and "Merchandisers" not in form


def test_a_role_staff_named_themselves_stays_as_typed():
    from core.staff_names import staff_name

    assert staff_name("Night shift 夜班") == "Night shift 夜班"
