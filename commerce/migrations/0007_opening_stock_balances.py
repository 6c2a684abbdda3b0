"""Opening balances for the inventory ledger.

Stock rows existed before every change of stock became a ``StockMovement``; one
"adjustment" movement per row (reason "Opening balance") makes the ledger's sums
equal each row's on hand and reserved. Only the difference to movements already
written is booked, so the migration is also right on a database that has some.
"""

from django.db import migrations
from django.db.models import Sum

BATCH = 5000


def open_balances(apps, schema_editor):
    Stock = apps.get_model("products", "Stock")
    StockMovement = apps.get_model("commerce", "StockMovement")
    sums = {
        entry["sku"]: (entry["on_hand"] or 0, entry["reserved"] or 0)
        for entry in StockMovement.objects.order_by()
        .values("sku")
        .annotate(on_hand=Sum("on_hand_change"), reserved=Sum("reserved_change"))
    }
    pending = []
    for sku, on_hand, reserved in (
        Stock.objects.order_by("pk").values_list("sku", "on_hand", "reserved").iterator()
    ):
        ledger_on_hand, ledger_reserved = sums.get(sku, (0, 0))
        if (on_hand, reserved) != (ledger_on_hand, ledger_reserved):
            pending.append(
                StockMovement(
                    sku=sku,
                    kind="adjustment",
                    on_hand_change=on_hand - ledger_on_hand,
                    reserved_change=reserved - ledger_reserved,
                    reason="Opening balance",
                )
            )
        if len(pending) >= BATCH:
            StockMovement.objects.bulk_create(pending)
            pending = []
    StockMovement.objects.bulk_create(pending)


class Migration(migrations.Migration):
    dependencies = [
        ("commerce", "0006_desk_permissions"),
        ("products", "0004_variant_barcode_index"),
    ]

    operations = [migrations.RunPython(open_balances, migrations.RunPython.noop)]
