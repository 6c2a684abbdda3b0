"""The e-mail outbox, read-only."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from accounts.emails import ACCOUNT_EMAIL_HOOK
from core.permissions import ViewOnlyPermissionPolicy

from ..outbox.admin import OutgoingEmailViewSet
from ..outbox.models import OutgoingEmail
from ..outbox.services import email_queue

register_permission_policy(OutgoingEmail, ViewOnlyPermissionPolicy(OutgoingEmail))


@hooks.register("register_admin_viewset")
def register_outgoing_email_viewset():
    return OutgoingEmailViewSet("outgoing_emails")


# Account e-mails (password reset) go through the same outbox as order e-mails.
hooks.register(ACCOUNT_EMAIL_HOOK, email_queue)
