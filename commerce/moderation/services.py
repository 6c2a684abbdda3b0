"""Checks every shopper's text passes before it is stored."""

from core.user_text import words_found

from .models import BlockedWord


def blocked_words_in(*texts: str) -> str:
    """The staff's blocked words found in ``texts``, comma-separated ("" when none): the item
    is flagged in its moderation queue."""
    words = list(BlockedWord.objects.values_list("word", flat=True))
    found: list[str] = []
    for text in texts:
        found += [word for word in words_found(text, words) if word not in found]
    return ", ".join(found)[:200]
