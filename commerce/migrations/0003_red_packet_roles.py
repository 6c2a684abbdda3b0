"""Red-packet rights for the staff roles.

Merchandisers and managers run promotions: they define red packet types and issue
or withdraw packets (add/change), and see them (view). Nobody gets "delete": a
packet or type is withdrawn, never erased, so the orders and the log keep making
sense. Both groups already have ``wagtailadmin.access_admin`` from home 0003.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = ["Merchandisers", "Managers"]
GRANTS = [
    (model, action)
    for model in ("redpackettype", "redpacket")
    for action in ("add", "change", "view")
]


def grant_red_packet_rights(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permissions = [
        Permission.objects.get(content_type__app_label="commerce", codename=f"{action}_{model}")
        for model, action in GRANTS
    ]
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.add(*permissions)


def revoke_red_packet_rights(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="commerce",
        codename__in=[f"{action}_{model}" for model, action in GRANTS],
    )
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("commerce", "0002_carts_red_packets_orders"),
        ("home", "0003_staff_roles"),
    ]

    operations = [migrations.RunPython(grant_red_packet_rights, revoke_red_packet_rights)]
