"""Template helpers for the catalogue: addresses that change one filter and keep the rest."""

from django import template
from django.utils.safestring import mark_safe

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


@register.filter
def jsonld(data):
    """A JSON-LD script block; the JSON is escaped like json_script so it cannot close the tag."""
    import json

    from django.core.serializers.json import DjangoJSONEncoder
    from django.utils.html import _json_script_escapes, format_html

    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        _json_script_escapes
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag
def elided_pages(page_obj):
    """Page numbers around the current one, with None for gaps (…)."""
    return list(
        page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    )


@register.inclusion_tag("includes/category_menu.html", takes_context=True)
def category_menu(context):
    """The header menu: top categories with their subcategories (one query), then the site
    sections."""
    from products.models import Category

    nodes = list(
        Category.objects.filter(depth__lte=2)
        .order_by("path")
        .only("name", "slug", "path", "depth")
    )
    top = [node for node in nodes if node.depth == 1]
    children = {
        node.path: [
            child for child in nodes if child.depth == 2 and child.path.startswith(node.path)
        ]
        for node in top
    }
    request = context.get("request")
    current_category = request.GET.get("category") if request is not None else None
    return {
        "categories": [(node, children[node.path]) for node in top],
        "current_category": current_category,
        "current_site": context.get("current_site"),
        "page": context.get("page"),
        "request": request,
    }
