"""A version number for the live catalogue, bumped whenever a product changes.

Derived data (facet counts) is cached under keys that include the version, so a
publish, unpublish or edit makes every cached count stale at once.
"""

from core.cache import CacheVersion

_version = CacheVersion("catalogue:version")


def catalogue_version() -> int:
    return _version.current()


def bump_catalogue_version() -> None:
    """Invalidate cached catalogue data now and again when the transaction commits."""
    _version.bump()
