"""Cancel orders left unpaid past their pay-by time (run every few minutes from cron)."""

from django.core.management.base import BaseCommand

from ...orders.services import orders_cancel_unpaid


class Command(BaseCommand):
    help = (
        "Cancel orders awaiting payment past their pay-by time; releases their stock and red "
        "packets."
    )

    def handle(self, *args, **options):
        count = orders_cancel_unpaid()
        self.stdout.write(f"Cancelled {count} unpaid order(s).")
