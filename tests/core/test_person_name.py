"""Names read in their own language's order: "王小明", not "小明 王"."""

import pytest

from core.text import person_name
from tests.factories import UserFactory


@pytest.mark.parametrize(
    ("given", "family", "shown"),
    [
        ("小明", "王", "王小明"),
        ("Xiaoming", "王", "王Xiaoming"),
        ("Lei", "Li", "Lei Li"),
        ("Lei", "", "Lei"),
        ("", "李", "李"),
        ("王小明", "", "王小明"),
        ("  ", "  ", ""),
    ],
)
def test_person_name(given, family, shown):
    assert person_name(given=given, family=family) == shown


@pytest.mark.django_db
def test_the_account_greeting_puts_a_chinese_family_name_first(client):
    user = UserFactory(first_name="小明", last_name="王")
    client.force_login(user)

    html = client.get("/account/").content.decode()

    assert "王小明" in html and "小明 王" not in html
    assert str(user) == user.get_full_name() == "王小明"
