"""What a patient is on now: the one answer every page, the wallet card and the reminders use.

``treatment_now`` (one patient) and ``treatments_now`` (many, in a fixed number of queries) both
build a ``Treatment`` through ``treatment_of``, so the chart, the clinician's Today, the patient's
pages, the wallet card and the reminder planner cannot disagree about a patient's state, today's
dose or the next injection.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from naltrack.care.models import DoseEvent, Episode, Injection, Patient, Regimen, TaperPlan
from naltrack.clinical import regimens as clinical_regimens
from naltrack.clinical.discontinuation import Step
from naltrack.clinical.formulary import tablets_for
from naltrack.clinical.vocabulary import DAILY_REGIMENS, ORAL, XR_INJECTION


def episode_current(*, patient: Patient) -> Episode | None:
    """The open episode (a constraint allows one), or None."""
    episode: Episode | None = patient.episodes.exclude(state=Episode.State.STOPPED).first()
    return episode


def dose_calendar(
    *, regimen: Regimen
) -> Callable[[dt.date], clinical_regimens.ScheduledDose | None]:
    """What is due on a day of ``regimen``: its own calendar, or the stored taper plan's step.

    The plan's steps replace the regimen's doses on their days (e.g. 25 mg instead of 50 mg);
    the plan is read once, so the returned function can be asked about many days.
    """
    plan = (
        TaperPlan.objects.filter(episode_id=regimen.episode_id)
        .order_by("-recorded_at", "-id")
        .first()
    )
    return dose_calendar_with(regimen=regimen, plan=plan)


def dose_calendar_with(
    *, regimen: Regimen, plan: TaperPlan | None
) -> Callable[[dt.date], clinical_regimens.ScheduledDose | None]:
    """``dose_calendar`` with the episode's latest taper plan already read (None: no plan)."""
    steps = plan_steps(plan) if plan else []
    last_dose = plan.last_dose if plan else None
    calendar = regimen.as_clinical()

    def due(day: dt.date) -> clinical_regimens.ScheduledDose | None:
        if last_dose is not None and day > last_dose:
            return None
        for step in steps:
            if step.start <= day <= step.end:
                return clinical_regimens.ScheduledDose(
                    date=day,
                    dose_mg=step.dose_mg,
                    formulation=ORAL,
                    tablets=tablets_for(step.dose_mg),
                )
        return clinical_regimens.due_on(calendar, day)

    return due


def dose_due(*, regimen: Regimen, day: dt.date) -> clinical_regimens.ScheduledDose | None:
    return dose_calendar(regimen=regimen)(day)


def regimen_current(patient: Patient, formulation: str) -> Regimen | None:
    """The latest regimen of the open episode, if it is of this formulation."""
    episode = episode_current(patient=patient)
    if episode is None:
        return None
    regimen: Regimen | None = episode.regimens.order_by("-start", "-id").first()
    if regimen is None or regimen.formulation != formulation:
        return None
    return regimen


def episode_latest(*, patient: Patient) -> Episode | None:
    return patient.episodes.order_by("-opened_on", "-id").first()


def current_oral_dose_mg(*, regimen: Regimen, on: dt.date) -> int | None:
    """The daily dose a taper starts from: daily regimens only (others can only stop)."""
    if regimen.kind not in DAILY_REGIMENS:
        return None
    scheduled = clinical_regimens.due_on(regimen.as_clinical(), on) or clinical_regimens.due_on(
        regimen.as_clinical(), on - dt.timedelta(days=1)
    )
    return scheduled.dose_mg if scheduled else None


def episode_state(episode: Episode | None, *, today: dt.date) -> str:
    """The episode's state on ``today``: a taper whose blockade has ended is stopped, whether or
    not the nightly sweep has stored it yet ("" without an episode)."""
    if episode is None:
        return ""
    if (
        episode.state == Episode.State.TAPERING
        and episode.stopped_on is not None
        and episode.stopped_on <= today
    ):
        return Episode.State.STOPPED
    return episode.state


def plan_steps(plan: TaperPlan) -> list[Step]:
    """The stored plan's reduced-dose steps, as the clinical core gave them."""
    return [
        Step(
            start=dt.date.fromisoformat(step["start"]),
            end=dt.date.fromisoformat(step["end"]),
            dose_mg=int(step["dose_mg"]),
            tablets=str(step.get("tablets") or ""),
        )
        for step in plan.plan.get("steps", [])
    ]


# Episodes on naltrexone now: doses and injections are due, the blockade is being kept up.
ON_NALTREXONE = (Episode.State.INDUCTION, Episode.State.MAINTENANCE, Episode.State.TAPERING)
NEXT_DOSE_LOOKAHEAD_DAYS = 7


@dataclass(frozen=True)
class Treatment:
    """A patient's treatment on ``today``, from the latest episode, regimen, plan and injection."""

    today: dt.date
    episode: Episode | None
    regimen: Regimen | None
    taper_plan: TaperPlan | None
    state: str
    due_today: clinical_regimens.ScheduledDose | None
    next_dose: clinical_regimens.ScheduledDose | None
    last_injection: Injection | None
    next_injection: dt.date | None
    dose_today: DoseEvent | None = None

    @property
    def is_injection(self) -> bool:
        return self.regimen is not None and self.regimen.formulation == XR_INJECTION

    @property
    def is_oral(self) -> bool:
        return self.regimen is not None and self.regimen.formulation == ORAL

    @property
    def on_naltrexone(self) -> bool:
        return self.regimen is not None and self.state in ON_NALTREXONE

    @property
    def naltrexone_started(self) -> bool:
        """The latest episode's first dose has been given: the patient's own pages count
        treatment from here, and ask about side effects only after it."""
        return self.started_on is not None

    @property
    def started_on(self) -> dt.date | None:
        started = self.episode.started_on if self.episode is not None else None
        return started if started is not None and started <= self.today else None

    @property
    def stopped(self) -> bool:
        return self.state == Episode.State.STOPPED

    @property
    def stopped_on(self) -> dt.date | None:
        """When the blockade of a stopped episode ended (or ends): the stop that matters."""
        return self.episode.stopped_on if self.episode is not None and self.stopped else None

    @property
    def taken_today(self) -> bool:
        return self.dose_today is not None and self.dose_today.status == DoseEvent.Status.TAKEN

    @property
    def injection_due_today(self) -> bool:
        return self.next_injection is not None and self.next_injection <= self.today

    @property
    def injection_overdue(self) -> bool:
        return self.next_injection is not None and self.next_injection < self.today

    @property
    def days_to_injection(self) -> int | None:
        return (self.next_injection - self.today).days if self.next_injection else None

    @property
    def stopping_soon(self) -> bool:
        """A stop or step-down is planned and its last dose is still to come."""
        return self.taper_plan is not None and self.taper_plan.last_dose >= self.today


def treatment_of(
    *,
    today: dt.date,
    episode: Episode | None,
    regimen: Regimen | None,
    plan: TaperPlan | None,
    last_injection: Injection | None,
    dose_today: DoseEvent | None = None,
) -> Treatment:
    """The one rule for what a patient is on, from rows already read.

    - The state is the episode's, except that a taper whose blockade has ended is stopped (the
      nightly sweep stores that; pages must not wait for it, nor write it on a GET).
    - Oral doses come from the regimen's calendar with the plan's steps and last dose: nothing is
      due after the last dose, so "stopped" never sits beside "today 50 mg".
    - The next injection is the last injection's due date (28 days on), or the regimen's start
      when none has been given, and only while the episode is on naltrexone.
    """
    state = episode_state(episode, today=today)
    if regimen is not None and (episode is None or regimen.episode_id != episode.pk):
        regimen = None
    if plan is not None and (episode is None or plan.episode_id != episode.pk):
        plan = None
    on = regimen is not None and state in ON_NALTREXONE
    due_today = next_dose = None
    next_injection = None
    if on and regimen is not None and regimen.formulation == ORAL:
        due = dose_calendar_with(regimen=regimen, plan=plan)
        due_today = due(today)
        for ahead in range(1, NEXT_DOSE_LOOKAHEAD_DAYS + 1):
            next_dose = due(today + dt.timedelta(days=ahead))
            if next_dose is not None:
                break
    if regimen is not None and regimen.formulation == XR_INJECTION:
        if last_injection is not None and last_injection.given_on < regimen.start:
            last_injection = None  # an injection of an earlier course
        if on and state != Episode.State.TAPERING:
            next_injection = last_injection.next_due if last_injection else regimen.start
    else:
        last_injection = None
    return Treatment(
        today=today,
        episode=episode,
        regimen=regimen,
        taper_plan=plan,
        state=state,
        due_today=due_today,
        next_dose=next_dose,
        last_injection=last_injection,
        next_injection=next_injection,
        dose_today=dose_today if due_today is not None else None,
    )


def treatment_now(*, patient: Patient, today: dt.date) -> Treatment:
    """What ``patient`` is on today (a handful of queries)."""
    episode = episode_latest(patient=patient)
    regimen = episode.regimens.order_by("-start", "-id").first() if episode is not None else None
    plan = (
        TaperPlan.objects.filter(episode=episode).order_by("-recorded_at", "-id").first()
        if episode is not None
        else None
    )
    last_injection = (
        Injection.objects.filter(patient=patient).order_by("-given_on", "-id").first()
        if regimen is not None and regimen.formulation == XR_INJECTION
        else None
    )
    dose_today = (
        DoseEvent.objects.filter(regimen=regimen, day=today).first()
        if regimen is not None and regimen.formulation == ORAL
        else None
    )
    return treatment_of(
        today=today,
        episode=episode,
        regimen=regimen,
        plan=plan,
        last_injection=last_injection,
        dose_today=dose_today,
    )


def latest_by(rows: Iterable[Any], key: str) -> dict[int, Any]:
    """The first row per ``key`` of rows ordered newest first within each key."""
    latest: dict[int, Any] = {}
    for row in rows:
        latest.setdefault(getattr(row, key), row)
    return latest


def treatments_now(*, patients: Sequence[Patient], today: dt.date) -> dict[int, Treatment]:
    """``treatment_now`` for many patients in the same five queries whatever their number."""
    ids = [patient.pk for patient in patients]
    episodes = latest_by(
        Episode.objects.filter(patient_id__in=ids).order_by("patient_id", "-opened_on", "-id"),
        "patient_id",
    )
    regimens = latest_by(
        Regimen.objects.filter(episode__in=list(episodes.values())).order_by(
            "episode_id", "-start", "-id"
        ),
        "episode_id",
    )
    plans = latest_by(
        TaperPlan.objects.filter(episode__in=list(episodes.values())).order_by(
            "episode_id", "-recorded_at", "-id"
        ),
        "episode_id",
    )
    injections = latest_by(
        Injection.objects.filter(patient_id__in=ids).order_by("patient_id", "-given_on", "-id"),
        "patient_id",
    )
    doses = latest_by(
        DoseEvent.objects.filter(patient_id__in=ids, day=today).order_by("patient_id", "-id"),
        "patient_id",
    )
    treatments = {}
    for pk in ids:
        episode = episodes.get(pk)
        regimen = regimens.get(episode.pk) if episode is not None else None
        dose = doses.get(pk)
        treatments[pk] = treatment_of(
            today=today,
            episode=episode,
            regimen=regimen,
            plan=plans.get(episode.pk) if episode is not None else None,
            last_injection=injections.get(pk),
            dose_today=dose
            if dose is not None and regimen is not None and dose.regimen_id == regimen.pk
            else None,
        )
    return treatments
