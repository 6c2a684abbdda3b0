"""Admin wiring for the merchandisers' search controls: a "Search" menu with the
synonym groups and the promoted results. The search report lives in the Reports menu
(analytics.reports.search); its old address leads there."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from wagtail import hooks
from wagtail.admin.auth import permission_required
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import SynonymGroup

REPORT_PERMISSION = "search.view_search_report"
PROMOTION_PERMISSIONS = [
    f"wagtailsearchpromotions.{action}_searchpromotion" for action in ("add", "change", "delete")
]
SUBMENU_HOOK = "register_search_menu_item"


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "resubmit"
    menu_label = _("Synonyms")
    menu_name = "synonyms"
    list_display = ["__str__"]
    form_fields = ["terms"]
    search_fields = ["terms"]
    search_backend_name = (
        None  # a plain database filter: the groups are few and not in the search index
    )


class SearchViewSetGroup(SnippetViewSetGroup):
    items = (SynonymGroupViewSet,)
    menu_label = _("Search")
    menu_name = "search"
    menu_icon = "search"
    menu_order = 310
    submenu_hook = SUBMENU_HOOK


register_snippet(SearchViewSetGroup)


class PermissionMenuItem(MenuItem):
    """A menu entry shown to users holding any of the given permissions."""

    def __init__(self, *args, permissions: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.permissions = permissions

    def is_shown(self, request):
        return any(request.user.has_perm(permission) for permission in self.permissions)


class SearchReportMovedView(RedirectView):
    """The search report's first address, kept for bookmarks: the report is in Reports now."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        url = reverse("analytics_report", kwargs={"slug": "search"})
        return url + ("?range=30d" if self.request.GET.get("days") == "30" else "")


@hooks.register("register_admin_urls")
def register_report_url():
    view = permission_required(REPORT_PERMISSION)(SearchReportMovedView.as_view())
    return [path("search-report/", view, name="search_report")]


@hooks.register(SUBMENU_HOOK)
def register_promotions_menu_item():
    return PermissionMenuItem(
        _("Promoted results"),
        reverse("wagtailsearchpromotions:index"),
        name="search-promotions",
        icon_name="pick",
        order=10,
        permissions=PROMOTION_PERMISSIONS,
    )


@hooks.register("register_permissions")
def register_report_permission():
    return Permission.objects.filter(
        content_type__app_label="search", codename="view_search_report"
    )
