"""The patient's own pages, at /me/: made for a phone, often on a bad day.

Every view is behind ``patient_required`` (others get 404, anonymous users the sign-in page),
loads the patient through ``selectors.patient_own`` (their own record only, audited), reads
through the selectors and writes through one service (``care.services`` for the record,
``care.craving_services`` for the craving plan and cravings). Pages say things in plain words;
the clinical facts they show come from the stored record and plan, and from CLINICAL.md.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.db.models import Max
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils import timezone
from django.utils.safestring import SafeString
from django.views.decorators.http import require_http_methods, require_POST

from naltrack.accounts.access import current_user, patient_required
from naltrack.accounts.models import Clinic
from naltrack.care import charts, craving_services, patient_forms, selectors, services
from naltrack.care.craving import TOOLKIT, TOOLS, WAIT_MINUTES, Tool
from naltrack.care.models import (
    CheckIn,
    DoseEvent,
    Episode,
    FollowUp,
    Injection,
    LabResult,
    Patient,
    Regimen,
    TaperPlan,
    TherapySession,
)
from naltrack.care.models_craving import CravingEpisode, CravingPlan
from naltrack.clinical import regimens as clinical_regimens
from naltrack.clinical.contract import InputError
from naltrack.clinical.liver import LIVER_ENZYMES, liver_tests_due

REFUSALS = (services.ClinicalRuleError, InputError)
get_and_post = require_http_methods(["GET", "POST"])

SCHEDULE_DAYS = 14
PROGRESS_DAYS = 30
NEXT_DOSE_LOOKAHEAD_DAYS = 7


def _tel(phone: str) -> str:
    """A phone number as a tel:/sms: target: its digits and a leading +."""
    digits = re.sub(r"[^0-9+]", "", phone)
    return digits[:1] + digits[1:].replace("+", "")


def _posted(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


def _page(request: HttpRequest, template: str, *, patient: Patient, **context: Any) -> HttpResponse:
    clinic: Clinic = patient.clinic
    return render(
        request,
        template,
        {
            "patient": patient,
            "clinic": clinic,
            "clinic_tel": _tel(clinic.phone) if clinic.phone else "",
            "craving_high": selectors.clinic_thresholds(clinic).craving_high,
            **context,
        },
    )


# --- what the patient is on -------------------------------------------------------------------


@dataclass(frozen=True)
class Treatment:
    """The patient's treatment as their pages speak of it."""

    today: dt.date
    episode: Episode | None
    regimen: Regimen | None
    due_today: clinical_regimens.ScheduledDose | None
    dose_today: DoseEvent | None
    next_dose: clinical_regimens.ScheduledDose | None
    last_injection: Injection | None
    next_injection: dt.date | None
    taper_plan: TaperPlan | None

    @property
    def state(self) -> str:
        return self.episode.state if self.episode else ""

    @property
    def is_injection(self) -> bool:
        return self.regimen is not None and self.regimen.formulation == "xr_injection"

    @property
    def is_oral(self) -> bool:
        return self.regimen is not None and self.regimen.formulation == "oral"

    @property
    def taken_today(self) -> bool:
        return self.dose_today is not None and self.dose_today.status == DoseEvent.Status.TAKEN

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


def _treatment(patient: Patient, today: dt.date) -> Treatment:
    episode = selectors.episode_latest(patient=patient)
    regimen = episode.regimens.order_by("-start", "-id").first() if episode else None
    due_today = next_dose = None
    dose_today = None
    if regimen is not None and regimen.formulation == "oral":
        # The regimen's own calendar with the stored plan's steps and last dose (dose_calendar):
        # a stop planned for later still has doses until its last dose.
        due = selectors.dose_calendar(regimen=regimen)
        due_today = due(today)
        dose_today = DoseEvent.objects.filter(regimen=regimen, day=today).first()
        for ahead in range(1, NEXT_DOSE_LOOKAHEAD_DAYS + 1):
            next_dose = due(today + dt.timedelta(days=ahead))
            if next_dose is not None:
                break
    last_injection = (
        Injection.objects.filter(patient=patient).order_by("-given_on", "-id").first()
        if regimen is not None and regimen.formulation == "xr_injection"
        else None
    )
    active = episode is not None and episode.state in Episode.ACTIVE_STATES
    plan = (
        TaperPlan.objects.filter(episode=episode).order_by("-recorded_at", "-id").first()
        if episode is not None and episode.state in (Episode.State.TAPERING, Episode.State.STOPPED)
        else None
    )
    return Treatment(
        today=today,
        episode=episode,
        regimen=regimen,
        due_today=due_today,
        dose_today=dose_today,
        next_dose=next_dose,
        last_injection=last_injection,
        next_injection=last_injection.next_due if last_injection and active else None,
        taper_plan=plan,
    )


def _liver_tests_due(patient: Patient, treatment: Treatment) -> dt.date | None:
    """When the clinic's routine liver blood test is next due, while on naltrexone."""
    episode = treatment.episode
    if (
        episode is None
        or episode.started_on is None
        or episode.state not in (Episode.State.INDUCTION, Episode.State.MAINTENANCE)
    ):
        return None
    last = LabResult.objects.filter(
        patient=patient, test__in=LIVER_ENZYMES, collected_on__gte=episode.started_on
    ).aggregate(last=Max("collected_on"))["last"]
    return liver_tests_due(started_on=episode.started_on, last_test=last)


@dataclass(frozen=True)
class Upcoming:
    """What the clinic has asked of the patient next."""

    sessions: list[tuple[dt.datetime, str]] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)
    liver_tests: dt.date | None = None
    injection: dt.date | None = None

    @property
    def nothing(self) -> bool:
        return not (self.sessions or self.follow_ups or self.liver_tests or self.injection)


# What each kind of therapy session is called on the patient's pages: plain words.
SESSION_WORDS = {
    TherapySession.Kind.CBT: "Counseling session",
    TherapySession.Kind.MI: "Counseling session",
    TherapySession.Kind.CM: "Counseling session (rewards program)",
    TherapySession.Kind.COUNSELLING: "Counseling session",
    TherapySession.Kind.GROUP: "Group session",
}


def _upcoming(patient: Patient, treatment: Treatment) -> Upcoming:
    sessions = [
        (session.scheduled_at, SESSION_WORDS.get(session.kind, "Session"))
        for session in TherapySession.objects.filter(
            patient=patient,
            status=TherapySession.Status.SCHEDULED,
            scheduled_at__gte=timezone.now() - dt.timedelta(hours=1),
        ).order_by("scheduled_at")[:3]
    ]
    follow_ups = (
        list(treatment.episode.follow_ups.filter(done_on__isnull=True).order_by("due_on")[:3])
        if treatment.episode
        else []
    )
    return Upcoming(
        sessions=sessions,
        follow_ups=follow_ups,
        liver_tests=_liver_tests_due(patient, treatment),
        injection=treatment.next_injection,
    )


def _people(plan: CravingPlan | None) -> list[dict[str, str]]:
    return [
        {"name": name, "phone": phone, "tel": _tel(phone)}
        for name, phone in (plan.people if plan else [])
    ]


def _plan_of(patient: Patient) -> CravingPlan | None:
    plan: CravingPlan | None = CravingPlan.objects.filter(patient=patient).first()
    return plan


# --- home and the one-tap dose ----------------------------------------------------------------


@patient_required
def patient_home(request: HttpRequest) -> HttpResponse:
    patient = selectors.patient_own(request=request)
    today = timezone.localdate()
    services.episodes_finish_tapers(today=today, patient=patient)
    treatment = _treatment(patient, today)
    return _page(
        request,
        "care/patient/home.html",
        patient=patient,
        treatment=treatment,
        check_in=CheckIn.objects.filter(patient=patient, day=today).first(),
        upcoming=_upcoming(patient, treatment),
        today=today,
    )


@patient_required
@require_POST
def dose_taken(request: HttpRequest) -> HttpResponse:
    """One tap: today's scheduled dose, taken (self-reported); a second tap changes nothing."""
    patient = selectors.patient_own(request=request)
    today = timezone.localdate()
    treatment = _treatment(patient, today)
    if treatment.regimen is None or not treatment.is_oral or treatment.due_today is None:
        messages.info(request, "There is no dose to record today.")
    elif treatment.taken_today:
        messages.info(request, "You already told us you took today’s dose. ✓")
    else:
        try:
            services.dose_record(
                regimen=treatment.regimen,
                day=today,
                status=DoseEvent.Status.TAKEN,
                observed=False,
                by=current_user(request),
            )
        except REFUSALS:
            messages.error(
                request, "We couldn’t record your dose just now. Please tell your clinic."
            )
        else:
            messages.success(request, "Thank you. Today’s dose is recorded. ✓")
    return redirect("care:patient_home")


# --- the daily check-in -----------------------------------------------------------------------


def _needs_support(check_in: CheckIn, craving_high: int) -> bool:
    return check_in.opioid_use or check_in.craving >= craving_high


@patient_required
@get_and_post
def check_in(request: HttpRequest) -> HttpResponse:
    patient = selectors.patient_own(request=request)
    today = timezone.localdate()
    existing = CheckIn.objects.filter(patient=patient, day=today).first()
    initial: dict[str, Any] = {}
    if existing is not None:
        initial = {
            "craving": str(existing.craving),
            "drinks": existing.drinks if existing.drinks is not None else 0,
            "opioid_use": "yes" if existing.opioid_use else "no",
            "side_effects": list(existing.side_effects) or [patient_forms.NO_SIDE_EFFECTS],
            "mood": str(existing.mood) if existing.mood else None,
            "note": existing.note,
        }
    injection = (
        Injection.objects.filter(patient=patient).exists()
        or patient.regimens.filter(formulation="xr_injection").exists()
        or (
            existing is not None
            and patient_forms.INJECTION_SITE[0] in (existing.side_effects or [])
        )
    )
    form = patient_forms.CheckInForm(_posted(request), initial=initial, injection=injection)
    if form.is_valid():
        data = form.cleaned_data
        try:
            saved = services.check_in_record(
                patient=patient,
                day=today,
                craving=data["craving"],
                drinks=data["drinks"],
                opioid_use=data["opioid_use"],
                side_effects=data["side_effects"],
                mood=data["mood"],
                note=data["note"].strip(),
                by=current_user(request),
            )
        except REFUSALS as error:
            form.add_refusal(error)
        else:
            if _needs_support(saved, selectors.clinic_thresholds(patient.clinic).craving_high):
                return redirect("care:patient_check_in_support")
            messages.success(
                request,
                "Thank you. Your check-in is saved. ✓"
                + (" You can change it until the end of the day." if existing is None else ""),
            )
            return redirect("care:patient_home")
    return _page(
        request,
        "care/patient/check_in.html",
        patient=patient,
        form=form,
        existing=existing,
        today=today,
    )


@patient_required
def check_in_support(request: HttpRequest) -> HttpResponse:
    """Straight after a check-in with opioid use or a high craving: help, kindly and at once."""
    patient = selectors.patient_own(request=request)
    today = timezone.localdate()
    saved = CheckIn.objects.filter(patient=patient, day=today).first()
    if saved is None:
        return redirect("care:patient_check_in")
    plan = _plan_of(patient)
    return _page(
        request,
        "care/patient/check_in_support.html",
        patient=patient,
        check_in=saved,
        plan=plan,
        people=_people(plan),
        tools=TOOLKIT[:4],
        treatment=_treatment(patient, today),
    )


# --- schedule and plan ------------------------------------------------------------------------


@dataclass(frozen=True)
class Day:
    day: dt.date
    dose: clinical_regimens.ScheduledDose | None
    event: DoseEvent | None
    after_last_dose: bool


def _oral_days(treatment: Treatment) -> list[Day]:
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


@dataclass(frozen=True)
class Step:
    start: dt.date
    end: dt.date
    dose_mg: int
    tablets: str


def _plan_steps(plan: TaperPlan) -> list[Step]:
    return [
        Step(
            dt.date.fromisoformat(step["start"]),
            dt.date.fromisoformat(step["end"]),
            int(step["dose_mg"]),
            str(step.get("tablets") or ""),
        )
        for step in plan.plan.get("steps", [])
    ]


@patient_required
def schedule(request: HttpRequest) -> HttpResponse:
    patient = selectors.patient_own(request=request)
    today = timezone.localdate()
    services.episodes_finish_tapers(today=today, patient=patient)
    treatment = _treatment(patient, today)
    plan = treatment.taper_plan
    days = _oral_days(treatment)
    next_injections: list[dt.date] = []
    if treatment.next_injection:
        next_injections = [
            treatment.next_injection,
            clinical_regimens.next_injection_due(treatment.next_injection),
        ]
    return _page(
        request,
        "care/patient/schedule.html",
        patient=patient,
        treatment=treatment,
        days=days,
        half_tablets=any(row.dose and row.dose.dose_mg % 50 for row in days),
        next_injections=next_injections,
        plan=plan,
        steps=_plan_steps(plan) if plan else [],
        follow_ups=list(treatment.episode.follow_ups.order_by("due_on"))
        if plan and treatment.episode
        else [],
        today=today,
    )


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


def _progress(
    treatment: Treatment, check_ins: list[CheckIn], dose_events: list[DoseEvent]
) -> Progress:
    today = treatment.today
    start = today - dt.timedelta(days=PROGRESS_DAYS - 1)
    by_day = {c.day: c for c in check_ins}
    # The run: days in a row, ending today (or yesterday, before today's check-in), each with a
    # check-in and no drinking or opioid use. Days without a check-in end the run: we don't know.
    run = 0
    day = today if today in by_day else today - dt.timedelta(days=1)
    while day in by_day and _clear(by_day[day]):
        run += 1
        day -= dt.timedelta(days=1)
    week_ago = today - dt.timedelta(days=7)
    two_weeks_ago = today - dt.timedelta(days=14)
    scheduled = 0
    regimen = treatment.regimen
    if regimen is not None and treatment.is_oral:
        due = selectors.dose_calendar(regimen=regimen)
        recorded = {event.day for event in dose_events}
        for n in range(PROGRESS_DAYS):
            day = start + dt.timedelta(days=n)
            # Today counts once it is recorded: the day is not over yet.
            if due(day) is not None and (day < today or day in recorded):
                scheduled += 1
    return Progress(
        days=PROGRESS_DAYS,
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
    treatment: Treatment, check_ins: list[CheckIn], dose_events: list[DoseEvent], high: int
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
    patient = selectors.patient_own(request=request)
    today = timezone.localdate()
    start = today - dt.timedelta(days=PROGRESS_DAYS - 1)
    treatment = _treatment(patient, today)
    check_ins = list(
        CheckIn.objects.filter(patient=patient, day__range=(start, today)).order_by("day")
    )
    dose_events = list(
        DoseEvent.objects.filter(patient=patient, day__range=(start, today)).order_by("day")
    )
    high = selectors.clinic_thresholds(patient.clinic).craving_high
    return _page(
        request,
        "care/patient/progress.html",
        patient=patient,
        treatment=treatment,
        progress=_progress(treatment, check_ins, dose_events),
        figures=_progress_charts(treatment, check_ins, dose_events, high),
    )


# --- craving help -----------------------------------------------------------------------------


@patient_required
def cravings(request: HttpRequest) -> HttpResponse:
    patient = selectors.patient_own(request=request)
    plan = _plan_of(patient)
    recent = list(CravingEpisode.objects.filter(patient=patient).order_by("-started_at")[:5])
    return _page(
        request,
        "care/patient/cravings.html",
        patient=patient,
        plan=plan,
        people=_people(plan),
        tools=TOOLKIT,
        recent=recent,
    )


@patient_required
@get_and_post
def craving_plan(request: HttpRequest) -> HttpResponse:
    patient = selectors.patient_own(request=request)
    plan = _plan_of(patient)
    form = patient_forms.CravingPlanForm(
        _posted(request), initial=patient_forms.CravingPlanForm.initial_from(plan)
    )
    if form.is_valid():
        try:
            craving_services.craving_plan_save(
                patient=patient,
                by=current_user(request),
                **{name: form.cleaned_data[name] for name in craving_services.PLAN_FIELDS},
            )
        except REFUSALS as error:
            form.add_refusal(error)
        else:
            messages.success(
                request,
                "Your craving plan is saved. ✓ It will be here when you need it."
                if plan is None
                else "Your craving plan is updated. ✓",
            )
            return redirect("care:patient_cravings")
    return _page(
        request,
        "care/patient/craving_plan.html",
        patient=patient,
        form=form,
        plan=plan,
        tools=TOOLKIT,
    )


def _craving_episode(patient: Patient, episode_id: int) -> CravingEpisode:
    """One of this patient's own cravings (another's id is a 404, like a missing one)."""
    episode: CravingEpisode | None = CravingEpisode.objects.filter(
        patient=patient, pk=episode_id
    ).first()
    if episode is None:
        raise Http404("No such craving")
    return episode


def _needs_crisis_help(episode: CravingEpisode, craving_high: int) -> bool:
    """A very strong craving, or the patient thinks they might drink or use."""
    ratings = [episode.start_rating]
    if episode.end_rating is not None:
        ratings.append(episode.end_rating)
    return (
        max(ratings) >= craving_high
        or episode.might_use != CravingEpisode.MightUse.NO
        or episode.outcome in (CravingEpisode.Outcome.STRONGER, CravingEpisode.Outcome.USED)
    )


def _flow_page(
    request: HttpRequest,
    template: str,
    *,
    patient: Patient,
    episode: CravingEpisode | None,
    **context: Any,
) -> HttpResponse:
    plan = _plan_of(patient)
    high = selectors.clinic_thresholds(patient.clinic).craving_high
    return _page(
        request,
        template,
        patient=patient,
        episode=episode,
        plan=plan,
        people=_people(plan),
        crisis=episode is not None and _needs_crisis_help(episode, high),
        wait_minutes=WAIT_MINUTES,
        **context,
    )


@patient_required
@get_and_post
def craving_now(request: HttpRequest) -> HttpResponse:
    """Step 1: how strong is it, and might you drink or use?"""
    patient = selectors.patient_own(request=request)
    form = patient_forms.CravingStartForm(_posted(request))
    if form.is_valid():
        try:
            episode = craving_services.craving_episode_start(
                patient=patient,
                rating=form.cleaned_data["rating"],
                might_use=form.cleaned_data["might_use"],
                by=current_user(request),
            )
        except REFUSALS as error:
            form.add_refusal(error)
        else:
            return redirect("care:patient_craving_try", episode_id=episode.pk)
    return _flow_page(
        request, "care/patient/craving_now.html", patient=patient, episode=None, form=form
    )


@patient_required
@get_and_post
def craving_try(request: HttpRequest, episode_id: int) -> HttpResponse:
    """Step 2: pick one thing from the plan (or the toolkit) to try now."""
    patient = selectors.patient_own(request=request)
    episode = _craving_episode(patient, episode_id)
    if episode.is_finished:
        return redirect("care:patient_craving_done", episode_id=episode.pk)
    plan = _plan_of(patient)
    form = patient_forms.CravingTryForm(_posted(request), plan=plan)
    if form.is_valid():
        try:
            craving_services.craving_episode_try(
                episode=episode, tried=form.cleaned_data["tried"], by=current_user(request)
            )
        except REFUSALS as error:
            form.add_refusal(error)
        else:
            return redirect("care:patient_craving_wait", episode_id=episode.pk)
    return _flow_page(
        request, "care/patient/craving_try.html", patient=patient, episode=episode, form=form
    )


def _tool_for(tried: str) -> Tool | None:
    return next((tool for tool in TOOLS.values() if tool.title == tried), None)


@patient_required
def craving_wait(request: HttpRequest, episode_id: int) -> HttpResponse:
    """Step 3: do it, and wait ten minutes."""
    patient = selectors.patient_own(request=request)
    episode = _craving_episode(patient, episode_id)
    if not episode.tried:
        return redirect("care:patient_craving_try", episode_id=episode.pk)
    trying = episode.tried[-1]
    since = episode.tried_at or episode.started_at
    return _flow_page(
        request,
        "care/patient/craving_wait.html",
        patient=patient,
        episode=episode,
        trying=trying,
        tool=_tool_for(trying),
        back_at=timezone.localtime(since + dt.timedelta(minutes=WAIT_MINUTES)),
    )


@patient_required
@get_and_post
def craving_rate(request: HttpRequest, episode_id: int) -> HttpResponse:
    """Step 4: rate it again, and say how it went."""
    patient = selectors.patient_own(request=request)
    episode = _craving_episode(patient, episode_id)
    initial = (
        {"end_rating": str(episode.end_rating), "outcome": episode.outcome}
        if episode.is_finished
        else {}
    )
    form = patient_forms.CravingRateForm(_posted(request), initial=initial)
    if form.is_valid():
        try:
            craving_services.craving_episode_finish(
                episode=episode,
                end_rating=form.cleaned_data["end_rating"],
                outcome=form.cleaned_data["outcome"],
                by=current_user(request),
            )
        except REFUSALS as error:
            form.add_refusal(error)
        else:
            return redirect("care:patient_craving_done", episode_id=episode.pk)
    return _flow_page(
        request, "care/patient/craving_rate.html", patient=patient, episode=episode, form=form
    )


@patient_required
def craving_done(request: HttpRequest, episode_id: int) -> HttpResponse:
    patient = selectors.patient_own(request=request)
    episode = _craving_episode(patient, episode_id)
    if not episode.is_finished:
        return redirect("care:patient_craving_rate", episode_id=episode.pk)
    return _flow_page(
        request,
        "care/patient/craving_done.html",
        patient=patient,
        episode=episode,
        checked_in=CheckIn.objects.filter(patient=patient, day=timezone.localdate()).exists(),
    )


# --- crisis help ------------------------------------------------------------------------------


@patient_required
def crisis_help(request: HttpRequest) -> HttpResponse:
    patient = selectors.patient_own(request=request)
    plan = _plan_of(patient)
    return _page(
        request, "care/patient/help.html", patient=patient, plan=plan, people=_people(plan)
    )


urlpatterns: list[URLPattern] = [
    path("", patient_home, name="patient_home"),
    path("dose/", dose_taken, name="patient_dose_taken"),
    path("check-in/", check_in, name="patient_check_in"),
    path("check-in/support/", check_in_support, name="patient_check_in_support"),
    path("schedule/", schedule, name="patient_schedule"),
    path("progress/", progress, name="patient_progress"),
    path("cravings/", cravings, name="patient_cravings"),
    path("cravings/plan/", craving_plan, name="patient_craving_plan"),
    path("cravings/now/", craving_now, name="patient_craving_now"),
    path("cravings/now/<int:episode_id>/", craving_try, name="patient_craving_try"),
    path("cravings/now/<int:episode_id>/wait/", craving_wait, name="patient_craving_wait"),
    path("cravings/now/<int:episode_id>/rate/", craving_rate, name="patient_craving_rate"),
    path("cravings/now/<int:episode_id>/done/", craving_done, name="patient_craving_done"),
    path("help/", crisis_help, name="patient_help"),
]
