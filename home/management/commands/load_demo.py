"""``manage.py load_demo``: fill a fresh site with a real-looking demo shop (used by ``make run``)."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand

from home.demo import DemoLoader, login_lines
from products.demo import CatalogueDemoLoader


class Command(BaseCommand):
    help = (
        "Load the demo shop: 8 brands, 23 guides, a help center, home-page banners, announcements, "
        "shop settings, a catalogue of 350 products with stock and shipping methods, an admin account and one demo account per staff role. Safe to run again: "
        "whatever already exists is left as it is."
    )

    def handle(self, *args, **options):
        verbose = options["verbosity"] >= 1
        started = time.monotonic()
        log = self.stdout.write if verbose else lambda message: None
        DemoLoader(log=log).run()
        CatalogueDemoLoader(log=log).run()
        if not verbose:
            return
        self.stdout.write(self.style.SUCCESS(f"Demo content ready in {time.monotonic() - started:.1f} s."))
        for line in login_lines(settings.WAGTAILADMIN_BASE_URL):
            self.stdout.write(line)
