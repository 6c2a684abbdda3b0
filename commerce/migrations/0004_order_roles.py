"""Order rights for the staff roles that run orders: they may view orders (and the
e-mails sent about them). Changing an order is not a model permission: it happens
through the desks' actions, gated by role there."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = ["Customer service", "Finance", "Logistics", "Managers"]
CODENAMES = ["view_order", "view_outgoingemail"]


def grant_order_viewing(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permissions = list(
        Permission.objects.filter(content_type__app_label="commerce", codename__in=CODENAMES)
    )
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.add(*permissions)


def revoke_order_viewing(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="commerce", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [("commerce", "0003_red_packet_roles")]

    operations = [migrations.RunPython(grant_order_viewing, revoke_order_viewing)]
