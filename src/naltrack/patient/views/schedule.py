"""The patient's schedule: the next two weeks of doses, the next injections, the stop plan."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from naltrack.accounts.access import patient_required
from naltrack.care import selectors
from naltrack.care.models import (
    DoseEvent,
)
from naltrack.clinical import regimens as clinical_regimens
from naltrack.patient.pages import page

SCHEDULE_DAYS = 14


@dataclass(frozen=True)
class Day:
    day: dt.date
    dose: clinical_regimens.ScheduledDose | None
    event: DoseEvent | None
    after_last_dose: bool


def _oral_days(treatment: selectors.Treatment) -> list[Day]:
    regimen = treatment.regimen
    if regimen is None or not treatment.is_oral:
        return []
    due = selectors.dose_calendar(regimen=regimen)
    end = treatment.today + dt.timedelta(days=SCHEDULE_DAYS - 1)
    events = {
        event.day: event
        for event in DoseEvent.objects.filter(regimen=regimen, day__range=(treatment.today, end))
    }
    plan = treatment.taper_plan
    last = plan.last_dose if plan else regimen.end
    if last is not None and last < treatment.today:
        return []
    days = []
    for n in range(SCHEDULE_DAYS):
        day = treatment.today + dt.timedelta(days=n)
        after_last = last is not None and day > last
        days.append(Day(day, due(day), events.get(day), after_last))
        if after_last:
            break  # one row says "no more naltrexone"; the plan below says the rest
    return days


@patient_required
def schedule(request: HttpRequest) -> HttpResponse:
    patient = selectors.patient_own(user=request.user)
    today = timezone.localdate()
    treatment = selectors.treatment_now(patient=patient, today=today)
    plan = treatment.taper_plan
    days = _oral_days(treatment)
    next_injections: list[dt.date] = []
    if treatment.next_injection:
        next_injections = [
            treatment.next_injection,
            clinical_regimens.next_injection_due(treatment.next_injection),
        ]
    return page(
        request,
        "patient/schedule.html",
        patient=patient,
        treatment=treatment,
        days=days,
        half_tablets=any(row.dose and row.dose.dose_mg % 50 for row in days),
        next_injections=next_injections,
        plan=plan,
        steps=selectors.plan_steps(plan) if plan else [],
        follow_ups=list(treatment.episode.follow_ups.order_by("due_on"))
        if plan and treatment.episode
        else [],
        today=today,
    )
