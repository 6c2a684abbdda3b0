"""Rate limits on what shoppers post (asking, reviewing, commenting, voting, tell-a-friend).

Built on django-ratelimit's counters in Django's cache (Redis in production, so every
worker counts together). Each action is counted twice, per signed-in user and per client
address, and refused when either count is over its rate; a refused request changes
nothing and the view answers HTTP 429 with a friendly page (``rate_limited_response``).
"""

from django.template.response import TemplateResponse
from django_ratelimit.core import is_ratelimited


def rate_limited(request, *, group: str, rates: tuple[str, ...], increment: bool = True) -> bool:
    """True when ``request`` is over any of ``rates`` (e.g. ``("5/h", "20/d")``) for ``group``,
    counted per user and per IP; ``increment`` counts this request."""
    keys = ["ip"]
    if request.user.is_authenticated:
        keys.insert(0, "user")
    over = False
    for key in keys:
        for rate in rates:
            # Count every key and rate even after one is over, so both windows keep counting.
            over |= is_ratelimited(
                request, group=f"{group}:{rate}", key=key, rate=rate, increment=increment
            )
    return over


def rate_limited_response(request, *, message: str = "") -> TemplateResponse:
    """The 429 page: what happened and when to try again."""
    return TemplateResponse(request, "429.html", {"message": message}, status=429)
