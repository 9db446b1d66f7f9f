"""The clinician's record forms: GET shows the form, POST records through one service.

Each view loads the patient through ``selectors.patient_get`` (scoped to the clinician's clinic,
audited), looks any row up through ``selectors.row_get``, and hands the form and its one service
call to ``web.views.submitted``: saved, it says what was recorded and goes back to the chart;
refused or invalid, the page shows the form with its errors.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.views.decorators.http import require_POST

from naltrack.accounts.access import HtmxHttpRequest, current_user, safe_next, staff_required
from naltrack.care import dates, selectors, services
from naltrack.care.models import Alert, FollowUp, Patient, Regimen, TherapySession
from naltrack.clinical import regimens as clinical_regimens
from naltrack.clinical.alerts import SUICIDAL_IDEATION_ALERT
from naltrack.clinical.instruments import INSTRUMENTS, SUICIDAL_IDEATION
from naltrack.clinical.vocabulary import ORAL, XR_INJECTION
from naltrack.clinician.forms import record as forms
from naltrack.web.forms import RecordForm, keep_within
from naltrack.web.views import get_and_post, posted, submitted


def _day(day: dt.date) -> str:
    return date_format(day, "D j M Y")


def _recorded(request: HttpRequest, patient: Patient, message: str) -> HttpResponse:
    """Say what was recorded and go back to the patient's chart."""
    messages.success(request, message)
    return redirect("clinician:patient_chart", patient_id=patient.pk)


def _page(
    request: HttpRequest,
    template: str,
    *,
    patient: Patient,
    form: RecordForm | None,
    title: str,
    submit: str = "Save",
    **context: Any,
) -> HttpResponse:
    return render(
        request,
        template,
        {"patient": patient, "form": form, "title": title, "submit": submit, **context},
    )


# --- exposures, doses, injections --------------------------------------------------------------


@staff_required
@get_and_post
def record_exposure(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = selectors.patient_get(user=request.user, patient_id=patient_id)
    form = forms.ExposureForm(posted(request))
    exposure = submitted(
        form,
        lambda data: services.opioid_exposure_record(
            patient=patient, by=current_user(request), **data
        ),
    )
    if exposure:
        return _recorded(
            request,
            patient,
            f"Opioid use recorded: {exposure.get_kind_display()}, "
            f"last used {_day(exposure.last_use)}.",
        )
    return _page(
        request,
        "clinician/record/form.html",
        patient=patient,
        form=form,
        title="Record opioid use",
        submit="Record opioid use",
    )


@staff_required
@get_and_post
def record_dose(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = selectors.patient_get(user=request.user, patient_id=patient_id)
    regimen = selectors.regimen_current(patient, ORAL)
    form = forms.DoseForm(posted(request)) if regimen else None
    dose = submitted(
        form,
        # The form exists only with a regimen, and is only saved with its form.
        lambda data: services.dose_record(
            regimen=cast(Regimen, regimen), by=current_user(request), **data
        ),
    )
    if dose:
        how = "observed by staff" if dose.observed else "reported by the patient"
        return _recorded(
            request,
            patient,
            f"Dose of {_day(dose.day)} recorded as {dose.get_status_display().lower()} "
            f"({dose.dose_mg} mg, {how}).",
        )
    today = timezone.localdate()
    return _page(
        request,
        "clinician/record/dose.html",
        patient=patient,
        form=form,
        title="Record a dose",
        submit="Record the dose",
        regimen=regimen,
        due_today=clinical_regimens.due_on(regimen.as_clinical(), today) if regimen else None,
    )


@staff_required
@get_and_post
def record_injection(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = selectors.patient_get(user=request.user, patient_id=patient_id)
    regimen = selectors.regimen_current(patient, XR_INJECTION)
    last = patient.injections.order_by("-given_on", "-id").first() if regimen else None
    initial = {"site": clinical_regimens.next_site(last.site)} if last else {}
    form = forms.InjectionForm(posted(request), initial=initial) if regimen else None
    if form is not None and regimen is not None:
        keep_within(form, "given_on", dates.injection_days(regimen))
    injection = submitted(
        form,
        lambda data: services.injection_record(
            regimen=cast(Regimen, regimen),
            given_on=data["given_on"],
            site=data["site"],
            lot=data["lot"],
            given_by=current_user(request),
            confirm_spacing=data["confirm_spacing"],
        ),
    )
    if injection:
        return _recorded(
            request,
            patient,
            f"Injection recorded: {injection.dose_mg} mg, "
            f"{injection.get_site_display().lower()}, on {_day(injection.given_on)}. "
            f"Next injection due {_day(injection.next_due)}.",
        )
    return _page(
        request,
        "clinician/record/injection.html",
        patient=patient,
        form=form,
        title="Record an injection",
        submit="Record the injection",
        regimen=regimen,
        last_injection=last,
    )


# --- labs, screens, instruments ----------------------------------------------------------------


@staff_required
@get_and_post
def record_lab(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = selectors.patient_get(user=request.user, patient_id=patient_id)
    form = forms.LabForm(posted(request))
    lab = submitted(
        form, lambda data: services.lab_record(patient=patient, by=current_user(request), **data)
    )
    if lab:
        return _recorded(
            request,
            patient,
            f"{lab.test} of {_day(lab.collected_on)} recorded: {lab.value} {lab.unit} "
            f"(upper limit of normal {lab.upper_limit_normal}).",
        )
    return _page(
        request,
        "clinician/record/form.html",
        patient=patient,
        form=form,
        title="Record a lab result",
        submit="Record the result",
    )


@staff_required
@get_and_post
def record_screen(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = selectors.patient_get(user=request.user, patient_id=patient_id)
    form = forms.DrugScreenForm(posted(request))
    screen = submitted(
        form,
        lambda data: services.drug_screen_record(patient=patient, by=current_user(request), **data),
    )
    if screen:
        result = "positive" if screen.opioids_positive else "negative"
        return _recorded(
            request,
            patient,
            f"Drug screen of {_day(screen.collected_on)} recorded: opioids {result}.",
        )
    return _page(
        request,
        "clinician/record/form.html",
        patient=patient,
        form=form,
        title="Record a drug screen",
        submit="Record the screen",
    )


@staff_required
@get_and_post
def record_instrument(request: HttpRequest, patient_id: int, instrument: str) -> HttpResponse:
    patient = selectors.patient_get(user=request.user, patient_id=patient_id)
    spec = INSTRUMENTS.get(instrument)
    if spec is None:
        raise Http404("No such instrument")
    form = forms.InstrumentForm(posted(request), spec=spec)
    response = submitted(
        form,
        lambda data: services.instrument_record(
            patient=patient,
            instrument=spec.id,
            answers=form.answers,
            taken_on=data["taken_on"],
            by=current_user(request),
        ),
    )
    if response:
        band = f", {response.band.replace('_', ' ')}" if response.band else ""
        summary = f"{spec.name} recorded: score {response.score} of {response.max_score}{band}."
        if SUICIDAL_IDEATION not in response.flags:
            return _recorded(request, patient, summary)
        raised = patient.alerts.filter(
            code=SUICIDAL_IDEATION_ALERT, resolved_at__isnull=True
        ).exists()
        messages.error(
            request,
            f"{summary} The patient reported thoughts of being better off dead or of "
            "self-harm (item 9): "
            + (
                "an urgent alert was raised. "
                if raised
                else "no alert could be raised (no open treatment episode, or a later "
                "PHQ-9 is on file), so act on it yourself. "
            )
            + "Assess suicide risk today; the patient can call or text 988 at any time.",
        )
        return redirect("clinician:patient_chart", patient_id=patient.pk)
    return _page(
        request,
        "clinician/record/instrument.html",
        patient=patient,
        form=form,
        title=f"Record the {spec.name}",
        submit="Record the answers",
        spec=spec,
        sex_note=spec.id == "audit_c" and not patient.sex,
    )


# --- therapy, notes, follow-up -----------------------------------------------------------------


@staff_required
@get_and_post
def record_therapy(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = selectors.patient_get(user=request.user, patient_id=patient_id)
    user = current_user(request)
    form = forms.TherapySessionForm(
        posted(request), clinic_id=patient.clinic_id, initial={"counsellor": user.pk}
    )
    session = submitted(
        form, lambda data: services.therapy_session_schedule(patient=patient, by=user, **data)
    )
    if session:
        when = timezone.localtime(session.scheduled_at)
        with_whom = f" with {session.counsellor}" if session.counsellor else ""
        return _recorded(
            request,
            patient,
            f"{session.get_kind_display()} booked for {_day(when.date())} at "
            f"{when:%H:%M}{with_whom}.",
        )
    return _page(
        request,
        "clinician/record/form.html",
        patient=patient,
        form=form,
        title="Book a therapy session",
        submit="Book the session",
    )


@staff_required
@get_and_post
def record_therapy_status(request: HttpRequest, patient_id: int, session_id: int) -> HttpResponse:
    patient = selectors.patient_get(user=request.user, patient_id=patient_id)
    session = selectors.row_get(
        TherapySession, user=request.user, patient=patient, pk=session_id, related=("counsellor",)
    )
    initial = {"notes": session.notes}
    if session.status != session.Status.SCHEDULED:
        initial["status"] = session.status
    form = forms.TherapyStatusForm(posted(request), session=session, initial=initial)
    marked = submitted(
        form,
        lambda data: services.therapy_session_mark(
            session=session, by=current_user(request), **data
        ),
    )
    if marked:
        when = timezone.localtime(marked.scheduled_at).date()
        return _recorded(
            request,
            patient,
            f"Therapy session of {_day(when)} marked {marked.get_status_display().lower()}.",
        )
    return _page(
        request,
        "clinician/record/therapy_status.html",
        patient=patient,
        form=form,
        title="Record a therapy session",
        submit="Save",
        session=session,
    )


@staff_required
@get_and_post
def record_note(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = selectors.patient_get(user=request.user, patient_id=patient_id)
    form = forms.NoteForm(posted(request))
    note = submitted(
        form, lambda data: services.note_add(patient=patient, by=current_user(request), **data)
    )
    if note:
        return _recorded(request, patient, "Note added to the record.")
    return _page(
        request,
        "clinician/record/form.html",
        patient=patient,
        form=form,
        title="Add a note",
        submit="Add the note",
    )


@staff_required
@get_and_post
def record_follow_up(request: HttpRequest, patient_id: int, follow_up_id: int) -> HttpResponse:
    patient = selectors.patient_get(user=request.user, patient_id=patient_id)
    follow_up = selectors.row_get(FollowUp, user=request.user, patient=patient, pk=follow_up_id)
    initial: dict[str, Any] = {}
    if follow_up.done_on:
        initial = {"done_on": follow_up.done_on, "method": follow_up.method, "note": follow_up.note}
    form = forms.FollowUpForm(posted(request), initial=initial)
    done = submitted(
        form,
        lambda data: services.follow_up_record(
            follow_up=follow_up, by=current_user(request), **data
        ),
    )
    if done:
        return _recorded(
            request,
            patient,
            f"Follow-up due {_day(done.due_on)} recorded as done on "
            f"{_day(done.done_on or done.due_on)} ({done.get_method_display().lower()}).",
        )
    return _page(
        request,
        "clinician/record/follow_up.html",
        patient=patient,
        form=form,
        title="Record a follow-up",
        submit="Record the follow-up",
        follow_up=follow_up,
    )


# --- alerts ------------------------------------------------------------------------------------


@staff_required
@require_POST
def record_alert_ack(request: HtmxHttpRequest, patient_id: int, alert_id: int) -> HttpResponse:
    patient = selectors.patient_get(user=request.user, patient_id=patient_id)
    alert = selectors.row_get(
        Alert, user=request.user, patient=patient, pk=alert_id, related=("acknowledged_by",)
    )
    form = forms.AlertAcknowledgeForm(request.POST)
    already = alert.acknowledged_at is not None
    acknowledged = submitted(
        form,
        lambda data: services.alert_acknowledge(
            alert=alert, by=current_user(request), note=data["note"]
        ),
    )
    if acknowledged:
        alert = acknowledged
        if not request.htmx:
            if already:
                messages.info(
                    request, f"This alert was already acknowledged by {alert.acknowledged_by}."
                )
            else:
                messages.success(request, "Alert acknowledged.")
            return redirect(
                safe_next(request) or reverse("clinician:patient_chart", args=[patient.pk])
            )
    context = {"alert": alert, "patient": patient, "form": form, "next": safe_next(request)}
    if request.htmx:
        # The row swapped into a list of alerts: name the patient unless the list is their chart.
        chart = reverse("clinician:patient_chart", args=[patient.pk])
        page = request.htmx.current_url_abs_path or ""
        context["show_patient"] = page.split("?")[0] != chart
        return render(request, "clinician/record/_alert_row.html", context)
    return _page(
        request,
        "clinician/record/alert_ack.html",
        patient=patient,
        form=form,
        title="Acknowledge an alert",
        alert=alert,
        next=safe_next(request),
    )
