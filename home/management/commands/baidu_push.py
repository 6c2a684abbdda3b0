"""Push new and changed storefront addresses to Baidu's link submission (run from cron)."""

from django.core.management.base import BaseCommand, CommandError

from home.baidu_push import (
    BaiduPushError,
    baidu_push_changes,
    baidu_push_enabled,
    waiting_addresses,
)


class Command(BaseCommand):
    help = (
        "Push the pages and products published since the last successful push, in both "
        "languages, to Baidu's link submission API, within today's quota. Does nothing until "
        "BAIDU_PUSH_TOKEN is set."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List the addresses that wait to be pushed; send nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        if not baidu_push_enabled():
            self.stdout.write("Baidu push is off (set BAIDU_PUSH_TOKEN to turn it on).")
            return
        if dry_run:
            addresses = waiting_addresses()
            for _published, url in addresses:
                self.stdout.write(url)
            self.stdout.write(f"{len(addresses)} address(es) wait to be pushed.")
            return
        try:
            report = baidu_push_changes()
        except BaiduPushError as error:
            raise CommandError(str(error)) from error
        for url in report.refused:
            self.stderr.write(f"Baidu refused {url} (not this site, or not a valid address).")
        remain = "unknown" if report.remain is None else report.remain
        self.stdout.write(f"Pushed {report.pushed} address(es) to Baidu; {remain} left today.")
        if report.waiting:
            self.stdout.write(
                f"{report.waiting} address(es) wait for tomorrow's quota "
                "(they are pushed first next time)."
            )
