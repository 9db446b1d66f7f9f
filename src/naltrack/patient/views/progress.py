"""The patient's progress over the last 30 days: days clear, the run, cravings, doses taken."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.safestring import SafeString

from naltrack.accounts.access import patient_required
from naltrack.care import selectors
from naltrack.care.models import (
    CheckIn,
    DoseEvent,
)
from naltrack.patient.pages import page
from naltrack.web import charts

PROGRESS_DAYS = 30


# --- progress ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    days: int
    check_in_days: int
    clear_days: int
    run: int
    this_week: float | None
    last_week: float | None
    doses_scheduled: int
    doses_taken: int

    @property
    def slip_days(self) -> int:
        return self.check_in_days - self.clear_days

    @property
    def craving_trend(self) -> str:
        if self.this_week is None or self.last_week is None:
            return ""
        if self.this_week < self.last_week - 0.5:
            return "down"
        if self.this_week > self.last_week + 0.5:
            return "up"
        return "same"


def _clear(check_in: CheckIn) -> bool:
    return not check_in.drinks and not check_in.opioid_use


def _mean(values: list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def _window_start(treatment: selectors.Treatment) -> dt.date:
    """The last 30 days, counted from the first dose once treatment started within them: days
    before it (waiting after enrollment, screening) are not treatment days."""
    start = treatment.today - dt.timedelta(days=PROGRESS_DAYS - 1)
    return max(start, treatment.started_on) if treatment.started_on else start


def _progress(
    treatment: selectors.Treatment, check_ins: list[CheckIn], dose_events: list[DoseEvent]
) -> Progress:
    today = treatment.today
    start = _window_start(treatment)
    by_day = {c.day: c for c in check_ins}
    # The run: days in a row, ending today (or yesterday, before today's check-in), each with a
    # check-in and no drinking or opioid use. Days without a check-in end the run: we don't know.
    run = 0
    day = today if today in by_day else today - dt.timedelta(days=1)
    while day >= start and day in by_day and _clear(by_day[day]):
        run += 1
        day -= dt.timedelta(days=1)
    week_ago = today - dt.timedelta(days=7)
    two_weeks_ago = today - dt.timedelta(days=14)
    scheduled = 0
    regimen = treatment.regimen
    if regimen is not None and treatment.is_oral:
        due = selectors.dose_calendar(regimen=regimen)
        recorded = {event.day for event in dose_events}
        for n in range((today - start).days + 1):
            day = start + dt.timedelta(days=n)
            # Today counts once it is recorded: the day is not over yet.
            if due(day) is not None and (day < today or day in recorded):
                scheduled += 1
    return Progress(
        days=(today - start).days + 1,
        check_in_days=len(by_day),
        clear_days=sum(1 for c in by_day.values() if _clear(c)),
        run=run,
        this_week=_mean([c.craving for c in check_ins if c.day > week_ago]),
        last_week=_mean([c.craving for c in check_ins if two_weeks_ago < c.day <= week_ago]),
        doses_scheduled=scheduled,
        doses_taken=sum(
            1
            for event in dose_events
            if regimen is not None
            and event.regimen_id == regimen.pk
            and event.status == DoseEvent.Status.TAKEN
        ),
    )


def _progress_charts(
    treatment: selectors.Treatment,
    check_ins: list[CheckIn],
    dose_events: list[DoseEvent],
    high: int,
) -> list[SafeString]:
    """The patient's charts, in the order the page shows them (only those with data)."""
    end = treatment.today
    start = end - dt.timedelta(days=PROGRESS_DAYS - 1)
    figures: list[SafeString] = []
    if check_ins:
        figures.append(
            charts.line_chart(
                title="My cravings",
                summary=f"0 is none, 10 the strongest; latest {check_ins[-1].craving} of 10",
                series=[
                    charts.Series(
                        "Craving (0-10)", [(c.day, c.craving) for c in check_ins], "s-craving"
                    )
                ],
                start=start,
                end=end,
                y_max=10,
                y_ticks=(0, 5, 10),
                guides=[charts.Guide(high, "high")],
            )
        )
        clear = [(c.day, 1.0) for c in check_ins if _clear(c)]
        slips = [(c.day, 1.0) for c in check_ins if not _clear(c)]
        figures.append(
            charts.line_chart(
                title="Days without drinking or opioid use",
                summary=f"{len(clear)} of {len(check_ins)} days you checked in",
                series=[
                    charts.Series("No drinking or opioid use", clear, "s-clear"),
                    charts.Series("Some drinking or use", slips, "s-slip"),
                ],
                start=start,
                end=end,
                y_max=1,
                y_ticks=(),
                bars=True,
            )
        )
    if dose_events:
        weeks: dict[dt.date, list[int]] = {}
        for event in dose_events:
            # Weeks from Monday; the first, partial one is drawn at the chart's first day.
            week = max(event.day - dt.timedelta(days=event.day.weekday()), start)
            weeks.setdefault(week, []).append(1 if event.status == DoseEvent.Status.TAKEN else 0)
        points = [(week, 100.0 * sum(v) / len(v)) for week, v in sorted(weeks.items())]
        figures.append(
            charts.line_chart(
                title="Doses taken",
                summary=f"{points[-1][1]:.0f}% of the doses recorded this week",
                series=[charts.Series("Doses taken each week (%)", points, "s-adherence")],
                start=start,
                end=end,
                y_max=100,
                y_ticks=(0, 50, 100),
            )
        )
    return figures


@patient_required
def progress(request: HttpRequest) -> HttpResponse:
    patient = selectors.patient_own(user=request.user)
    today = timezone.localdate()
    treatment = selectors.treatment_now(patient=patient, today=today)
    start = _window_start(treatment)
    check_ins = list(
        CheckIn.objects.filter(patient=patient, day__range=(start, today)).order_by("day")
    )
    dose_events = list(
        DoseEvent.objects.filter(patient=patient, day__range=(start, today)).order_by("day")
    )
    high = selectors.clinic_thresholds(patient.clinic).craving_high
    return page(
        request,
        "patient/progress.html",
        patient=patient,
        treatment=treatment,
        progress=_progress(treatment, check_ins, dose_events),
        figures=_progress_charts(treatment, check_ins, dose_events, high),
    )
