"""What every order desk shares: the role gate, the admin chrome, the tabs, pagination,
the menu and the dashboard panel.

Each desk (finance, logistics, customer service) is a ``Desk``: the permission that
opens it, its name, its tabs (the pages its admin menu and its tab bar list, the first
one its home), its icons and its templates. A user without the permission gets the
desk's 403 page before a view does anything; the menu and the dashboard panel show
only to those who have it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from django.views import View
from wagtail.admin.menu import Menu
from wagtail.admin.ui.components import Component

from ..admin_base import PermissionMenuItem, PermissionSubmenuMenuItem, StaffPageMixin

ORDERS_PER_PAGE = 50
FORBIDDEN_TEMPLATE = "commerce/desks/forbidden.html"


@dataclass(frozen=True)
class Tab:
    """One page of a desk, as the desk's admin menu and its tab bar show it."""

    url_name: str
    label: str
    icon: str
    menu_name: str = ""  # the menu entry's name when it is not "<namespace>-<page>"

    @property
    def key(self) -> str:
        """What a view's ``nav`` says to mark this tab as the current page."""
        return self.url_name.split(":")[1]

    @property
    def name(self) -> str:
        return self.menu_name or self.url_name.replace(":", "-")


@dataclass(frozen=True)
class Desk:
    permission: str
    label: str
    templates: str
    icon: str  # the desk pages' headers
    menu_icon: str  # its admin menu entry and its 403 page
    forbidden_message: str
    tabs: tuple[Tab, ...]
    nav_class: str = "w-flex w-flex-wrap w-gap-2 w-mb-6"

    @property
    def home_url_name(self) -> str:
        return self.tabs[0].url_name

    @property
    def namespace(self) -> str:
        return self.home_url_name.split(":")[0]

    def forbidden(self, request) -> TemplateResponse:
        """403 with the admin's furniture: the desk is not this user's."""
        context = {"page_title": self.label, "desk": self}
        return TemplateResponse(request, FORBIDDEN_TEMPLATE, context, status=403)

    def refusal(self, request, *, post_only: bool = False):
        """The answer for a request the desk turns away (None when it may go on)."""
        if not request.user.has_perm(self.permission):
            return self.forbidden(request)
        if post_only and request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return None

    def admin_urls(self, prefix: str, urlpatterns: list) -> list:
        """The desk's pages under ``/admin/<prefix>``, named in the desk's namespace."""
        return [path(prefix, include((urlpatterns, self.namespace), namespace=self.namespace))]

    def menu_item(
        self, *, name: str, order: int, gated: bool = True, extra_items=()
    ) -> PermissionSubmenuMenuItem:
        """The desk's submenu: one entry per tab (and any ``extra_items``).

        ``gated``: the submenu needs the desk's permission; otherwise it shows whenever
        one of its entries does.
        """
        items = [
            PermissionMenuItem(
                tab.label,
                reverse(tab.url_name),
                name=tab.name,
                icon_name=tab.icon,
                order=100 * position,
                check=self.permission,
            )
            for position, tab in enumerate(self.tabs, start=1)
        ]
        return PermissionSubmenuMenuItem(
            self.label,
            Menu(items=[*items, *extra_items]),
            name=name,
            icon_name=self.menu_icon,
            order=order,
            check=self.permission if gated else None,
        )


class DeskPanel(Component):
    """A dashboard panel: how many orders wait at each of a desk's lists."""

    def __init__(self, *, name: str, order: int, template_name: str, counts: Callable):
        self.name, self.order, self.template_name, self.counts = name, order, template_name, counts

    def get_context_data(self, parent_context):
        return {"counts": self.counts()}


class DeskGateMixin:
    """The desk's role gate, checked before anything else (``post_only``: and the method)."""

    desk: Desk
    post_only = False

    def dispatch(self, request, *args, **kwargs):
        refused = self.desk.refusal(request, post_only=self.post_only)
        return refused or super().dispatch(request, *args, **kwargs)


class DeskMixin(DeskGateMixin, StaffPageMixin):
    """A desk page: the gate, the admin chrome with the desk's icon and breadcrumbs, and the
    tab bar (``nav`` names the current tab)."""

    nav = ""

    @property
    def header_icon(self):
        return self.desk.icon

    @property
    def index_url_name(self):
        return self.desk.home_url_name

    @property
    def index_label(self):
        return self.desk.label

    def get_context_data(self, **kwargs):
        return super().get_context_data(nav=self.nav, desk=self.desk, **kwargs)


class DeskPostView(DeskGateMixin, View):
    """An action button's target: POST only, gated like the rest of the desk."""

    post_only = True


def paginate(request, queryset, per_page: int = ORDERS_PER_PAGE):
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))
