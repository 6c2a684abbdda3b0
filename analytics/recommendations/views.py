"""The recently viewed row, fetched by script from the product page and the cart.

It is the only part of those pages that differs from one visitor to another, so it comes
in its own request: the page itself is the same for every visitor and can be cached whole.
The request also remembers the product being viewed (``?product=<id>``); it only ever
changes the visitor's own session, and answers ``private, no-store``.
"""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core.numbers import parse_whole_number

from .selectors import Row, recently_viewed
from .services import recently_viewed_add

MAX_ID = 2**31 - 1


@require_GET
@never_cache
def recently_viewed_row(request):
    """The visitor's recently viewed products as a row of cards (an empty answer for none)."""
    current = parse_whole_number(request.GET.get("product"), minimum=1, maximum=MAX_ID)
    products, current_is_live = recently_viewed(request=request, current=current)
    if current_is_live:
        recently_viewed_add(session=request.session, product_id=current)
    row = Row("recently_viewed", _("Recently viewed"), products) if products else None
    response = render(request, "analytics/recommendations/recently_viewed_row.html", {"row": row})
    response["X-Robots-Tag"] = "noindex"
    return response
