import datetime

from django.core.management.base import BaseCommand, CommandError

from analytics.recommendations.services import product_pairs_build
from analytics.rollups import rollups_build, rollups_build_recent
from analytics.services import events_flush


class Command(BaseCommand):
    help = (
        "Build the daily rollups the reports read: the last two days by default (run it every "
        "few minutes), or --from/--to (YYYY-MM-DD) to rebuild a range. Stores the buffered "
        "events first, and rebuilds the product page's recommendations (bought together, "
        "viewed together) unless --skip-recommendations."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=2, help="Days up to today to rebuild.")
        parser.add_argument("--from", dest="first", default="", help="First day, YYYY-MM-DD.")
        parser.add_argument("--to", dest="last", default="", help="Last day, YYYY-MM-DD.")
        parser.add_argument(
            "--skip-recommendations",
            action="store_true",
            help="Leave the recommendation pairs as they are.",
        )

    def handle(self, *args, days, first, last, skip_recommendations, **options):
        events_flush()
        if first or last:
            try:
                first_day = datetime.date.fromisoformat(first)
                last_day = datetime.date.fromisoformat(last or first)
            except ValueError:
                raise CommandError("--from and --to take dates as YYYY-MM-DD.") from None
            run = rollups_build(first_day=first_day, last_day=last_day)
        else:
            run = rollups_build_recent(days=days)
        self.stdout.write(
            f"Rollups of {run.first_day} to {run.last_day} built in {run.seconds:.2f} s."
        )
        if not skip_recommendations:
            built = product_pairs_build()
            self.stdout.write(
                f"Recommendations: {built['bought']} bought-together and "
                f"{built['viewed']} viewed-together pairs."
            )
