"""Search controls for the staff roles: merchandisers and managers edit synonyms and
promoted results and read the search report."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = ["Merchandisers", "Managers"]
GRANTS = [
    ("search", "view_search_report"),
    *[("search", f"{action}_synonymgroup") for action in ("add", "change", "delete", "view")],
    *[
        ("wagtailsearchpromotions", f"{action}_searchpromotion")
        for action in ("add", "change", "delete", "view")
    ],
]


def grant_search_rights(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permissions = [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in GRANTS
    ]
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("home", "0003_staff_roles"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(grant_search_rights, migrations.RunPython.noop)]
