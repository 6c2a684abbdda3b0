"""Who looks after the customers' voice: Customer service moderates reviews, answers product
questions and edits the blocked words; Merchandisers read reviews; Managers do all of it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

BLOCKED_WORDS = ["add_blockedword", "change_blockedword", "delete_blockedword", "view_blockedword"]
GRANTS = {
    "Customer service": ["moderate_review", "view_review", "answer_question", *BLOCKED_WORDS],
    "Merchandisers": ["view_review"],
    "Managers": ["moderate_review", "view_review", "answer_question", *BLOCKED_WORDS],
}


def _permissions(apps, codenames):
    Permission = apps.get_model("auth.Permission")
    return Permission.objects.filter(content_type__app_label="commerce", codename__in=codenames)


def grant_voice_rights(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth.Group")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.add(*_permissions(apps, GRANTS[group.name]))


def revoke_voice_rights(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(*_permissions(apps, GRANTS[group.name]))


class Migration(migrations.Migration):
    dependencies = [
        ("commerce", "0011_payment_duplicate"),
    ]

    operations = [migrations.RunPython(grant_voice_rights, revoke_voice_rights)]
