"""Who sees price-protection claims: Customer service (to answer shoppers), Finance (to pay the
claims settled by refund, from its refund queue) and Managers."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Customer service": ["view_priceprotectionclaim"],
    "Finance": ["view_priceprotectionclaim"],
    "Managers": ["view_priceprotectionclaim"],
}


def _permissions(apps, codenames):
    Permission = apps.get_model("auth.Permission")
    return Permission.objects.filter(content_type__app_label="commerce", codename__in=codenames)


def grant_claim_rights(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth.Group")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.add(*_permissions(apps, GRANTS[group.name]))


def revoke_claim_rights(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(*_permissions(apps, GRANTS[group.name]))


class Migration(migrations.Migration):
    dependencies = [
        ("commerce", "0022_guide_comment_rights"),
    ]

    operations = [migrations.RunPython(grant_claim_rights, revoke_claim_rights)]
