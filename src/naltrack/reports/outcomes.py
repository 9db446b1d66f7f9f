"""The program outcome report: the clinic's episodes, filtered, measured — one code path for the
Reports pages, their files and ``naltrack report outcomes``.

Every figure comes from ``clinical.outcomes.program``; this module chooses the episodes, counts
the enrollment forms, lays the figures out as rows (measure, n, value, interval) and audits who
asked for them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from naltrack.accounts.models import Clinic
from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_record
from naltrack.clinical.outcomes.estimates import Mean, Share
from naltrack.clinical.outcomes.program import RETENTION_DAYS, ProgramMeasures, program_measures
from naltrack.enrollment.models import Enrollment
from naltrack.reports.cohorts import Filters, split_cohort
from naltrack.reports.facts import ReportEpisode, select
from naltrack.reports.figures import report_episodes


@dataclass(frozen=True)
class OutcomeReport:
    clinic: Clinic
    filters: Filters
    today: dt.date
    measures: ProgramMeasures  # the whole cohort
    groups: tuple[tuple[str, ProgramMeasures], ...] = ()  # side by side, when split
    episodes: tuple[ReportEpisode, ...] = ()  # the cohort, for the patient-level file


@dataclass(frozen=True)
class Row:
    """One line of the report's table: a figure, its n and its 95% interval where one applies."""

    section: str
    measure: str
    n: int
    value: float | None
    lower: float | None = None
    upper: float | None = None
    unit: str = "share"  # "share" (0-1), "days", "per 30 days", "points", "count"


def _enrollments(clinic: Clinic, filters: Filters) -> tuple[int, int]:
    forms = Enrollment.objects.filter(clinic=clinic)
    if filters.started_from:
        forms = forms.filter(submitted_at__date__gte=filters.started_from)
    if filters.started_to:
        forms = forms.filter(submitted_at__date__lte=filters.started_to)
    return forms.count(), forms.filter(status=Enrollment.Status.ACCEPTED).count()


def outcome_report(
    *,
    clinic: Clinic,
    filters: Filters,
    today: dt.date,
    by: Any,
    form: str,
    split: str | None = None,
) -> OutcomeReport:
    """The report of ``clinic``'s episodes that ``filters`` take, as of ``today``, and of each
    group when ``split`` names one of ``SPLITS``; audited as a read of the clinic's records by
    ``by`` (``form``: the page, a CSV, the PDF, the command)."""
    chosen = select(report_episodes(clinic, today=today), filters)
    enrollments, accepted = _enrollments(clinic, filters)
    measures = program_measures(
        [item.figures for item in chosen], enrollments=enrollments, accepted=accepted
    )
    groups = (
        tuple(
            (label, program_measures([item.figures for item in members]))
            for label, members in split_cohort(chosen, split, clinic)
        )
        if split
        else ()
    )
    audit_record(
        request=None,
        actor=by,
        action=AuditEvent.Action.EXPORT if form != "page" else AuditEvent.Action.READ,
        object_type="outcome_report",
        clinic_id=clinic.pk,
        detail={"form": form, "filters": _filters_json(filters), "episodes": len(chosen)},
    )
    return OutcomeReport(clinic, filters, today, measures, groups, tuple(chosen))


def _filters_json(filters: Filters) -> dict[str, Any]:
    return {
        key: value.isoformat() if isinstance(value, dt.date) else value
        for key, value in dataclasses.asdict(filters).items()
        if value is not None
    }


def _share(section: str, measure: str, share: Share) -> Row:
    return Row(section, measure, share.n, share.value, share.lower, share.upper)


def _mean(section: str, measure: str, mean: Mean, unit: str) -> Row:
    return Row(section, measure, mean.n, mean.value, mean.lower, mean.upper, unit)


def report_rows(measures: ProgramMeasures) -> list[Row]:
    """Every figure of the report, in the order the pages and files show them."""
    r, i, a, u, s, f = (
        measures.retention,
        measures.induction,
        measures.adherence,
        measures.use,
        measures.after_stopping,
        measures.funnel,
    )
    rows = []
    for day in RETENTION_DAYS:
        point = r.at[day]
        rows.append(
            Row(
                "Retention",
                f"In treatment at {day} days (Kaplan-Meier)",
                r.curve.n,
                *(point if point else (None, None, None)),
            )
        )
    rows += [
        Row("Retention", "Median days in treatment", r.curve.n, r.median_days, unit="days"),
        _share("Retention", "180 days of continuous medication (NQF 3175)", r.continuity),
        _share("Induction", "Started, of those with a start check", i.started),
        _share("Induction", "Second dose or injection, of those started", i.second_dose),
        _mean("Adherence", "Proportion of days covered (mean)", a.mean_pdc, "share"),
        _share("Adherence", "Days covered 80% or more", a.adherent),
        _share("Adherence", "Injections given within 7 days of due", a.injections_on_time),
        _mean(
            "Alcohol", "Heavy drinking days per 30, first month", u.heavy_first_month, "per 30 days"
        ),
        _mean("Alcohol", "Heavy drinking days per 30, after", u.heavy_later, "per 30 days"),
        _mean("Alcohol", "Change in heavy drinking days per 30", u.heavy_change, "per 30 days"),
        _mean(
            "Alcohol",
            "Days without drinking per 30, first month",
            u.abstinent_first_month,
            "per 30 days",
        ),
        _mean("Alcohol", "Days without drinking per 30, after", u.abstinent_later, "per 30 days"),
        _share("Opioids", "Urine screens negative for opioids", u.screens_negative),
        _mean("Opioids", "Opioid use days per 30 (check-ins)", u.opioid_use_days, "per 30 days"),
        _mean(
            "Craving and mood",
            "Change in craving (0-10), after the first month",
            u.craving_change,
            "points",
        ),
        _mean("Craving and mood", "Change in PHQ-9 from baseline", u.phq9_change, "points"),
        Row("After stopping", "Episodes stopped", s.stopped, s.stopped, unit="count"),
        _share("After stopping", "Follow-up contacts made on time", s.follow_ups_on_time),
        _share("After stopping", "Returned to treatment", s.returned),
        _mean("After stopping", "Days from stop to return", s.days_to_return, "days"),
        _share("After stopping", "Lost to contact", s.lost_to_contact),
        Row("Funnel", "Enrollment forms", f.enrollments, f.enrollments, unit="count"),
        Row("Funnel", "Enrollment forms accepted", f.enrollments, f.accepted, unit="count"),
        Row("Funnel", "Episodes opened (screened)", f.screened, f.screened, unit="count"),
        Row("Funnel", "Started naltrexone", f.screened, f.started, unit="count"),
    ]
    rows += [
        _share("Funnel", f"Still in treatment at {day} days, of those followed that long", share)
        for day, share in f.reached.items()
    ]
    return rows


def report_json(report: OutcomeReport) -> dict[str, Any]:
    """The report as JSON: the period and filters, every row, and the retention curve."""
    curve = report.measures.retention.curve
    return {
        "clinic": report.clinic.slug,
        "as_of": report.today.isoformat(),
        "filters": _filters_json(report.filters),
        "episodes": report.measures.episodes,
        "measures": [dataclasses.asdict(row) for row in report_rows(report.measures)],
        "retention_curve": [dataclasses.asdict(step) for step in curve.steps],
    }
