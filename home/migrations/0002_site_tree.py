"""Create the fixed skeleton of the site: home page and its three sections.

The sections must exist before staff roles can be granted rights on them, so the
skeleton is data, not demo content. Wagtail's placeholder "Welcome" page goes.
"""

from django.db import migrations

STEPLEN = 4


def _child_path(parent_path: str, position: int) -> str:
    return parent_path + f"{position:04d}"


def create_site_tree(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("home.HomePage")
    BrandIndexPage = apps.get_model("products.BrandIndexPage")
    GuideIndexPage = apps.get_model("guides.GuideIndexPage")
    HelpCenterPage = apps.get_model("help_center.HelpCenterPage")

    if HomePage.objects.exists():
        return
    locale = Locale.objects.first()
    Page.objects.filter(depth=2, slug="home", numchild=0).delete()
    root = Page.objects.get(depth=1)

    def content_type(model):
        return ContentType.objects.get_for_model(model)

    home_path = _child_path(root.path, Page.objects.filter(depth=2).count() + 1)
    home = HomePage.objects.create(
        title="首页 Home",
        draft_title="首页 Home",
        slug="home",
        content_type=content_type(HomePage),
        path=home_path,
        depth=2,
        numchild=3,
        url_path="/home/",
        locale=locale,
        live=True,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])

    sections = [
        (BrandIndexPage, "品牌 Brands", "brands"),
        (GuideIndexPage, "导购 Guides", "guides"),
        (HelpCenterPage, "帮助中心 Help", "help"),
    ]
    for position, (model, title, slug) in enumerate(sections, start=1):
        model.objects.create(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=content_type(model),
            path=_child_path(home_path, position),
            depth=3,
            numchild=0,
            url_path=f"/home/{slug}/",
            locale=locale,
            live=True,
            show_in_menus=True,
        )

    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "root_page_id": home.pk,
            "site_name": "Shop",
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("products", "0001_initial"),
        ("guides", "0001_initial"),
        ("help_center", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_site_tree, migrations.RunPython.noop)]
