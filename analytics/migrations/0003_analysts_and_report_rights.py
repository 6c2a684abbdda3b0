"""The Analysts group (数据分析师) and who reads which report.

Analysts enter the admin and read every report, nothing else: no order, customer or
content rights. Managers read every report too; Finance reads the money reports (sales,
promotions); Merchandisers read the products and promotions reports. The search report keeps
its own right (search.view_search_report), which Analysts get as well.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ANALYSTS = "Analysts"
ALL_REPORTS = [
    "view_sales_report",
    "view_products_report",
    "view_funnel_report",
    "view_traffic_report",
    "view_promotions_report",
]
GRANTS = {
    ANALYSTS: ALL_REPORTS,
    "Managers": ALL_REPORTS,
    "Finance": ["view_sales_report", "view_promotions_report"],
    "Merchandisers": ["view_products_report", "view_promotions_report"],
}


def grant_report_rights(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    analysts, _ = Group.objects.get_or_create(name=ANALYSTS)
    analysts.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="search", codename="view_search_report"),
    )
    for name, codenames in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label="analytics", codename__in=codenames
                )
            )


def remove_analysts(apps, schema_editor):
    apps.get_model("auth.Group").objects.filter(name=ANALYSTS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("analytics", "0002_rollups"),
        ("home", "0003_staff_roles"),
        ("search", "0002_merchandiser_rights"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant_report_rights, remove_analysts)]
