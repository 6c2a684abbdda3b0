"""What every order desk view shares: the admin chrome, the role gate and pagination.

Each desk (finance, logistics, customer service) is a ``Desk``: the permission that
opens it, its name, its first page and its templates. A user without the permission
gets the desk's 403 page before the view does anything.
"""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

ORDERS_PER_PAGE = 50


@dataclass(frozen=True)
class Desk:
    permission: str
    label: str
    home_url_name: str
    templates: str
    icon: str

    def forbidden(self, request) -> TemplateResponse:
        """403 with the admin's furniture: the desk is not this user's."""
        return TemplateResponse(
            request, self.templates + "forbidden.html", {"page_title": self.label}, status=403
        )


class DeskMixin(WagtailAdminTemplateMixin):
    """Admin chrome plus the desk's role gate (checked before anything else); ``nav`` marks the
    menu tab."""

    desk: Desk
    nav = ""

    @property
    def header_icon(self):
        return self.desk.icon

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.desk.permission):
            return self.desk.forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        home = {"url": reverse(self.desk.home_url_name), "label": self.desk.label}
        return [*self.breadcrumbs_items, home, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(nav=self.nav, **kwargs)


def paginate(request, queryset, per_page: int = ORDERS_PER_PAGE):
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))
