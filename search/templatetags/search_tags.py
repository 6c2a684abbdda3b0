"""Template helpers for the search results page."""

from django import template

from search.highlight import highlight as highlight_words

register = template.Library()


@register.filter
def highlight(text, words):
    """``{{ product.name|highlight:words }}``: escaped text with the query's words in <mark>."""
    return highlight_words(str(text or ""), list(words or []))
