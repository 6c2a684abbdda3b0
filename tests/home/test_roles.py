"""What each staff role can and cannot do in the admin, judged by real admin views.

Wagtail answers a forbidden admin page with a redirect to the dashboard (and an
error message), not a 403; ``assert_denied`` checks exactly that.
"""

import pytest
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from guides.models import GuidePage
from help_center.models import HelpArticlePage
from home.models import Announcement, ShopSettings
from products.models import BrandPage
from tests.factories import (
    BrandPageFactory,
    DocumentFactory,
    GuidePageFactory,
    HelpArticlePageFactory,
    ImageFactory,
    brand_form_data,
    guide_form_data,
    home_form_data,
)
from tests.factories.forms import in_both_languages

pytestmark = pytest.mark.django_db

PUBLISH = {"action-publish": "action-publish"}
BACK_OFFICE_ROLES = ["Customer service", "Finance", "Logistics"]


def assert_denied(response):
    """Wagtail's "Sorry, you do not have permission" answer: back to the dashboard."""
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def add_url(model, parent) -> str:
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


def settings_url() -> str:
    return reverse("wagtailsettings:edit", args=["home", "shopsettings"])


def announcement_form(text: str) -> dict:
    return in_both_languages(
        Announcement,
        {
            "text": text,
            "link_url": "/help/",
            "level": "promotion",
            "starts_at": "2025-05-01 09:00",
            "ends_at": "2025-05-08 09:00",
        },
    )


def shop_settings_form(**overrides) -> dict:
    data = {
        "payment_methods_info": rich_text("<p>Cards and bank transfer.</p>"),
        "shipping_info": rich_text("<p>Two to four days.</p>"),
        "service_phone": "400-800-1234",
        "service_email": "service@example.com",
        "service_hours": "9:00-18:00",
        "footer_links": streamfield([]),
        "footer_note": "Shop Ltd.",
    }
    data.update(overrides)
    return nested_form_data(in_both_languages(ShopSettings, data))


# Editors ---------------------------------------------------------------------


def test_editor_can_open_add_and_edit_for_guides(client, site_tree, staff_user):
    guide = GuidePageFactory()
    client.force_login(staff_user("Editors"))

    assert client.get(add_url(GuidePage, site_tree.guides)).status_code == 200
    assert client.get(edit_url(guide)).status_code == 200


def test_editor_can_open_add_and_edit_for_help_articles(client, staff_user):
    article = HelpArticlePageFactory()
    client.force_login(staff_user("Editors"))

    assert client.get(add_url(HelpArticlePage, article.get_parent())).status_code == 200
    assert client.get(edit_url(article)).status_code == 200


def test_editor_has_no_publish_permission_on_guides_or_help(staff_user):
    editor = staff_user("Editors")
    guide = GuidePageFactory(live=False)
    article = HelpArticlePageFactory(live=False)

    assert guide.permissions_for_user(editor).can_edit() is True
    assert guide.permissions_for_user(editor).can_publish() is False
    assert article.permissions_for_user(editor).can_publish() is False


def test_editor_posting_publish_on_a_draft_leaves_it_unpublished(client, staff_user):
    guide = GuidePageFactory(live=False, slug="draft-guide")
    client.force_login(staff_user("Editors"))

    response = client.post(
        edit_url(guide), guide_form_data(title="New title", slug="draft-guide", **PUBLISH)
    )

    guide.refresh_from_db()
    assert response.status_code == 302
    assert guide.live is False
    assert guide.get_latest_revision_as_object().title == "New title"


def test_editor_posting_publish_on_a_live_guide_keeps_the_live_version(client, staff_user):
    guide = GuidePageFactory(title="Old title", slug="old-title")
    client.force_login(staff_user("Editors"))

    client.post(edit_url(guide), guide_form_data(title="New title", slug="old-title", **PUBLISH))

    guide.refresh_from_db()
    assert guide.live is True
    assert guide.title == "Old title"
    assert guide.has_unpublished_changes is True
    assert guide.get_latest_revision_as_object().title == "New title"


def test_editor_creating_a_guide_with_publish_gets_a_draft(client, site_tree, staff_user):
    client.force_login(staff_user("Editors"))

    client.post(
        add_url(GuidePage, site_tree.guides), guide_form_data(slug="editor-guide", **PUBLISH)
    )

    guide = GuidePage.objects.get(slug="editor-guide")
    assert guide.live is False
    assert guide.has_unpublished_changes is True


def test_editor_cannot_edit_the_home_page(client, site_tree, staff_user):
    client.force_login(staff_user("Editors"))

    assert_denied(client.get(edit_url(site_tree.home)))


def test_editor_cannot_edit_or_add_brand_pages(client, site_tree, staff_user):
    brand = BrandPageFactory()
    client.force_login(staff_user("Editors"))

    assert_denied(client.get(edit_url(brand)))
    assert_denied(client.get(add_url(BrandPage, site_tree.brands)))


def test_editor_can_list_and_add_announcements(client, staff_user):
    client.force_login(staff_user("Editors"))

    assert client.get(reverse("wagtailsnippets_home_announcement:list")).status_code == 200
    assert client.get(reverse("wagtailsnippets_home_announcement:add")).status_code == 200
    response = client.post(
        reverse("wagtailsnippets_home_announcement:add"), announcement_form("Free shipping week")
    )

    assert response.status_code == 302
    assert Announcement.objects.get().text == "Free shipping week"


def test_editor_cannot_open_shop_settings(client, staff_user):
    client.force_login(staff_user("Editors"))

    assert_denied(client.get(settings_url()))


def test_editor_cannot_change_shop_settings_by_posting(client, staff_user):
    site = Site.objects.get(is_default_site=True)
    client.force_login(staff_user("Editors"))

    response = client.post(
        reverse("wagtailsettings:edit", args=["home", "shopsettings", site.pk]),
        shop_settings_form(service_phone="110"),
    )

    assert_denied(response)
    assert ShopSettings.for_site(site).service_phone == ""


# Managers manage staff (accounts migration 0004, tests/accounts/test_staff_admin.py).
@pytest.mark.parametrize("role", ["Editors", "Merchandisers", "Designers", *BACK_OFFICE_ROLES])
def test_no_role_but_managers_can_manage_users(client, staff_user, role):
    client.force_login(staff_user(role))

    assert_denied(client.get(reverse("wagtailusers_users:index")))


def test_editor_can_upload_images_but_not_delete_those_of_others(client, staff_user):
    designer = staff_user("Designers")
    image = ImageFactory(uploaded_by_user=designer)
    client.force_login(staff_user("Editors"))

    assert client.get(reverse("wagtailimages:add")).status_code == 200
    assert_denied(client.get(reverse("wagtailimages:delete", args=[image.pk])))
    assert_denied(client.post(reverse("wagtailimages:delete", args=[image.pk])))
    assert_denied(client.get(reverse("wagtailimages:edit", args=[image.pk])))
    assert get_image_model().objects.filter(pk=image.pk).exists()


# Merchandisers ---------------------------------------------------------------


def test_merchandiser_can_edit_and_publish_the_home_page(client, site_tree, staff_user):
    merchandiser = staff_user("Merchandisers")
    client.force_login(merchandiser)

    assert client.get(edit_url(site_tree.home)).status_code == 200
    assert site_tree.home.permissions_for_user(merchandiser).can_publish() is True
    response = client.post(
        edit_url(site_tree.home), home_form_data(title="Spring sale", **PUBLISH)
    )

    site_tree.home.refresh_from_db()
    assert response.status_code == 302
    assert site_tree.home.title == "Spring sale"
    assert site_tree.home.live is True
    assert site_tree.home.has_unpublished_changes is False


def test_merchandiser_can_add_and_publish_a_brand(client, site_tree, staff_user):
    logo = ImageFactory()
    client.force_login(staff_user("Merchandisers"))

    assert client.get(add_url(BrandPage, site_tree.brands)).status_code == 200
    response = client.post(
        add_url(BrandPage, site_tree.brands), brand_form_data(logo.pk, **PUBLISH)
    )

    brand = BrandPage.objects.get(slug="lotus-kitchenware")
    assert response.status_code == 302
    assert brand.live is True
    assert brand.get_parent().pk == site_tree.brands.pk


def test_merchandiser_can_edit_an_existing_brand(client, staff_user):
    brand = BrandPageFactory()
    client.force_login(staff_user("Merchandisers"))

    assert client.get(edit_url(brand)).status_code == 200


def test_merchandiser_home_page_rights_do_not_reach_guides_or_help(client, site_tree, staff_user):
    guide = GuidePageFactory()
    article = HelpArticlePageFactory()
    client.force_login(staff_user("Merchandisers"))

    assert_denied(client.get(edit_url(guide)))
    assert_denied(client.get(edit_url(article)))
    assert_denied(client.get(edit_url(site_tree.guides)))
    assert_denied(client.get(edit_url(site_tree.help)))
    assert_denied(client.get(add_url(GuidePage, site_tree.guides)))
    assert_denied(client.get(add_url(HelpArticlePage, article.get_parent())))


def test_merchandiser_has_no_page_permission_below_guides_or_help(site_tree, staff_user):
    merchandiser = staff_user("Merchandisers")
    guide = GuidePageFactory()
    article = HelpArticlePageFactory()

    for page in (guide, article, site_tree.guides, site_tree.help, article.get_parent()):
        permissions = page.specific.permissions_for_user(merchandiser)
        assert permissions.can_edit() is False, page
        assert permissions.can_publish() is False, page
        assert permissions.can_unpublish() is False, page
        assert permissions.can_delete() is False, page
        assert permissions.can_add_subpage() is False, page


def test_merchandiser_cannot_publish_a_guide_by_posting(client, staff_user):
    guide = GuidePageFactory(live=False, title="Draft guide", slug="draft-guide")
    client.force_login(staff_user("Merchandisers"))

    response = client.post(
        edit_url(guide), guide_form_data(title="Hijacked", slug="draft-guide", **PUBLISH)
    )

    assert_denied(response)
    guide.refresh_from_db()
    assert guide.live is False
    assert guide.get_latest_revision_as_object().title == "Draft guide"


def test_merchandiser_cannot_delete_or_unpublish_a_guide(client, staff_user):
    guide = GuidePageFactory()
    client.force_login(staff_user("Merchandisers"))

    assert_denied(client.post(reverse("wagtailadmin_pages:delete", args=[guide.pk])))
    assert_denied(client.post(reverse("wagtailadmin_pages:unpublish", args=[guide.pk])))
    guide.refresh_from_db()
    assert guide.live is True


def test_merchandiser_cannot_manage_announcements(client, staff_user):
    client.force_login(staff_user("Merchandisers"))

    assert_denied(client.get(reverse("wagtailsnippets_home_announcement:list")))


# Designers -------------------------------------------------------------------


def test_designer_can_add_edit_and_delete_images_of_anyone(client, staff_user):
    image = ImageFactory(uploaded_by_user=staff_user("Editors"))
    client.force_login(staff_user("Designers"))

    assert client.get(reverse("wagtailimages:index")).status_code == 200
    assert client.get(reverse("wagtailimages:add")).status_code == 200
    assert client.get(reverse("wagtailimages:edit", args=[image.pk])).status_code == 200
    response = client.post(reverse("wagtailimages:delete", args=[image.pk]))

    assert response.status_code == 302
    assert not get_image_model().objects.filter(pk=image.pk).exists()


def test_designer_can_add_edit_and_delete_documents(client, staff_user):
    document = DocumentFactory()
    client.force_login(staff_user("Designers"))

    assert client.get(reverse("wagtaildocs:index")).status_code == 200
    assert client.get(reverse("wagtaildocs:add")).status_code == 200
    assert client.get(reverse("wagtaildocs:edit", args=[document.pk])).status_code == 200
    response = client.post(reverse("wagtaildocs:delete", args=[document.pk]))

    assert response.status_code == 302
    assert not get_document_model().objects.filter(pk=document.pk).exists()


def test_designer_cannot_edit_any_page(client, site_tree, staff_user):
    pages = [
        site_tree.home,
        site_tree.guides,
        GuidePageFactory(),
        BrandPageFactory(),
        HelpArticlePageFactory(),
    ]
    client.force_login(staff_user("Designers"))

    for page in pages:
        assert_denied(client.get(edit_url(page)))


def test_designer_cannot_see_announcements(client, staff_user):
    client.force_login(staff_user("Designers"))

    assert_denied(client.get(reverse("wagtailsnippets_home_announcement:list")))
    assert_denied(client.get(reverse("wagtailsnippets_home_announcement:add")))


# Customer service, finance, logistics -----------------------------------------


@pytest.mark.parametrize("role", BACK_OFFICE_ROLES)
def test_back_office_role_can_open_the_dashboard(client, staff_user, role):
    client.force_login(staff_user(role))

    assert client.get(reverse("wagtailadmin_home")).status_code == 200


@pytest.mark.parametrize("role", BACK_OFFICE_ROLES)
def test_back_office_role_cannot_edit_pages_images_or_announcements(
    client, site_tree, staff_user, role
):
    guide = GuidePageFactory()
    image = ImageFactory()
    client.force_login(staff_user(role))

    assert_denied(client.get(edit_url(site_tree.home)))
    assert_denied(client.get(edit_url(guide)))
    assert_denied(client.get(reverse("wagtailimages:index")))
    assert_denied(client.get(reverse("wagtailimages:edit", args=[image.pk])))
    assert_denied(client.get(reverse("wagtailsnippets_home_announcement:list")))
    assert_denied(client.get(settings_url()))


# Managers --------------------------------------------------------------------


def test_manager_can_edit_and_publish_any_page(client, site_tree, staff_user):
    manager = staff_user("Managers")
    pages = [site_tree.home, GuidePageFactory(), BrandPageFactory(), HelpArticlePageFactory()]
    client.force_login(manager)

    for page in pages:
        assert client.get(edit_url(page)).status_code == 200
        assert page.specific.permissions_for_user(manager).can_publish() is True


def test_manager_publishes_a_draft_guide(client, staff_user):
    guide = GuidePageFactory(live=False, slug="managed-guide")
    client.force_login(staff_user("Managers"))

    response = client.post(
        edit_url(guide),
        guide_form_data(title="Published by a manager", slug="managed-guide", **PUBLISH),
    )

    guide.refresh_from_db()
    assert response.status_code == 302
    assert guide.live is True
    assert guide.title == "Published by a manager"


def test_manager_can_change_shop_settings(client, staff_user):
    client.force_login(staff_user("Managers"))

    response = client.get(settings_url(), follow=True)
    assert response.status_code == 200
    edit_instance_url = response.redirect_chain[-1][0]
    client.post(edit_instance_url, shop_settings_form(service_phone="400-800-9999"))

    instance = ShopSettings.for_site(Site.objects.get(is_default_site=True))
    assert instance.service_phone == "400-800-9999"


def test_manager_can_manage_announcements_and_images(client, staff_user):
    image = ImageFactory(uploaded_by_user=staff_user("Designers"))
    client.force_login(staff_user("Managers"))

    assert client.get(reverse("wagtailsnippets_home_announcement:list")).status_code == 200
    assert (
        client.post(
            reverse("wagtailsnippets_home_announcement:add"), announcement_form("Holiday hours")
        ).status_code
        == 302
    )
    assert client.get(reverse("wagtailimages:edit", args=[image.pk])).status_code == 200
    assert client.post(reverse("wagtailimages:delete", args=[image.pk])).status_code == 302
    assert Announcement.objects.get().text == "Holiday hours"
    assert not get_image_model().objects.filter(pk=image.pk).exists()


# No role ---------------------------------------------------------------------


def test_user_without_a_role_is_sent_to_the_admin_login(client, staff_user):
    client.force_login(staff_user(None))

    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 302
    assert (
        response["Location"]
        == f"{reverse('wagtailadmin_login')}?next={reverse('wagtailadmin_home')}"
    )
