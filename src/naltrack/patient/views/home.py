"""The patient's day: home with today's dose and what is coming, the one-tap dose, the check-in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_POST

from naltrack.accounts.access import current_user, patient_required
from naltrack.care import selectors, services
from naltrack.care.models import (
    CheckIn,
    DoseEvent,
    Episode,
    FollowUp,
    Injection,
    LabResult,
    Patient,
    TherapySession,
)
from naltrack.clinical.liver import LIVER_ENZYMES, liver_tests_due
from naltrack.clinical.vocabulary import XR_INJECTION
from naltrack.patient import forms as patient_forms
from naltrack.patient.pages import page, people, plan_of
from naltrack.patient.toolkit import TOOLKIT
from naltrack.patient.wallet_card import wallet_card_exists
from naltrack.web.views import REFUSALS, get_and_post, posted, submitted


def _liver_tests_due(patient: Patient, treatment: selectors.Treatment) -> dt.date | None:
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


def _upcoming(patient: Patient, treatment: selectors.Treatment) -> Upcoming:
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


# --- home and the one-tap dose ----------------------------------------------------------------


@patient_required
def home(request: HttpRequest) -> HttpResponse:
    patient = selectors.patient_own(user=request.user)
    today = timezone.localdate()
    treatment = selectors.treatment_now(patient=patient, today=today)
    return page(
        request,
        "patient/home.html",
        patient=patient,
        treatment=treatment,
        check_in=CheckIn.objects.filter(patient=patient, day=today).first(),
        upcoming=_upcoming(patient, treatment),
        has_wallet_card=wallet_card_exists(patient=patient, treatment=treatment),
        undo=_undo(patient, today, request),
        today=today,
    )


def _undo(patient: Patient, today: dt.date, request: HttpRequest) -> dt.datetime | None:
    """Until when today's "I took my dose" can still be undone, if it can."""
    event = selectors.dose_report_undoable(patient=patient, day=today, by=current_user(request))
    return selectors.undo_until(event) if event else None


@patient_required
@require_POST
def dose_taken(request: HttpRequest) -> HttpResponse:
    """One tap: today's scheduled dose, taken (self-reported); a second tap changes nothing."""
    patient = selectors.patient_own(user=request.user)
    today = timezone.localdate()
    treatment = selectors.treatment_now(patient=patient, today=today)
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
    return redirect("patient:home")


@patient_required
@require_POST
def dose_undo(request: HttpRequest) -> HttpResponse:
    """Take back a mistaken "I took my dose" within a few minutes of the tap."""
    patient = selectors.patient_own(user=request.user)
    try:
        services.dose_report_withdraw(
            patient=patient, day=timezone.localdate(), by=current_user(request)
        )
    except REFUSALS as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, "Undone. Today’s dose is not marked as taken.")
    return redirect("patient:home")


# --- the daily check-in -----------------------------------------------------------------------


def _needs_support(check_in: CheckIn, craving_high: int) -> bool:
    return check_in.opioid_use or check_in.craving >= craving_high


@patient_required
@get_and_post
def check_in(request: HttpRequest) -> HttpResponse:
    patient = selectors.patient_own(user=request.user)
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
        or patient.regimens.filter(formulation=XR_INJECTION).exists()
        or (
            existing is not None
            and patient_forms.INJECTION_SITE[0] in (existing.side_effects or [])
        )
    )
    treatment = selectors.treatment_now(patient=patient, today=today)
    form = patient_forms.CheckInForm(
        posted(request),
        initial=initial,
        injection=injection,
        side_effects=treatment.naltrexone_started,
    )
    saved = submitted(
        form,
        lambda data: services.check_in_record(
            patient=patient,
            day=today,
            by=current_user(request),
            **{"side_effects": [], **data, "note": data["note"].strip()},
        ),
    )
    if saved:
        if _needs_support(saved, selectors.clinic_thresholds(patient.clinic).craving_high):
            return redirect("patient:check_in_support")
        messages.success(
            request,
            "Thank you. Your check-in is saved. ✓"
            + (" You can change it until the end of the day." if existing is None else ""),
        )
        return redirect("patient:home")
    return page(
        request,
        "patient/check_in.html",
        patient=patient,
        treatment=treatment,
        form=form,
        existing=existing,
        today=today,
    )


@patient_required
def check_in_support(request: HttpRequest) -> HttpResponse:
    """Straight after a check-in with opioid use or a high craving: help, kindly and at once."""
    patient = selectors.patient_own(user=request.user)
    today = timezone.localdate()
    saved = CheckIn.objects.filter(patient=patient, day=today).first()
    if saved is None:
        return redirect("patient:check_in")
    plan = plan_of(patient)
    return page(
        request,
        "patient/check_in_support.html",
        patient=patient,
        check_in=saved,
        plan=plan,
        people=people(plan),
        tools=TOOLKIT[:4],
        treatment=selectors.treatment_now(patient=patient, today=today),
    )
