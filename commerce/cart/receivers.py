"""Receivers of Django's own signals.

The house rule is "no signals for domain side effects", because a signal hides
who causes a write. ``user_logged_in`` is the exception that fits: it is Django's
one event for "this session now belongs to this user", sent by every way of
signing in (the login form, sign-up, password reset, the admin, tests'
``force_login``) from inside ``django.contrib.auth.login``; hooking each of those
views instead would miss the next one added. The merge runs in the same request,
on the session that is signing in, so nothing is deferred or hidden from it.
"""

from django.contrib import messages
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils.translation import gettext as _

from .models import Cart
from .services import SESSION_KEY, cart_merge


@receiver(user_logged_in, dispatch_uid="commerce.cart_merge_on_login")
def merge_session_cart(sender, request, user, **kwargs):
    """Move the anonymous session's cart into the user's saved cart."""
    if request is None or not hasattr(request, "session"):
        return
    cart_id = request.session.pop(SESSION_KEY, None)
    source = Cart.objects.filter(pk=cart_id, user__isnull=True).first() if cart_id else None
    if source is None:
        return
    if not source.lines.exists():
        source.delete()
        return
    target, _created = Cart.objects.get_or_create(user=user)
    cart_merge(source=source, target=target)
    request.__dict__.pop("_commerce_cart", None)
    request.__dict__.pop("_cart_count", None)
    if hasattr(request, "_messages"):
        messages.info(request, _("The items you added before signing in are in your cart."))
