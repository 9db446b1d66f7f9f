"""What to remind a patient of, and when: planned from the record, never re-derived.

``reminder_data_many`` loads what the planner needs through the care selectors and the clinical core
(today's dose from ``dose_calendar``, so a taper's step dose; the next injection from the last
injection's ``next_due``; the liver tests from ``clinical.liver.liver_tests_due``; the stop
plan's booked follow-ups). ``reminders_due`` is pure: given that data and ``now`` it answers
which reminders fall due in the window ending at ``now``. Times are wall-clock times in the
patient's zone (their own, else the clinic's), turned into aware datetimes with zoneinfo, so a
09:00 reminder stays at 09:00 across a daylight-saving change.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Final
from zoneinfo import ZoneInfo

from django.db.models import Max
from django.utils import timezone

from naltrack.care import selectors as care_selectors
from naltrack.care.models import (
    CheckIn,
    Episode,
    FollowUp,
    LabResult,
    Patient,
    TherapySession,
)
from naltrack.clinical import regimens as clinical_regimens
from naltrack.clinical.liver import LIVER_ENZYMES, liver_tests_due
from naltrack.clinical.vocabulary import ORAL
from naltrack.reminders.defaults import (
    clinic_defaults_by_id,
    preference_of,
    quiet_hours_for,
    reminder_time_for,
    zone_for,
)
from naltrack.reminders.models import Notification

Kind = Notification.Kind

# source: NALTRACK — injection reminders 7 days and 1 day before the due date, and on it.
INJECTION_AHEAD_DAYS: Final = {Kind.INJECTION_7D: 7, Kind.INJECTION_1D: 1, Kind.INJECTION_DAY: 0}
# source: VIVITROL §2, TIP63 (the blockade wanes, tolerance is lower, overdose risk) with NALTRACK
# for the days — a missed injection is reminded 1, 3 and 7 days after it was due, not once.
INJECTION_OVERDUE_DAYS: Final = (1, 3, 7)
# source: NALTRACK — therapy sessions: the day before (at the reminder time) and 2 hours before.
SESSION_AHEAD: Final = dt.timedelta(hours=2)
# source: NALTRACK — two whole days without a check-in: a nudge the next morning.
CHECK_IN_NUDGE_DAYS: Final = 2
# A reminder is still sent this long after its planned moment (a scheduler that was down for a
# while catches up); older ones are not sent late.
CATCH_UP: Final = dt.timedelta(hours=6)


@dataclass(frozen=True)
class PlannedReminder:
    kind: str
    due_at: dt.datetime
    essential: bool
    # What the message says when the patient opted in to details (e.g. "today: 25 mg").
    detail: str = ""


@dataclass(frozen=True)
class ReminderData:
    """One patient's record as the planner needs it (loaded by ``reminder_data``)."""

    zone: ZoneInfo
    reminder_time: dt.time
    # The patient's quiet hours, else the clinic's (None: none).
    quiet_hours: tuple[dt.time, dt.time] | None = None
    # The open episode's dose on a day (None: no dose, or no open oral regimen).
    dose_on: Callable[[dt.date], clinical_regimens.ScheduledDose | None] | None = None
    next_injection: dt.date | None = None
    liver_tests_due: dt.date | None = None
    sessions: tuple[dt.datetime, ...] = ()
    last_check_in: dt.date | None = None
    follow_ups: tuple[dt.date, ...] = field(default_factory=tuple)


def reminder_data_many(
    *, patients: Sequence[Patient], since: dt.datetime, until: dt.datetime
) -> dict[int, ReminderData]:
    """Read what the planner needs for many patients at once: the same queries for any number.

    ``since``/``until`` bound the therapy sessions read (a session's reminders fall at most a
    day before it). What each patient is on comes from the record's one answer
    (``selectors.treatments_now``): the dose calendar with the stored taper plan, the next
    injection; then the liver-test schedule.
    """
    ids = [patient.pk for patient in patients]
    today = timezone.localdate(since)
    treatments = care_selectors.treatments_now(patients=patients, today=today)
    # Patients on a course of treatment (not stopped): only they get dose, injection and lab
    # reminders; what they are on is the record's one answer (``selectors.treatment_of``).
    episodes = {
        pk: treatment.episode
        for pk, treatment in treatments.items()
        if treatment.episode is not None and not treatment.stopped
    }
    last_liver_test = dict(
        LabResult.objects.filter(patient_id__in=episodes, test__in=LIVER_ENZYMES)
        .values("patient_id")
        .annotate(last=Max("collected_on"))
        .values_list("patient_id", "last")
    )
    last_check_in = dict(
        CheckIn.objects.filter(patient_id__in=episodes)
        .values("patient_id")
        .annotate(last=Max("day"))
        .values_list("patient_id", "last")
    )
    sessions: defaultdict[int, list[dt.datetime]] = defaultdict(list)
    for patient_id, at in TherapySession.objects.filter(
        patient_id__in=episodes,
        status=TherapySession.Status.SCHEDULED,
        scheduled_at__gte=since,
        scheduled_at__lt=until,
    ).values_list("patient_id", "scheduled_at"):
        sessions[patient_id].append(at)
    follow_ups: defaultdict[int, list[dt.date]] = defaultdict(list)
    for patient_id, due_on in FollowUp.objects.filter(
        patient_id__in=ids, done_on__isnull=True
    ).values_list("patient_id", "due_on"):
        follow_ups[patient_id].append(due_on)

    defaults = clinic_defaults_by_id(patient.clinic_id for patient in patients)

    data: dict[int, ReminderData] = {}
    for patient in patients:
        preference = preference_of(patient)
        defaults_here = defaults[patient.clinic_id]
        # Stopped (or never started): no dose, injection, lab or nudge, but the stop plan's
        # follow-ups still reach them.
        base = ReminderData(
            zone=zone_for(patient=patient, preference=preference),
            reminder_time=reminder_time_for(
                patient=patient, preference=preference, defaults=defaults_here
            ),
            quiet_hours=quiet_hours_for(preference=preference, defaults=defaults_here),
            follow_ups=tuple(follow_ups[patient.pk]),
        )
        episode = episodes.get(patient.pk)
        if episode is None:
            data[patient.pk] = base
            continue
        treatment = treatments[patient.pk]
        dose_on = next_injection = liver_due = None
        if treatment.is_oral and treatment.regimen is not None:
            dose_on = care_selectors.dose_calendar_with(
                regimen=treatment.regimen, plan=treatment.taper_plan
            )
        next_injection = treatment.next_injection
        if episode.started_on is not None and treatment.state != Episode.State.SCREENING:
            liver_due = liver_tests_due(
                started_on=episode.started_on, last_test=last_liver_test.get(patient.pk)
            )
        data[patient.pk] = dataclasses.replace(
            base,
            dose_on=dose_on,
            next_injection=next_injection,
            liver_tests_due=liver_due,
            sessions=tuple(sessions[patient.pk]),
            # A new episode counts as a check-in: no nudge about days before treatment began.
            last_check_in=max(filter(None, (last_check_in.get(patient.pk), episode.opened_on))),
        )
    return data


def at_local(day: dt.date, time: dt.time, zone: ZoneInfo) -> dt.datetime:
    """``time`` on ``day`` on the patient's wall clock, as an aware UTC datetime.

    A time that does not exist (skipped by the spring change) comes out an hour later; a time
    that happens twice (autumn) is the first of the two (zoneinfo's fold=0).
    """
    return dt.datetime.combine(day, time, tzinfo=zone).astimezone(dt.UTC)


def plan_for_days(data: ReminderData, days: list[dt.date]) -> list[PlannedReminder]:
    """Every reminder planned on these local days (pure)."""
    planned: list[PlannedReminder] = []
    daily = data.reminder_time
    for day in days:
        at = at_local(day, daily, data.zone)
        if data.dose_on is not None:
            dose = data.dose_on(day)
            if dose is not None and dose.formulation == ORAL:
                planned.append(PlannedReminder(Kind.DOSE, at, False, f"today: {dose.dose_mg} mg"))
        if data.next_injection is not None:
            for kind, ahead in INJECTION_AHEAD_DAYS.items():
                if day == data.next_injection - dt.timedelta(days=ahead):
                    planned.append(PlannedReminder(kind, at, False, f"{data.next_injection}"))
            if (day - data.next_injection).days in INJECTION_OVERDUE_DAYS:
                planned.append(
                    PlannedReminder(Kind.INJECTION_OVERDUE, at, True, f"{data.next_injection}")
                )
        if data.liver_tests_due == day:
            planned.append(PlannedReminder(Kind.LIVER_TESTS, at, False))
        if data.last_check_in is not None and day == data.last_check_in + dt.timedelta(
            days=CHECK_IN_NUDGE_DAYS + 1
        ):
            planned.append(PlannedReminder(Kind.CHECK_IN_NUDGE, at, False))
        if day in data.follow_ups:
            planned.append(PlannedReminder(Kind.FOLLOW_UP, at, True))
        for session in data.sessions:
            local = session.astimezone(data.zone)
            if local.date() == day + dt.timedelta(days=1):
                planned.append(
                    PlannedReminder(Kind.SESSION_DAY_BEFORE, at, False, f"{local:%H:%M}")
                )
            two_hours = (session - SESSION_AHEAD).astimezone(dt.UTC)
            if two_hours.astimezone(data.zone).date() == day:
                planned.append(PlannedReminder(Kind.SESSION_2H, two_hours, False, f"{local:%H:%M}"))
    return planned


def reminders_due(
    *, patient_data: ReminderData, now: dt.datetime, window: dt.timedelta = CATCH_UP
) -> list[PlannedReminder]:
    """The reminders whose planned moment falls in (now - window, now]."""
    start = now - window
    first = start.astimezone(patient_data.zone).date()
    last = now.astimezone(patient_data.zone).date()
    days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    return sorted(
        (r for r in plan_for_days(patient_data, days) if start < r.due_at <= now),
        key=lambda r: (r.due_at, r.kind),
    )
