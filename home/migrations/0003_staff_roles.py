"""Staff roles as Wagtail groups, each with only the rights its job needs, and the
two-step moderation workflow (editors submit, managers approve and publish).

Later features (catalogue, orders, payments) extend these groups in their own
migrations; the role names are the contract.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"
MERCHANDISERS = "Merchandisers"
DESIGNERS = "Designers"
CUSTOMER_SERVICE = "Customer service"
FINANCE = "Finance"
LOGISTICS = "Logistics"
MANAGERS = "Managers"
ALL_ROLES = [EDITORS, MERCHANDISERS, DESIGNERS, CUSTOMER_SERVICE, FINANCE, LOGISTICS, MANAGERS]

IMAGE_ACTIONS_ALL = ["add", "change", "delete", "choose"]
# Editors and merchandisers may upload and pick pictures for their pages;
# changing or deleting the shared library is the designers' job.
IMAGE_ACTIONS_AUTHOR = ["add", "choose"]
PAGE_ACTIONS_AUTHOR = ["add", "change"]
PAGE_ACTIONS_PUBLISHER = ["add", "change", "publish"]
PAGE_ACTIONS_MANAGER = ["add", "change", "publish", "bulk_delete", "lock", "unlock"]


def _permission(apps, app_label: str, codename: str):
    Permission = apps.get_model("auth.Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes.ContentType")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    # Wagtail's generic starter groups and workflow are replaced by the shop's roles.
    Group.objects.filter(name="Moderators").delete()
    Workflow.objects.filter(name__in=["Moderators approval"]).delete()
    GroupApprovalTask.objects.filter(name="Moderators approval").delete()

    groups = {}
    for name in ALL_ROLES:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.clear()
        GroupPagePermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.filter(group=group).delete()
        group.permissions.add(_permission(apps, "wagtailadmin", "access_admin"))
        groups[name] = group

    root_page = Page.objects.get(depth=1)
    home = Page.objects.get(depth=2, slug="home")
    sections = {
        page.slug: page for page in Page.objects.filter(depth=3, path__startswith=home.path)
    }
    root_collection = Collection.objects.get(depth=1)

    def grant_pages(group, page, actions):
        for action in actions:
            GroupPagePermission.objects.create(
                group=group,
                page=page,
                permission=_permission(apps, "wagtailcore", f"{action}_page"),
            )

    def grant_collection(group, app_label, model, actions):
        for action in actions:
            GroupCollectionPermission.objects.create(
                group=group,
                collection=root_collection,
                permission=_permission(apps, app_label, f"{action}_{model}"),
            )

    def grant_model(group, app_label, model, actions):
        for action in actions:
            group.permissions.add(_permission(apps, app_label, f"{action}_{model}"))

    editors = groups[EDITORS]
    grant_pages(editors, sections["guides"], PAGE_ACTIONS_AUTHOR)
    grant_pages(editors, sections["help"], PAGE_ACTIONS_AUTHOR)
    grant_model(editors, "home", "announcement", ["add", "change", "delete", "view"])
    grant_collection(editors, "wagtailimages", "image", IMAGE_ACTIONS_AUTHOR)
    grant_collection(editors, "wagtaildocs", "document", ["choose"])

    merchandisers = groups[MERCHANDISERS]
    grant_pages(
        merchandisers, home, ["change", "publish"]
    )  # the home page alone, see core.permissions
    grant_pages(merchandisers, sections["brands"], PAGE_ACTIONS_PUBLISHER)
    grant_collection(merchandisers, "wagtailimages", "image", IMAGE_ACTIONS_AUTHOR)

    designers = groups[DESIGNERS]
    grant_collection(designers, "wagtailimages", "image", IMAGE_ACTIONS_ALL)
    grant_collection(designers, "wagtaildocs", "document", IMAGE_ACTIONS_ALL)

    managers = groups[MANAGERS]
    grant_pages(managers, root_page, PAGE_ACTIONS_MANAGER)
    grant_model(managers, "home", "announcement", ["add", "change", "delete", "view"])
    grant_model(managers, "home", "shopsettings", ["change"])
    grant_collection(managers, "wagtailimages", "image", IMAGE_ACTIONS_ALL)
    grant_collection(managers, "wagtaildocs", "document", IMAGE_ACTIONS_ALL)
    # Customer service, finance and logistics get their order desks with the
    # order models; until then they may only sign in to the admin.

    task_type = ContentType.objects.get_for_model(GroupApprovalTask)
    task, _ = GroupApprovalTask.objects.get_or_create(
        name="Manager approval", defaults={"content_type": task_type, "active": True}
    )
    task.groups.set([managers])
    workflow, _ = Workflow.objects.get_or_create(
        name="Editorial review", defaults={"active": True}
    )
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_site_tree"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
