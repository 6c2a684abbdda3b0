"""Catalogue rights for the staff roles, and products under the editorial workflow.

Merchandisers draft products and submit them for review (they cannot publish);
managers approve. Stock is changed by logistics; merchandisers see it.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant_catalogue_rights(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowContentType = apps.get_model("wagtailcore.WorkflowContentType")

    # Wagtail adds a snippet's publish/lock/unlock permissions after migrating; add them now.
    product_type = ContentType.objects.get(app_label="products", model="product")
    for action in ["publish", "lock", "unlock"]:
        Permission.objects.get_or_create(
            content_type=product_type,
            codename=f"{action}_product",
            defaults={"name": f"Can {action} product"},
        )

    def perms(app_label, model, actions):
        return [
            Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}")
            for action in actions
        ]

    grants = {
        "Merchandisers": [
            *perms("products", "product", ["add", "change", "view", "lock", "unlock"]),
            *perms("products", "category", ["add", "change", "delete", "view"]),
            *perms("products", "producttype", ["add", "change", "view"]),
            *perms("products", "editorpick", ["add", "change", "delete", "view"]),
            *perms("products", "stock", ["view"]),
        ],
        "Logistics": [
            *perms("products", "stock", ["add", "change", "view"]),
            *perms("commerce", "shippingmethod", ["add", "change", "view"]),
        ],
        "Customer service": [*perms("products", "stock", ["view"])],
        "Managers": [
            *perms(
                "products",
                "product",
                ["add", "change", "delete", "view", "publish", "lock", "unlock"],
            ),
            *perms("products", "category", ["add", "change", "delete", "view"]),
            *perms("products", "producttype", ["add", "change", "delete", "view"]),
            *perms("products", "editorpick", ["add", "change", "delete", "view"]),
            *perms("products", "stock", ["add", "change", "view"]),
            *perms("commerce", "shippingmethod", ["add", "change", "delete", "view"]),
        ],
    }
    for name, permissions in grants.items():
        Group.objects.get(name=name).permissions.add(*permissions)

    workflow = Workflow.objects.get(name="Editorial review")
    WorkflowContentType.objects.update_or_create(
        content_type=product_type, defaults={"workflow": workflow}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("products", "0002_catalogue"),
        ("commerce", "0001_initial"),
        ("home", "0003_staff_roles"),
    ]

    operations = [migrations.RunPython(grant_catalogue_rights, migrations.RunPython.noop)]
