from django.conf import settings
from django.core.management.base import BaseCommand

from analytics.services import events_purge


class Command(BaseCommand):
    help = "Delete events older than ANALYTICS_RETENTION_DAYS; the daily rollups are kept."

    def handle(self, *args, **options):
        deleted = events_purge()
        days = settings.ANALYTICS_RETENTION_DAYS
        self.stdout.write(f"{deleted} events older than {days} days deleted.")
