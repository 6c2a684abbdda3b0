"""The usual Chinese couriers, each with a link to its tracking page, and who may manage them.

The list is editable in the admin (Snippets → Carriers): addresses change, and a
shop adds its own couriers. Logistics and Managers may add and change carriers;
nobody deletes one (orders point at it), it is switched off instead.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# code, name, tracking page ({number} is replaced by the tracking number)
CARRIERS = [
    (
        "sf",
        "顺丰速运 SF Express",
        "https://www.sf-express.com/chn/sc/waybill/waybill-detail/{number}",
    ),
    ("zto", "中通快递 ZTO", "https://www.zto.com/?num={number}"),
    ("yto", "圆通速递 YTO", "https://www.yto.net.cn/?waybillNo={number}"),
    ("sto", "申通快递 STO", "https://www.sto.cn/?bill={number}"),
    ("yunda", "韵达快递 Yunda", "https://www.yundaex.com/cn/index.php?number={number}"),
    ("jd", "京东物流 JD Logistics", "https://www.jdl.com/orderSearch/?waybillCodes={number}"),
    ("ems", "中国邮政 EMS", "https://www.ems.com.cn/?mailNum={number}"),
]
ROLES = ["Logistics", "Managers"]
CODENAMES = ["add_carrier", "change_carrier", "view_carrier"]


def preload_carriers(apps, schema_editor):
    Carrier = apps.get_model("commerce", "Carrier")
    for position, (code, name, url) in enumerate(CARRIERS):
        Carrier.objects.get_or_create(
            code=code,
            defaults={"name": name, "tracking_url_template": url, "sort_order": position * 10},
        )
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


def remove_carriers(apps, schema_editor):
    Carrier = apps.get_model("commerce", "Carrier")
    Carrier.objects.filter(
        code__in=[code for code, _name, _url in CARRIERS],
        orders__isnull=True,
        cod_collections__isnull=True,
    ).delete()
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="commerce", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("commerce", "0007_opening_stock_balances"),
        ("home", "0003_staff_roles"),
    ]

    operations = [migrations.RunPython(preload_carriers, remove_carriers)]
