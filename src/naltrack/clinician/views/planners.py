"""Opening (or restarting) an episode, the start check, starting a regimen, planning a stop."""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from naltrack.accounts.access import current_user, staff_required
from naltrack.care import dates, selectors, services
from naltrack.care.models import Episode, Patient, Regimen
from naltrack.clinical import regimens as clinical_regimens
from naltrack.clinical.contract import InputError
from naltrack.clinical.discontinuation import discontinuation_json
from naltrack.clinical.formulary import XR_DOSE_MG
from naltrack.clinical.start_check import age_in_years
from naltrack.clinical.vocabulary import ORAL, XR_INJECTION
from naltrack.clinician.forms.planners import (
    EpisodeOpenForm,
    PlanStopForm,
    RegimenStartForm,
    StartCheckForm,
)
from naltrack.web.dates import short_date
from naltrack.web.forms import add_refusal, keep_within
from naltrack.web.views import get_and_post, posted, submitted


def _open_episode(patient: Patient) -> Episode:
    episode = selectors.episode_current(patient=patient)
    if episode is None:
        raise Http404("No open episode")
    return episode


@staff_required
@get_and_post
def episode_open(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = selectors.patient_get(user=request.user, patient_id=patient_id)
    previous = selectors.episode_latest(patient=patient)
    form = EpisodeOpenForm(
        posted(request), initial={"indication": previous.indication if previous else None}
    )
    opened = submitted(
        form,
        lambda data: services.episode_open(
            patient=patient,
            indication=data["indication"],
            opened_on=timezone.localdate(),
            by=current_user(request),
        ),
    )
    if opened:
        messages.success(request, "Episode opened. Next: the start check.")
        return redirect("clinician:start_check", patient.pk)
    return render(
        request,
        "clinician/planners/episode_open.html",
        {"patient": patient, "form": form, "previous": previous},
    )


@staff_required
@get_and_post
def start_check(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = selectors.patient_get(user=request.user, patient_id=patient_id)
    episode = _open_episode(patient)
    today = timezone.localdate()
    initial = {
        "date": today,
        "formulation": ORAL,
        "pregnant": {"yes": "yes", "no": "no", "breastfeeding": "no"}.get(
            patient.pregnancy, "unknown"
        ),
    }
    form = StartCheckForm(
        posted(request), initial=initial, asks_pregnancy=patient.sex != Patient.Sex.MALE
    )
    keep_within(form, "date", dates.start_check_dates(episode))
    check = None
    on = today
    if request.method == "POST" and form.is_valid():
        on = form.cleaned_data["date"]
        record = selectors.start_check_record(patient=patient, on=on)
        challenge = form.cleaned_data["challenge"]
        inputs: dict[str, Any] = {
            "date": on.isoformat(),
            "indication": episode.indication,
            "formulation": form.cleaned_data["formulation"],
            **record.as_inputs(),
            # Done today when planning ahead; on the day itself when recording a past check.
            "naloxone_challenge": None
            if challenge == "none"
            else {"date": min(on, today).isoformat(), "withdrawal_signs": challenge == "positive"},
            "age_years": age_in_years(patient.date_of_birth, on),
            **form.answers(),
        }
        try:
            check = services.start_check_run(
                episode=episode, inputs=inputs, by=current_user(request)
            )
        except InputError as error:
            form.add_error(None, f"{error.field}: {error.message}")
        except services.ClinicalRuleError as error:
            add_refusal(form, error)
    record = selectors.start_check_record(patient=patient, on=on)
    return render(
        request,
        "clinician/planners/start_check.html",
        {"patient": patient, "episode": episode, "form": form, "check": check, "record": record},
    )


@staff_required
@get_and_post
def regimen_start(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = selectors.patient_get(user=request.user, patient_id=patient_id)
    episode = _open_episode(patient)
    today = timezone.localdate()
    latest_check = episode.start_checks.order_by("-checked_on", "-id").first()
    start = latest_check.checked_on if latest_check else today
    with contextlib.suppress(ValueError):
        start = dt.date.fromisoformat(request.POST.get("start", ""))
    form = RegimenStartForm(
        posted(request),
        indication=episode.indication,
        initial={"start": start},
        # The findings a start on the chosen day would override, to acknowledge one by one.
        overriding=selectors.override_findings(episode, start)
        if episode.state == Episode.State.SCREENING
        else [],
    )
    keep_within(form, "start", dates.regimen_start_dates(episode))
    regimen = submitted(
        form,
        lambda data: services.regimen_start(
            episode=episode, prescriber=current_user(request), **data
        ),
    )
    if regimen:
        messages.success(
            request, f"{regimen.get_kind_display()} starts {short_date(regimen.start)}."
        )
        return redirect("clinician:patient_chart", patient.pk)
    return render(
        request,
        "clinician/planners/regimen_start.html",
        {"patient": patient, "episode": episode, "form": form, "latest_check": latest_check},
    )


@staff_required
@get_and_post
def plan_stop(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = selectors.patient_get(user=request.user, patient_id=patient_id)
    episode = _open_episode(patient)
    regimen = episode.regimens.order_by("-start", "-id").first()
    if regimen is None or episode.state == Episode.State.SCREENING:
        raise Http404("Nothing to stop")
    today = timezone.localdate()
    is_injection = regimen.formulation == XR_INJECTION
    daily_dose = None if is_injection else selectors.current_oral_dose_mg(regimen=regimen, on=today)
    strategies = ["stop", "step_down", "gradual"] if daily_dose else ["stop"]
    form = PlanStopForm(posted(request), strategies=strategies)
    keep_within(form, "start", dates.stop_plan_dates(regimen))
    keep_within(form, "surgery_date", dates.surgery_dates(regimen))
    preview = None
    if request.method == "POST" and form.is_valid():
        try:
            inputs = _plan_inputs(
                form.cleaned_data,
                regimen=regimen,
                daily_dose=daily_dose,
                patient=patient,
                indication=selectors.stop_plan_indication(episode=episode),
            )
            if "save" in request.POST:
                services.discontinuation_plan_store(
                    episode=episode, inputs=inputs, by=current_user(request)
                )
                messages.success(
                    request, "The plan is saved and the follow-up contacts are booked."
                )
                return redirect("clinician:patient_chart", patient.pk)
            preview = discontinuation_json(inputs)
        except InputError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        except services.ClinicalRuleError as error:
            add_refusal(form, error)
    return render(
        request,
        "clinician/planners/plan_stop.html",
        {
            "patient": patient,
            "episode": episode,
            "regimen": regimen,
            "form": form,
            "preview": preview,
            "daily_dose": daily_dose,
            "is_injection": is_injection,
        },
    )


def _plan_inputs(
    data: dict[str, Any],
    *,
    regimen: Regimen,
    daily_dose: int | None,
    patient: Patient,
    indication: str | None,
) -> dict[str, Any]:
    """The discontinuation calculator's input, from the form and the record."""
    start: dt.date = data["start"]
    inputs: dict[str, Any] = {
        "start": start.isoformat(),
        "formulation": regimen.formulation,
        "strategy": data["strategy"],
        "reason": data["reason"],
        "indication": indication,
    }
    if data.get("surgery_date"):
        inputs["surgery_date"] = data["surgery_date"].isoformat()
    if regimen.formulation == XR_INJECTION:
        last = patient.injections.order_by("-given_on").values_list("given_on", flat=True).first()
        if last is None:
            raise InputError(
                "start", "No injection is recorded, so there is no blockade to plan around."
            )
        return {**inputs, "current_dose_mg": XR_DOSE_MG, "last_injection": last.isoformat()}
    if daily_dose:
        return {
            **inputs,
            "current_dose_mg": daily_dose,
            **({"step_days": data.get("step_days") or 3} if data["strategy"] != "stop" else {}),
        }
    # An intermittent schedule stops after a dosing day: the calculator counts the last dose as
    # the day before `start`, and blockade from a day without a dose would be overstated.
    last_dose = clinical_regimens.due_on(regimen.as_clinical(), start - dt.timedelta(days=1))
    if last_dose is None:
        earlier = clinical_regimens.schedule(
            regimen.as_clinical(), start - dt.timedelta(days=7), start - dt.timedelta(days=1)
        )
        hint = (
            f" The last dose before then is on {short_date(earlier[-1].date, 'D M j')}: choose {short_date(earlier[-1].date + dt.timedelta(days=1), 'D M j')}."
            if earlier
            else ""
        )
        raise InputError("start", "On this schedule the last dose must be on a dosing day." + hint)
    return {**inputs, "current_dose_mg": last_dose.dose_mg}
