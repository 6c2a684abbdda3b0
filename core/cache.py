"""A version number in the cache that invalidates a whole family of cached values.

Derived data (facet counts, synonym groups) is cached under keys that include the
version, so bumping it makes every cached value stale at once without having to
know which keys exist.
"""

from django.core.cache import cache
from django.db import transaction


class CacheVersion:
    """One named version counter, e.g. ``CacheVersion("catalogue:version")``."""

    def __init__(self, key: str):
        self.key = key

    def current(self) -> int:
        version = cache.get(self.key)
        if version is None:
            cache.add(self.key, 1, timeout=None)
            version = cache.get(self.key, 1)
        return version

    def _bump(self) -> None:
        try:
            cache.incr(self.key)
        except ValueError:  # the key was evicted or never set
            cache.set(self.key, 2, timeout=None)

    def bump(self) -> None:
        """Invalidate now, and again when the transaction commits.

        The second bump matters: between the first and the commit another request may
        cache values computed from the data before this change.
        """
        self._bump()
        if transaction.get_connection().in_atomic_block:
            transaction.on_commit(self._bump)
