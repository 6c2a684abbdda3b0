"""The e-mail outbox, read-only."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from accounts.emails import ACCOUNT_EMAIL_HOOK
from core.permissions import ViewOnlyPermissionPolicy

from ..emails import email_queue
from ..models import OutgoingEmail

# Staff look here when a customer says "I got no mail": status, attempts and the last
# SMTP error. Rows are written by commerce.emails only, so nobody may add, edit or
# delete them; a stuck row is resent by ``manage.py send_pending_emails`` (cron).


register_permission_policy(OutgoingEmail, ViewOnlyPermissionPolicy(OutgoingEmail))


class OutgoingEmailViewSet(ModelViewSet):
    model = OutgoingEmail
    icon = "mail"
    menu_label = _("Outgoing e-mails")
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = []  # the edit views exist but the permission policy closes them
    list_display = ["subject", "to", "kind", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status", "kind"]
    search_fields = ["to", "subject", "dedupe_key"]
    search_backend_name = None  # plain database filtering: the outbox is not in the search index
    ordering = ["-created_at", "-pk"]
    inspect_view_fields = [
        "kind",
        "to",
        "subject",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "sent_at",
        "order",
        "text_body",
    ]


@hooks.register("register_admin_viewset")
def register_outgoing_email_viewset():
    return OutgoingEmailViewSet("outgoing_emails")


# Account e-mails (password reset) go through the same outbox as order e-mails.
hooks.register(ACCOUNT_EMAIL_HOOK, email_queue)
