"""A version number for the live catalogue, bumped whenever a product changes.

Derived data (facet counts) is cached under keys that include the version, so a
publish, unpublish or edit makes every cached count stale at once without having
to know which keys exist.
"""

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "catalogue:version"


def catalogue_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def _bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # the key was evicted or never set
        cache.set(VERSION_KEY, 2, timeout=None)


def bump_catalogue_version() -> None:
    """Invalidate cached catalogue data now and again when the transaction commits.

    The second bump matters: between the first and the commit another request may
    cache counts computed from the data before this change.
    """
    _bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_bump)
