"""Craving help: the patient's own plan, the four-step walk through a craving, crisis help."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from naltrack.accounts.access import current_user, patient_required
from naltrack.care import selectors, services
from naltrack.care.models import (
    CheckIn,
    CravingEpisode,
    Patient,
)
from naltrack.patient import forms as patient_forms
from naltrack.patient.pages import page, people, plan_of
from naltrack.patient.toolkit import TOOLKIT, TOOLS, WAIT_MINUTES, Tool
from naltrack.web.views import get_and_post, posted, submitted

# --- craving help -----------------------------------------------------------------------------


@patient_required
def cravings(request: HttpRequest) -> HttpResponse:
    patient = selectors.patient_own(user=request.user)
    plan = plan_of(patient)
    recent = list(CravingEpisode.objects.filter(patient=patient).order_by("-started_at")[:5])
    return page(
        request,
        "patient/cravings.html",
        patient=patient,
        plan=plan,
        people=people(plan),
        tools=TOOLKIT,
        recent=recent,
    )


@patient_required
@get_and_post
def craving_plan(request: HttpRequest) -> HttpResponse:
    patient = selectors.patient_own(user=request.user)
    plan = plan_of(patient)
    form = patient_forms.CravingPlanForm(
        posted(request), initial=patient_forms.CravingPlanForm.initial_from(plan)
    )
    saved = submitted(
        form,
        lambda data: services.craving_plan_save(
            patient=patient,
            by=current_user(request),
            **{name: data[name] for name in services.PLAN_FIELDS},
        ),
    )
    if saved:
        messages.success(
            request,
            "Your craving plan is saved. ✓ It will be here when you need it."
            if plan is None
            else "Your craving plan is updated. ✓",
        )
        return redirect("patient:cravings")
    return page(
        request,
        "patient/craving_plan.html",
        patient=patient,
        form=form,
        plan=plan,
        tools=TOOLKIT,
    )


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
    plan = plan_of(patient)
    high = selectors.clinic_thresholds(patient.clinic).craving_high
    return page(
        request,
        template,
        patient=patient,
        episode=episode,
        plan=plan,
        people=people(plan),
        crisis=episode is not None and _needs_crisis_help(episode, high),
        wait_minutes=WAIT_MINUTES,
        **context,
    )


@patient_required
@get_and_post
def craving_now(request: HttpRequest) -> HttpResponse:
    """Step 1: how strong is it, and might you drink or use?"""
    patient = selectors.patient_own(user=request.user)
    form = patient_forms.CravingStartForm(posted(request))
    episode = submitted(
        form,
        lambda data: services.craving_episode_start(
            patient=patient, by=current_user(request), **data
        ),
    )
    if episode:
        return redirect("patient:craving_try", episode_id=episode.pk)
    return _flow_page(request, "patient/craving_now.html", patient=patient, episode=None, form=form)


@patient_required
@get_and_post
def craving_try(request: HttpRequest, episode_id: int) -> HttpResponse:
    """Step 2: pick one thing from the plan (or the toolkit) to try now."""
    patient = selectors.patient_own(user=request.user)
    episode = selectors.row_get(CravingEpisode, user=request.user, patient=patient, pk=episode_id)
    if episode.is_finished:
        return redirect("patient:craving_done", episode_id=episode.pk)
    plan = plan_of(patient)
    form = patient_forms.CravingTryForm(posted(request), plan=plan)
    tried = submitted(
        form,
        lambda data: services.craving_episode_try(
            episode=episode, tried=data["tried"], by=current_user(request)
        ),
    )
    if tried:
        return redirect("patient:craving_wait", episode_id=episode.pk)
    return _flow_page(
        request, "patient/craving_try.html", patient=patient, episode=episode, form=form
    )


def _tool_for(tried: str) -> Tool | None:
    return next((tool for tool in TOOLS.values() if tool.title == tried), None)


@patient_required
def craving_wait(request: HttpRequest, episode_id: int) -> HttpResponse:
    """Step 3: do it, and wait ten minutes."""
    patient = selectors.patient_own(user=request.user)
    episode = selectors.row_get(CravingEpisode, user=request.user, patient=patient, pk=episode_id)
    if not episode.tried:
        return redirect("patient:craving_try", episode_id=episode.pk)
    trying = episode.tried[-1]
    since = episode.tried_at or episode.started_at
    return _flow_page(
        request,
        "patient/craving_wait.html",
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
    patient = selectors.patient_own(user=request.user)
    episode = selectors.row_get(CravingEpisode, user=request.user, patient=patient, pk=episode_id)
    initial = (
        {"end_rating": str(episode.end_rating), "outcome": episode.outcome}
        if episode.is_finished
        else {}
    )
    form = patient_forms.CravingRateForm(posted(request), initial=initial)
    finished = submitted(
        form,
        lambda data: services.craving_episode_finish(
            episode=episode, by=current_user(request), **data
        ),
    )
    if finished:
        return redirect("patient:craving_done", episode_id=episode.pk)
    return _flow_page(
        request, "patient/craving_rate.html", patient=patient, episode=episode, form=form
    )


@patient_required
def craving_done(request: HttpRequest, episode_id: int) -> HttpResponse:
    patient = selectors.patient_own(user=request.user)
    episode = selectors.row_get(CravingEpisode, user=request.user, patient=patient, pk=episode_id)
    if not episode.is_finished:
        return redirect("patient:craving_rate", episode_id=episode.pk)
    return _flow_page(
        request,
        "patient/craving_done.html",
        patient=patient,
        episode=episode,
        checked_in=CheckIn.objects.filter(patient=patient, day=timezone.localdate()).exists(),
    )


# --- crisis help ------------------------------------------------------------------------------


@patient_required
def crisis_help(request: HttpRequest) -> HttpResponse:
    patient = selectors.patient_own(user=request.user)
    plan = plan_of(patient)
    return page(request, "patient/help.html", patient=patient, plan=plan, people=people(plan))
