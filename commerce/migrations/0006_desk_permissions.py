"""The order desks' rights, one per role: Finance records payments, Logistics fulfils, Customer service serves."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Finance": ["record_payment"],
    "Logistics": ["fulfil_order"],
    "Customer service": ["serve_customer"],
    "Managers": ["record_payment", "fulfil_order", "serve_customer"],
}


def grant_desk_rights(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="commerce", codename__in=GRANTS[group.name]
            )
        )


def revoke_desk_rights(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="commerce", codename__in=GRANTS[group.name]
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("commerce", "0005_payments_fulfilment_ledger"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="order",
            options={
                "ordering": ["-placed_at", "-pk"],
                "permissions": [
                    ("record_payment", "Can confirm payments, record cash collections and refund"),
                    ("fulfil_order", "Can review, stock, pack and ship orders"),
                    ("serve_customer", "Can see customers and keep staff notes on orders"),
                ],
                "verbose_name": "order",
                "verbose_name_plural": "orders",
            },
        ),
        migrations.RunPython(grant_desk_rights, revoke_desk_rights),
    ]
