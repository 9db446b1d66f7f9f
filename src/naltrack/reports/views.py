"""The Reports page: the program's outcomes for the clinic's staff, filtered and compared, with
the table behind each chart; the same table as a CSV, and the program report as a PDF."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import SafeString
from django.views.decorators.http import require_GET

from naltrack.accounts.access import current_clinic, staff_required
from naltrack.clinical.outcomes.survival import Curve
from naltrack.reports.charts import retention_chart
from naltrack.reports.cohorts import Filters
from naltrack.reports.files import episodes_csv, report_csv
from naltrack.reports.forms import ReportForm
from naltrack.reports.outcomes import OutcomeReport, outcome_report, report_rows
from naltrack.reports.report_pdf import report_pdf

DOWNLOADS = {"csv", "episodes", "pdf"}


def _curves(report: OutcomeReport) -> list[tuple[str, Curve]]:
    cohorts = report.groups or (("All patients", report.measures),)
    # A group nobody in it started (say, "Not started") has no curve to draw.
    return [(label, m.retention.curve) for label, m in cohorts if m.retention.curve.n]


def _chart(report: OutcomeReport) -> SafeString:
    cohorts = report.groups or (("All patients", report.measures),)
    summary = "; ".join(
        f"{label}: {_percent(m.retention.at[90])} in treatment at 90 days (n={m.retention.curve.n})"
        for label, m in cohorts
        if m.retention.curve.n
    )
    return retention_chart(_curves(report), summary=summary or "No episode started.")


def _filters_text(form: ReportForm) -> str:
    if not form.is_bound:
        return "all episodes"
    chosen = [
        f"{form[name].label.lower()}: {form[name].value()}"
        for name in ("started_from", "started_to")
        if form.cleaned_data.get(name)
    ]
    for name in ("indication", "formulation", "prescriber", "therapy", "age_band", "split"):
        value = form.cleaned_data.get(name)
        if value:
            labels = dict(form.fields[name].choices)  # type: ignore[attr-defined]
            chosen.append(f"{form[name].label.lower()}: {labels.get(value, value)}")
    return "; ".join(chosen) or "all episodes"


@staff_required
@require_GET
def outcomes(request: HttpRequest) -> HttpResponse:
    clinic = current_clinic(request)
    form = ReportForm(request.GET or None, clinic=clinic)
    if form.is_bound and not form.is_valid():
        return render(request, "reports/outcomes.html", {"form": form}, status=400)
    download = request.GET.get("download")
    report = outcome_report(
        clinic=clinic,
        filters=form.filters() if form.is_bound else Filters(),
        today=timezone.localdate(),
        by=request.user,
        form=download if download in DOWNLOADS else "page",
        split=form.compared_by() if form.is_bound else None,
    )
    if download == "csv":
        return _file(report_csv(report).encode(), "text/csv; charset=utf-8", "csv")
    if download == "episodes":
        return _file(episodes_csv(report).encode(), "text/csv; charset=utf-8", "csv", "episodes")
    if download == "pdf":
        pdf = report_pdf(report, chart=_chart(report), filters_text=_filters_text(form))
        return _file(pdf, "application/pdf", "pdf")
    cohorts = [("All patients", report.measures), *report.groups]
    query = request.GET.copy()
    query.pop("download", None)
    return render(
        request,
        "reports/outcomes.html",
        {
            "form": form,
            "report": report,
            "tables": [(label, report_rows(m)) for label, m in cohorts],
            "curves": _curves(report),
            "chart": _chart(report),
            "query": query.urlencode(),
        },
    )


def _file(
    content: bytes, content_type: str, suffix: str, name: str = "program-outcomes"
) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}.{suffix}"'
    response["Cache-Control"] = "no-store"
    return response


def _percent(point: tuple[float, float, float] | None) -> str:
    return "no estimate" if point is None else f"{point[0]:.0%}"
