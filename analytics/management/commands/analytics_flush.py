from django.core.management.base import BaseCommand

from analytics.services import events_flush


class Command(BaseCommand):
    help = "Store the events waiting in the buffer (cache or Redis) in the events table."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=1000)

    def handle(self, *args, batch_size, **options):
        stored = events_flush(batch_size=max(batch_size, 1))
        self.stdout.write(f"{stored} events stored.")
