"""Template helpers for the catalogue: addresses that change one filter and keep the rest."""

from django import template

register = template.Library()


@register.simple_tag
def query_with(query, **changes):
    """The query string ``query`` with ``changes`` applied (a None value removes the key); page
    resets."""
    params = query.copy()
    params.pop("page", None)
    for key, value in changes.items():
        params.pop(key, None)
        if value not in (None, ""):
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag
def page_url(query, number):
    """The current filters with page ``number``."""
    params = query.copy()
    params["page"] = number
    return f"?{params.urlencode()}"


@register.filter
def money(value):
    """An amount with two decimals, e.g. 1299.00 (the currency sign is added in the template)."""
    if value is None:
        return ""
    return f"{value:,.2f}"


@register.filter
def is_selected(query, key_value):
    """True when ``key=value`` (written "key=value") is among the query's values."""
    key, _sep, value = key_value.partition("=")
    return value in query.getlist(key)


@register.simple_tag
def elided_pages(page_obj):
    """Page numbers around the current one, with None for gaps (…)."""
    return list(
        page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    )
