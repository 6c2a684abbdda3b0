"""The Reports menu's pages: one view draws any report of ``analytics.reports.REPORTS``
(date range, comparison, charts with their tables) and exports it as CSV.

Each report needs its own right (analytics/migrations/0003: Analysts and Managers read all,
Finance the money reports); the view checks it, the menu only hides what cannot be opened.
"""

import csv
import io

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .reports import REPORTS, ReportSpec
from .reports.periods import PRESETS, period_from
from .rollups import last_run

CSV_BOM = "\ufeff"  # Excel reads the file as UTF-8 (Chinese intact) only with it


def _spec(slug: str) -> ReportSpec:
    try:
        return REPORTS[slug]
    except KeyError:
        raise Http404 from None


def _options(spec: ReportSpec, query) -> dict:
    chosen = {}
    for name, allowed in (spec.options or {}).items():
        value = query.get(name, "")
        chosen[name] = value if value in allowed else allowed[0]
    return chosen


class ReportView(WagtailAdminTemplateMixin, TemplateView):
    """One report over the chosen period, compared with the period before it."""

    template_name = "analytics/admin/report.html"
    header_icon = "table"

    def dispatch(self, request, *args, slug: str, **kwargs):
        self.spec = _spec(slug)
        if not request.user.has_perm(self.spec.permission):
            raise PermissionDenied
        self.choice = period_from(request.GET)
        self.chosen = _options(self.spec, request.GET)
        self.report = self.spec.build(self.choice.period, **self.chosen)
        if request.GET.get("format") == "csv":
            return self.csv_response()
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.spec.title

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query["format"] = "csv"
        period = self.choice.period
        return super().get_context_data(
            spec=self.spec,
            report=self.report,
            choice=self.choice,
            period=period,
            previous=period.previous(),
            presets=PRESETS.items(),
            options=self.chosen,
            option_choices=self.spec.options or {},
            csv_query=query.urlencode(),
            last_run=last_run(),
            **kwargs,
        )

    def csv_response(self) -> HttpResponse:
        period, previous = self.choice.period, self.choice.period.previous()
        buffer = io.StringIO()
        buffer.write(CSV_BOM)
        writer = csv.writer(buffer)
        writer.writerow([str(self.spec.title), f"{period.first}", f"{period.last}"])
        writer.writerow([_("Figure"), _("This period"), _("Previous period"), _("Change (%)")])
        writer.writerow(
            ["", f"{period.first} – {period.last}", f"{previous.first} – {previous.last}"]
        )
        for item in self.report.figures:
            change = "" if item.change is None else item.change
            writer.writerow([str(item.label), item.value, item.previous, change])
        for table in self.report.tables:
            writer.writerow([])
            writer.writerow([str(table.caption)])
            writer.writerow([str(column) for column in table.columns])
            writer.writerows(
                [["" if value is None else value for value in row] for row in table.rows]
            )
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
        name = f"{self.spec.slug}-{period.first}-{period.last}.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


def admin_urls() -> list:
    return [path("shop-reports/<slug:slug>/", ReportView.as_view(), name="analytics_report")]


class ReportMenuItem(MenuItem):
    """A report in the Reports menu, shown to those who hold its right."""

    def __init__(self, spec: ReportSpec, order: int):
        super().__init__(
            spec.title,
            reverse("analytics_report", kwargs={"slug": spec.slug}),
            name=f"report-{spec.slug}",
            icon_name=spec.icon,
            order=order,
        )
        self.permission = spec.permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)
