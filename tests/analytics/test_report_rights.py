"""Who reaches the reports: Analysts read every report and nothing else in the admin;
Managers read all; Finance the money reports; shoppers and other roles none, nor their CSV."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from wagtail.admin.menu import admin_menu

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

REPORT_SLUGS = ["sales", "products", "funnel", "traffic", "promotions", "search"]
MONEY_REPORTS = {"sales", "promotions"}


def report_url(slug: str, **query) -> str:
    url = reverse("analytics_report", kwargs={"slug": slug})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def _menu_urls(user) -> set[str]:
    """Every URL the admin menu offers ``user`` (submenus opened)."""
    request = RequestFactory().get("/admin/")
    request.user = user
    urls = set()

    def walk(items):
        for item in items:
            menu = getattr(item, "menu", None)
            if menu is not None:
                walk(menu.menu_items_for_request(request))
            elif item.url.startswith("/admin/"):
                urls.add(item.url)

    walk(admin_menu.menu_items_for_request(request))
    return urls


def refused(response) -> bool:
    """The admin's refusal: 403, or a redirect home (Wagtail's "no permission" message)."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] in ("/admin/", "/en/admin/")
    )


@pytest.fixture
def analyst(client):
    user = UserFactory(groups=["Analysts"])
    client.force_login(user)
    return user


@pytest.mark.parametrize("slug", REPORT_SLUGS)
def test_an_analyst_reads_each_report_and_its_csv(client, analyst, slug):
    assert client.get(report_url(slug)).status_code == 200
    response = client.get(report_url(slug, format="csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")


def test_an_analyst_sees_only_reports_in_the_menu(analyst, site_tree):
    urls = _menu_urls(analyst)
    assert urls
    assert all("report" in url for url in urls), urls


def test_every_other_admin_area_is_closed_to_an_analyst(client, analyst, site_tree):
    superuser = UserFactory(is_superuser=True, is_staff=True)
    others = sorted(
        url
        for url in _menu_urls(superuser)
        if url not in _menu_urls(analyst) and url != reverse("wagtailadmin_reports:site_history")
    )
    assert len(others) > 15  # the whole admin, not a handful
    opened = {url: client.get(url).status_code for url in others}
    assert {url: code for url, code in opened.items() if code not in (302, 403)} == {}


def test_wagtails_site_history_shows_an_analyst_nothing(client, analyst, site_tree):
    # The one Wagtail report every admin user may open lists only what they may see.
    from wagtail.models import PageLogEntry

    PageLogEntry.objects.log_action(site_tree.home, "wagtail.edit")
    response = client.get(reverse("wagtailadmin_reports:site_history"))
    assert response.status_code == 200
    assert list(response.context["object_list"]) == []


def test_an_analyst_cannot_change_an_order_or_a_customer(client, analyst):
    from tests.factories.orders import make_order

    order = make_order()
    for url in (
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_users:edit", args=[analyst.pk]),
        f"/admin/snippets/commerce/order/edit/{order.pk}/",
    ):
        assert client.get(url).status_code in (302, 403, 404), url


@pytest.mark.parametrize("slug", REPORT_SLUGS)
def test_a_shopper_is_sent_to_the_login_for_reports_and_exports(client, slug):
    client.force_login(UserFactory())
    for url in (report_url(slug), report_url(slug, format="csv")):
        response = client.get(url)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("role", ["Editors", "Designers", "Customer service", "Logistics"])
@pytest.mark.parametrize("slug", REPORT_SLUGS)
def test_other_roles_cannot_open_reports(client, role, slug):
    client.force_login(UserFactory(groups=[role]))
    assert refused(client.get(report_url(slug)))
    assert refused(client.get(report_url(slug, format="csv")))


@pytest.mark.parametrize("slug", REPORT_SLUGS)
def test_managers_read_every_report_and_finance_the_money_ones(client, slug):
    client.force_login(UserFactory(groups=["Managers"]))
    assert client.get(report_url(slug)).status_code == 200
    client.force_login(UserFactory(groups=["Finance"]))
    response = client.get(report_url(slug))
    assert response.status_code == 200 if slug in MONEY_REPORTS else refused(response)


def test_an_unknown_report_is_not_found(client, analyst):
    assert client.get("/admin/shop-reports/nothing/").status_code == 404
