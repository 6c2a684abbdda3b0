"""Ask the tracking service about shipped parcels and move their orders on (run hourly from
cron)."""

from django.core.management.base import BaseCommand

from ...shipping.tracking import tracking_adapter, tracking_poll


class Command(BaseCommand):
    help = (
        "Move shipped orders to in transit / delivered from the tracking adapter "
        "(COMMERCE_TRACKING_ADAPTER)."
    )

    def handle(self, *args, **options):
        if tracking_adapter() is None:
            self.stdout.write(
                "No tracking adapter configured (COMMERCE_TRACKING_ADAPTER); nothing polled."
            )
            return
        moved = tracking_poll()
        self.stdout.write(
            f"In transit: {moved['in_transit']}, delivered: {moved['delivered']}, "
            f"unchanged: {moved['unknown']}."
        )
