"""Staff management (F-27): managers add staff, give them roles and disable them, in
Settings → Users, without being administrators and without reaching administrators."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

User = get_user_model()
INDEX = reverse("wagtailusers_users:index")
ADD = reverse("wagtailusers_users:add")


def edit_url(user) -> str:
    return reverse("wagtailusers_users:edit", args=[user.pk])


def bulk_url(action: str, *users) -> str:
    ids = "&".join(f"id={user.pk}" for user in users)
    return reverse("wagtail_bulk_action", args=["accounts", "user", action]) + f"?{ids}"


@pytest.fixture
def manager(client, staff_user):
    user = staff_user("Managers", username="manager")
    client.force_login(user)
    return user


@pytest.fixture
def administrator():
    return UserFactory(username="root", is_superuser=True, email="root@example.com")


def new_staff(**overrides):
    data = {
        "username": "wang.fang",
        "email": "wang.fang@example.com",
        "first_name": "芳",
        "last_name": "王",
        "password1": "Spring-blossom-42",
        "password2": "Spring-blossom-42",
        "groups": [Group.objects.get(name="Editors").pk],
    }
    return {**data, **overrides}


def edit_data(user, **overrides):
    data = {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name or "名",
        "last_name": user.last_name or "姓",
        "password1": "",
        "password2": "",
        "is_active": "on" if user.is_active else "",
        "groups": [group.pk for group in user.groups.all()],
    }
    return {**data, **overrides}


def test_a_manager_adds_a_staff_member_in_a_role(client, manager):
    response = client.post(ADD, new_staff())

    assert response.status_code == 302
    added = User.objects.get(username="wang.fang")
    assert list(added.groups.values_list("name", flat=True)) == ["Editors"]
    assert added.is_superuser is False and added.is_active is True
    assert added.check_password("Spring-blossom-42")


def test_a_manager_puts_a_staff_member_in_another_role(client, manager, staff_user):
    editor = staff_user("Editors", username="editor")
    finance = Group.objects.get(name="Finance")

    response = client.post(edit_url(editor), edit_data(editor, groups=[finance.pk]))

    assert response.status_code == 302
    assert list(editor.groups.values_list("name", flat=True)) == ["Finance"]


def test_a_manager_disables_a_staff_member(client, manager, staff_user):
    editor = staff_user("Editors", username="editor")

    response = client.post(edit_url(editor), edit_data(editor, is_active=""))

    editor.refresh_from_db()
    assert response.status_code == 302
    assert editor.is_active is False


def test_a_manager_disables_staff_in_bulk(client, manager, staff_user):
    editor = staff_user("Editors", username="editor")

    client.post(bulk_url("set_active_state", editor), {"mark_as_active": "False"})

    editor.refresh_from_db()
    assert editor.is_active is False


def test_a_manager_cannot_create_an_administrator(client, manager):
    page = client.get(ADD).content.decode()
    response = client.post(ADD, new_staff(is_superuser="on"))

    assert response.status_code == 302
    assert User.objects.get(username="wang.fang").is_superuser is False
    assert "Only an administrator can make someone an administrator." in page


def test_a_manager_cannot_make_anyone_an_administrator(client, manager, staff_user):
    editor = staff_user("Editors", username="editor")

    client.post(edit_url(editor), edit_data(editor, is_superuser="on"))

    editor.refresh_from_db()
    assert editor.is_superuser is False


def test_a_manager_cannot_make_themself_an_administrator(client, manager):
    client.post(edit_url(manager), edit_data(manager, is_superuser="on"))

    manager.refresh_from_db()
    assert manager.is_superuser is False


def test_a_manager_cannot_open_or_change_an_administrator(client, manager, administrator):
    opened = client.get(edit_url(administrator))
    posted = client.post(
        edit_url(administrator),
        edit_data(
            administrator, is_active="", password1="Taken-over-42", password2="Taken-over-42"
        ),
    )

    administrator.refresh_from_db()
    # Wagtail answers a refused admin page with its "no permission" redirect.
    assert opened.status_code == posted.status_code == 302
    assert opened["Location"] == posted["Location"] == reverse("wagtailadmin_home")
    assert administrator.is_active is True
    assert administrator.check_password("Taken-over-42") is False


def test_a_manager_cannot_disable_or_regroup_an_administrator_in_bulk(
    client, manager, administrator
):
    managers = Group.objects.get(name="Managers")

    client.post(bulk_url("set_active_state", administrator), {"mark_as_active": "False"})
    client.post(bulk_url("assign_role", administrator), {"role": managers.pk})

    administrator.refresh_from_db()
    assert administrator.is_active is True
    assert not administrator.groups.exists()


def test_a_manager_cannot_delete_users(client, manager, staff_user):
    editor = staff_user("Editors", username="editor")

    client.post(reverse("wagtailusers_users:delete", args=[editor.pk]))

    assert User.objects.filter(pk=editor.pk).exists()


def test_the_list_shows_roles_and_links_only_who_the_manager_may_edit(
    client, manager, staff_user, administrator
):
    staff_user("Finance", username="accountant", first_name="会计", last_name="李")

    html = client.get(INDEX).content.decode()

    header = html.split('<th class="roles">', 1)[1].split("</th>", 1)[0]
    assert header.strip() == "Roles"
    assert "Finance" in html and "Managers" in html
    assert f'href="{edit_url(manager)}"' in html
    assert f'href="{edit_url(administrator)}"' not in html


def test_the_list_finds_a_customer_by_mobile_number(client, manager):
    UserFactory(username="buyer", mobile="13912345678", last_name="张")

    html = client.get(INDEX, {"q": "13912345678"}).content.decode()

    assert "buyer" in html
    assert "manager" not in html.split("<tbody", 1)[-1]


def test_an_e_mail_address_in_use_is_a_form_error(client, manager):
    UserFactory(username="existing", email="Wang.Fang@Example.com")

    response = client.post(ADD, new_staff())

    assert response.status_code == 200
    assert not User.objects.filter(username="wang.fang").exists()


def test_an_administrator_still_makes_administrators(client, administrator):
    client.force_login(administrator)

    client.post(ADD, new_staff(is_superuser="on"))

    assert User.objects.get(username="wang.fang").is_superuser is True
