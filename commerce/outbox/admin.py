"""The e-mail outbox in the admin, read-only.

Staff look here when a customer says "I got no mail": status, attempts and the last
SMTP error. Rows are written by ``commerce.outbox.services`` only, so nobody may add,
edit or delete them; a stuck row is resent by ``manage.py send_pending_emails`` (cron).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from .models import OutgoingEmail


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
