"""``manage.py load_demo``: fill a fresh site with a real-looking demo shop (used by ``make
run``)."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation

from demo.analytics import load_analytics_demo
from demo.catalogue import CatalogueDemoLoader
from demo.commerce import (
    load_more_shoppers_demo,
    load_order_demo,
    load_red_packet_demo,
    load_shopper_demo,
)
from demo.content.shop import STAFF_PASSWORD
from demo.guide_comments import load_guide_comment_demo
from demo.loader import DemoLoader
from demo.promotions import load_promotion_demo
from demo.site import login_lines


class Command(BaseCommand):
    help = (
        "Load the demo shop: 8 brands, 23 guides, a help center, home-page banners, "
        "announcements, "
        "shop settings, a catalogue of 350 products with stock and shipping methods, red "
        "packets, an admin account, five shopper accounts with about 60 past orders and one demo "
        "account per staff role. Safe to run again: "
        "whatever already exists is left as it is."
    )

    def handle(self, *args, **options):
        # In the shop's default language: the loaders write both languages' columns, and the
        # orders they place copy the Chinese names, as a shopper's order on the root site would.
        with translation.override(settings.LANGUAGE_CODE):
            self.load(options)

    def load(self, options):
        verbose = options["verbosity"] >= 1
        started = time.monotonic()
        log = self.stdout.write if verbose else lambda message: None
        DemoLoader(log=log).run()
        CatalogueDemoLoader(log=log).run()
        # After users and categories: red packets go to shoppers and may be limited to categories.
        load_shopper_demo(password=STAFF_PASSWORD, stdout=self.stdout if verbose else None)
        load_more_shoppers_demo(password=STAFF_PASSWORD, stdout=self.stdout if verbose else None)
        load_red_packet_demo(stdout=self.stdout if verbose else None)
        load_guide_comment_demo(stdout=self.stdout if verbose else None)
        # Last: orders need shoppers, products with stock, shipping methods and the staff roles.
        load_order_demo(stdout=self.stdout if verbose else None)
        # After the orders: the recommendations are built from them and the demo visits.
        load_analytics_demo(stdout=self.stdout if verbose else None)
        # Last: the offers run from now on, so the past orders were priced without them.
        load_promotion_demo(stdout=self.stdout if verbose else None)
        if not verbose:
            return
        self.stdout.write(
            self.style.SUCCESS(f"Demo content ready in {time.monotonic() - started:.1f} s.")
        )
        for line in login_lines(settings.WAGTAILADMIN_BASE_URL):
            self.stdout.write(line)
