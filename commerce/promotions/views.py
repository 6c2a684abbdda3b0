"""The header's "deliver to" (配送至) choice: a plain form post that returns to the page."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.redirects import safe_next_path
from core.regions import PROVINCES

from .region import DeliverToInvalid, deliver_to_choose

_NAMES = dict(PROVINCES)


@require_POST
def deliver_to(request):
    """Keep the chosen province and go back to the page it was chosen on, whose prices,
    offers and shipping calculator now follow it; a bad value changes nothing."""
    back = safe_next_path(request, request.POST.get("next", "")) or "/"
    try:
        province = deliver_to_choose(request, request.POST.get("province", ""))
    except DeliverToInvalid as error:
        messages.error(request, error.message)
        return redirect(back)
    messages.success(
        request,
        _("Delivering to %(province)s: prices and offers are shown for it.")
        % {"province": _NAMES[province]},
    )
    return redirect(back)
