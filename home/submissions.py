"""Sending a "new page" form twice makes one page.

The create form carries a random token (``new_token``, rendered by
templates/wagtailadmin/pages/create.html). Wagtail's ``before_create_page`` hook
claims the token with an insert that the unique constraint lets succeed only once:

* the first sending goes on as usual; ``after_create_page`` records the page it
  made, and the end of its request marks the claim finished either way;
* a repeat (double click on Publish, or Publish while autosave creates the draft)
  waits for the first to finish, then is sent on with a 307 redirect, method and
  form kept, to the edit view of the page the first one created, which saves or
  publishes what the editor asked for. If the first made no page (its form had
  errors), the repeat is handled as a new sending.

Forms without a token (API clients, forms served before this guard) work as before.
"""

import contextvars
import re
import time
import uuid
from datetime import timedelta

from django.contrib import messages
from django.core.signals import request_finished
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import PageSubmission

TOKEN_FIELD = "shop_submission_token"
_TOKEN = re.compile(r"^[0-9a-f]{32}$")
# How long a repeat waits for the first sending to finish, and how often it looks.
WAIT_SECONDS = 20.0
POLL_SECONDS = 0.1
# Claims are only needed while a form may still be sent again.
KEEP = timedelta(days=2)

# The claim of the request being handled in this thread (None for any other request).
_current_claim: contextvars.ContextVar[int | None] = contextvars.ContextVar(
    "page_submission_claim", default=None
)


def new_token() -> str:
    """A fresh token for one rendering of the create form."""
    return uuid.uuid4().hex


def claim_or_redirect(request, parent_page):
    """``before_create_page``: None to go on, or the answer for a repeated sending."""
    token = request.POST.get(TOKEN_FIELD, "") if request.method == "POST" else ""
    if not _TOKEN.match(token):
        return None
    try:
        with transaction.atomic():
            claim = PageSubmission.objects.create(token=token, user=request.user)
    except IntegrityError:
        return _answer_repeat(request, token, parent_page)
    _current_claim.set(claim.pk)
    PageSubmission.objects.filter(created_at__lt=timezone.now() - KEEP).delete()
    return None


def record_page(request, page) -> None:
    """``after_create_page``: the page this sending created answers its repeats."""
    claim = _current_claim.get()
    if claim is not None:
        PageSubmission.objects.filter(pk=claim).update(page=page, finished=True)


def _finish_claim(sender, **kwargs) -> None:
    """At the end of every request: the claim it made, if any, is finished."""
    claim = _current_claim.get()
    if claim is not None:
        _current_claim.set(None)
        PageSubmission.objects.filter(pk=claim, finished=False).update(finished=True)


request_finished.connect(_finish_claim, dispatch_uid="home_page_submission_finished")


def _answer_repeat(request, token: str, parent_page):
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        claim = PageSubmission.objects.filter(token=token).first()
        if claim is None or claim.user_id != request.user.pk:
            return None  # not this editor's form: nothing to protect
        if claim.page_id is not None:
            response = HttpResponseRedirect(
                reverse("wagtailadmin_pages:edit", args=[claim.page_id])
            )
            response.status_code = 307  # the browser sends the same form to the edit view
            return response
        if claim.finished:
            return None  # the first sending created nothing: this one starts afresh
        if time.monotonic() >= deadline:
            messages.warning(
                request,
                _(
                    "Your first click is still saving this page. Look for it in the list "
                    "below before you try again."
                ),
            )
            return redirect("wagtailadmin_explore", parent_page.pk)
        time.sleep(POLL_SECONDS)
