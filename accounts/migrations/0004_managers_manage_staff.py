"""Managers manage staff: they add users and change them (roles, disabling), in Settings →
Users. Not "delete": a staff member leaves by being disabled, so what they did keeps a
name. Who may tick "Administrator" or touch an administrator is decided in accounts.admin,
not by a permission. Managers already have ``wagtailadmin.access_admin`` from home 0003.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLE = "Managers"
CODENAMES = ["add_user", "change_user"]


def grant_staff_management(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="accounts", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name=ROLE):
        group.permissions.add(*permissions)


def revoke_staff_management(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="accounts", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name=ROLE):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_unique_email"),
        ("home", "0003_staff_roles"),
    ]

    operations = [migrations.RunPython(grant_staff_management, revoke_staff_management)]
