"""Admin wiring for the home app: the announcements snippet, and the guard that makes a
"new page" form sent twice create one page (home.submissions)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import submissions
from .models import Announcement


class AnnouncementViewSet(SnippetViewSet):
    model = Announcement
    icon = "warning"
    menu_label = _("Announcements")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["text", "level", "starts_at", "ends_at"]
    list_filter = ["level"]
    search_fields = ["text"]
    # A plain database filter: Wagtail's SQLite search backend cannot search chosen
    # fields ("no such column: text"), and a substring also finds 咖啡 inside 咖啡节.
    search_backend_name = None
    ordering = ["-starts_at"]


register_snippet(AnnouncementViewSet)


@hooks.register("before_create_page")
def guard_repeated_page_creation(request, parent_page, page_class):
    return submissions.claim_or_redirect(request, parent_page)


@hooks.register("after_create_page")
def remember_created_page(request, page):
    submissions.record_page(request, page)
