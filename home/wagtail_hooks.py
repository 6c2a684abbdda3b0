"""Admin wiring for the home app: the announcements snippet, the guard that makes a
"new page" form sent twice create one page (home.submissions), and the workflow's name
on the "Submit to …" button in the reader's language."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.staff_names import STAFF_NAMES, staff_name

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
    search_fields = ["text_zh_hans", "text_en"]  # either language
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


def _workflow_names_translated(menu_items, request, context):
    """ "Submit to Editorial review" reads "提交给编辑审核": the workflow and task names are
    data in English (core.staff_names), so the button's label is translated here."""
    for item in menu_items:
        if item.name != "action-submit":
            continue
        label_context = item.get_context_data

        def get_context_data(parent_context, _label_context=label_context):
            context = _label_context(parent_context)
            label = str(context.get("label", ""))
            for name in STAFF_NAMES:
                label = label.replace(name, staff_name(name))
            context["label"] = label
            return context

        item.get_context_data = get_context_data


hooks.register("construct_page_action_menu", _workflow_names_translated)
hooks.register("construct_snippet_action_menu", _workflow_names_translated)
