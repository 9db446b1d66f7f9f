"""The Reports page: the program's outcomes for the clinic's staff, filtered and compared, with
the table behind each chart and the same table as a CSV."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from naltrack.accounts.access import current_clinic, staff_required
from naltrack.reports.charts import retention_chart
from naltrack.reports.cohorts import Filters
from naltrack.reports.files import report_csv
from naltrack.reports.forms import ReportForm
from naltrack.reports.outcomes import outcome_report, report_rows


@staff_required
@require_GET
def outcomes(request: HttpRequest) -> HttpResponse:
    clinic = current_clinic(request)
    form = ReportForm(request.GET or None, clinic=clinic)
    if form.is_bound and not form.is_valid():
        return render(request, "reports/outcomes.html", {"form": form}, status=400)
    filters = form.filters() if form.is_bound else Filters()
    split = form.compared_by() if form.is_bound else None
    wants_csv = request.GET.get("download") == "csv"
    report = outcome_report(
        clinic=clinic,
        filters=filters,
        today=timezone.localdate(),
        by=request.user,
        form="csv" if wants_csv else "page",
        split=split,
    )
    if wants_csv:
        response = HttpResponse(report_csv(report), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="program-outcomes.csv"'
        response["Cache-Control"] = "no-store"
        return response
    cohorts = [("All patients", report.measures), *report.groups]
    # A group nobody in it started (say, "Not started") has no curve to draw.
    curves = [
        (label, m.retention.curve) for label, m in (report.groups or cohorts) if m.retention.curve.n
    ]
    summary = "; ".join(
        f"{label}: {_percent(m.retention.at[90])} in treatment at 90 days (n={m.retention.curve.n})"
        for label, m in (report.groups or cohorts)
        if m.retention.curve.n
    )
    return render(
        request,
        "reports/outcomes.html",
        {
            "form": form,
            "report": report,
            "tables": [(label, report_rows(m)) for label, m in cohorts],
            "curves": curves,
            "chart": retention_chart(curves, summary=summary),
            "query": request.GET.urlencode(),
        },
    )


def _percent(point: tuple[float, float, float] | None) -> str:
    return "no estimate" if point is None else f"{point[0]:.0%}"
