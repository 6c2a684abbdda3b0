"""A small shop in a SQLite file, for the concurrency test to serve with gunicorn.

Run as a script, in its own process (its own settings and database):
``python -m tests.trust.small_shop <database file> <output json>``. When the file has no
tables yet it is migrated first. Writes what the clients need: signed-in session and CSRF
cookies for shoppers and staff, SKUs, the shipping method and addresses, and the product
and page the staff save.
"""

import json
import secrets
import sys


def signed_in_session(user) -> str:
    """A session key signed in as ``user``, made directly (no password hashing)."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "accounts.backends.EmailOrMobileBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def build(*, shoppers: int, staff: int) -> dict:
    from django.contrib.auth import get_user_model

    from guides.models import GuideIndexPage, GuidePage
    from tests.factories.catalogue import make_category, make_product, make_product_type
    from tests.factories.commerce import make_address, make_shipping_method

    User = get_user_model()
    category = make_category("Tea", "tea-trust")
    kind = make_product_type("Trust tea")
    products = [
        make_product(
            name=f"Oolong {n}",
            category=category,
            product_type=kind,
            prices=["59.00"],
            on_hand=100_000,
        )
        for n in range(4)
    ]
    method = make_shipping_method(code="trust-standard")
    index = GuideIndexPage.objects.get()
    guide = index.add_child(
        instance=GuidePage(
            title="Brewing oolong",
            slug="brewing-oolong-trust",
            summary="Water, time, leaves.",
            author="Lin Wei",
            date="2025-03-01",
        )
    )
    guide.save_revision().publish()
    csrf = secrets.token_hex(16)  # a 32-character CSRF secret, sent as cookie and header
    people = []
    for n in range(shoppers):
        shopper = User.objects.create(username=f"trust-shopper-{n}", email=f"s{n}@example.com")
        people.append(
            {
                "kind": "shopper",
                "session": signed_in_session(shopper),
                "address": make_address(shopper).pk,
            }
        )
    for n in range(staff):
        member = User.objects.create(
            username=f"trust-staff-{n}", email=f"t{n}@example.com", is_superuser=True
        )
        people.append({"kind": "staff", "session": signed_in_session(member)})
    product = products[0]
    variant = product.variants.get()
    return {
        "csrf": csrf,
        "people": people,
        "skus": [p.variants.get().sku for p in products],
        "method": method.pk,
        "product": {
            "pk": product.pk,
            "slug": product.slug,
            "category": category.pk,
            "product_type": kind.pk,
            "variant": variant.pk,
            "sku": variant.sku,
        },
        "guide": {"pk": guide.pk, "slug": guide.slug},
    }


def main(database: str, output: str, shoppers: int = 12, staff: int = 4) -> None:
    import os

    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.dummy.EmailBackend"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if "django_migrations" not in connection.introspection.table_names():
        call_command("migrate", verbosity=0, interactive=False)
    with open(output, "w") as out:
        json.dump(build(shoppers=shoppers, staff=staff), out)


if __name__ == "__main__":
    main(*sys.argv[1:3])
