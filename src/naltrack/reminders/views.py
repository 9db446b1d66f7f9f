"""The patient's reminders page (/me/reminders/) and the one-click pause link from emails."""

from __future__ import annotations

from django.contrib import messages
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from naltrack.accounts.access import current_user, patient_required
from naltrack.care import selectors as care_selectors
from naltrack.care.models import Patient
from naltrack.reminders import delivery, selectors, services
from naltrack.reminders.forms import PreferenceForm
from naltrack.reminders.schedule import DEFAULT_REMINDER_TIME


@patient_required
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    patient = care_selectors.patient_own(request=request)
    preference = selectors.preference_for(patient=patient)
    initial = {
        "channel": preference.channel if preference else patient.reminder_channel,
        "reminder_time": (preference.reminder_time if preference else None)
        or patient.reminder_time,
        "quiet_start": preference.quiet_start if preference else None,
        "quiet_end": preference.quiet_end if preference else None,
        "time_zone": preference.time_zone if preference else "",
        "paused_non_essential": bool(preference and preference.paused_non_essential),
        "opted_in_details": bool(preference and preference.opted_in_details),
    }
    form = PreferenceForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        has_phone=bool(patient.phone),
    )
    if request.method == "POST" and form.is_valid():
        services.preference_update(patient=patient, by=current_user(request), **form.cleaned_data)
        messages.success(request, "Your reminder choices are saved.")
        return redirect("reminders:preferences")
    return render(
        request,
        "reminders/preferences.html",
        {
            "patient": patient,
            "form": form,
            "clinic_zone": patient.clinic.time_zone,
            "default_time": DEFAULT_REMINDER_TIME,
            "notifications": selectors.notification_history(patient=patient),
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def pause(request: HttpRequest, token: str) -> HttpResponse:
    """GET only asks (mail scanners follow links); POST pauses. The signed token is the key."""
    try:
        patient_id = delivery.pause_token_patient(token)
    except signing.BadSignature as error:
        raise Http404("This link is not valid any more.") from error
    patient = Patient.objects.select_related("clinic").filter(pk=patient_id).first()
    if patient is None:
        raise Http404("This link is not valid any more.")
    paused = False
    if request.method == "POST":
        services.reminders_pause(patient=patient, by=None)
        paused = True
    return render(
        request,
        "reminders/pause.html",
        {"clinic": patient.clinic, "paused": paused, "token": token},
    )
