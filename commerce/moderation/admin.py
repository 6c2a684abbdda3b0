"""What the reviews and questions queues share in the admin: the role gate and the blocked
words list."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet

from .models import BlockedWord


class QueueMixin(WagtailAdminTemplateMixin):
    """Admin chrome; a user with none of ``permissions`` gets 403 before anything runs."""

    permissions: tuple[str, ...] = ()
    header_icon = "comment"

    def dispatch(self, request, *args, **kwargs):
        if not any(request.user.has_perm(permission) for permission in self.permissions):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class BlockedWordViewSet(ModelViewSet):
    """Words that flag a review or question for a closer look (never reject it)."""

    model = BlockedWord
    icon = "warning"
    menu_label = _("Blocked words")
    add_to_admin_menu = False
    form_fields = ["word"]
    list_display = ["word", "created_at"]
    search_fields = ["word"]
