"""The patient's reminders page (/me/reminders/), the one-click pause link from emails, the
clinic admin's reminder settings (/clinic/reminders/) and marking a delivery problem handled."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from naltrack.accounts.access import (
    HtmxHttpRequest,
    admin_required,
    current_clinic,
    current_user,
    patient_required,
    safe_next,
    staff_required,
)
from naltrack.care import selectors as care_selectors
from naltrack.reminders import selectors, services
from naltrack.reminders.clinic import clinic_defaults_save, notification_mark_handled
from naltrack.reminders.defaults import clinic_defaults, quiet_hours_for, reminder_time_for
from naltrack.reminders.forms import ClinicDefaultsForm, PreferenceForm, ProblemHandledForm
from naltrack.reminders.pause_links import pause_link_patient
from naltrack.reminders.quiet_hours import daily_reminder_held


@patient_required
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    patient = care_selectors.patient_own(user=request.user)
    preference = selectors.preference_for(patient=patient)
    initial = {
        "channel": preference.channel if preference else patient.reminder_channel,
        "reminder_time": (preference.reminder_time if preference else None)
        or patient.reminder_time,
        "quiet_start": preference.quiet_start if preference else None,
        "quiet_end": preference.quiet_end if preference else None,
        "time_zone": (preference.time_zone if preference else "") or patient.clinic.time_zone,
        "paused_non_essential": bool(preference and preference.paused_non_essential),
        "opted_in_details": bool(preference and preference.opted_in_details),
    }
    defaults = clinic_defaults(patient.clinic)
    form = PreferenceForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        phone=patient.phone,
        clinic_time=defaults.reminder_time,
        clinic_quiet_hours=quiet_hours_for(preference=None, defaults=defaults),
        clinic_zone=patient.clinic.time_zone,
    )
    if request.method == "POST" and form.is_valid():
        services.preference_update(patient=patient, by=current_user(request), **form.cleaned_data)
        messages.success(request, "Your reminder choices are saved.")
        return redirect("reminders:preferences")
    # What the scheduler will do with the saved choices (the same rules it reads them by).
    held = daily_reminder_held(
        reminder_time=reminder_time_for(patient=patient, preference=preference, defaults=defaults),
        quiet_hours=quiet_hours_for(preference=preference, defaults=defaults),
    )
    own_quiet_hours = preference is not None and preference.quiet_start is not None
    return render(
        request,
        "reminders/preferences.html",
        {
            "patient": patient,
            "form": form,
            "held": held,
            "whose_quiet_hours": "your" if own_quiet_hours else "your clinic’s",
            "clinic_zone": patient.clinic.time_zone,
            "notifications": selectors.notification_history(patient=patient),
            "history_zone": selectors.history_zone(patient=patient),
        },
    )


@require_http_methods(["GET", "POST"])
def pause(request: HttpRequest, token: str) -> HttpResponse:
    """GET only asks (mail scanners follow links); POST pauses. The link is the key."""
    if request.method == "POST":
        patient = services.reminders_pause_by_link(token=token)
    else:
        patient = pause_link_patient(token=token)
    if patient is None:
        # Forged, expired or used up: the same kind page, which names no one.
        return render(request, "reminders/pause_link_gone.html", status=404)
    return render(
        request,
        "reminders/pause.html",
        {"clinic": patient.clinic, "paused": request.method == "POST", "token": token},
    )


# --- the clinic's side ---------------------------------------------------------------------------


@admin_required
@require_http_methods(["GET", "POST"])
def clinic_settings(request: HttpRequest) -> HttpResponse:
    clinic = current_clinic(request)
    saved = clinic_defaults(clinic)
    form = ClinicDefaultsForm(
        request.POST if request.method == "POST" else None,
        initial={
            "time_zone": clinic.time_zone,
            "channel": saved.channel,
            "reminder_time": saved.reminder_time,
            "quiet_start": saved.quiet_start,
            "quiet_end": saved.quiet_end,
        },
    )
    if request.method == "POST" and form.is_valid():
        clinic_defaults_save(clinic=clinic, by=current_user(request), **form.cleaned_data)
        messages.success(request, "The clinic's reminder settings are saved.")
        return redirect("reminders:clinic_settings")
    held = daily_reminder_held(
        reminder_time=saved.reminder_time,
        quiet_hours=quiet_hours_for(preference=None, defaults=saved),
    )
    return render(
        request,
        "reminders/clinic_settings.html",
        {"clinic": clinic, "form": form, "saved": saved, "held": held},
    )


@staff_required
@require_POST
def problem_handled(request: HtmxHttpRequest, notification_id: int) -> HttpResponse:
    """Mark a notification that could not be delivered as handled (htmx swaps its row)."""
    problem = selectors.delivery_problem_get(user=request.user, notification_id=notification_id)
    already = problem.handled_at is not None
    form = ProblemHandledForm(request.POST)
    if form.is_valid():
        problem = notification_mark_handled(
            notification=problem, by=current_user(request), note=form.cleaned_data["note"]
        )
        if not request.htmx:
            if already:
                messages.info(request, f"This was already handled by {problem.handled_by}.")
            else:
                messages.success(request, "Marked as handled.")
            return redirect(safe_next(request) or reverse("clinician:home"))
    context = {
        "problem": problem,
        "clinic": current_clinic(request),
        "form": form,
        "next": safe_next(request),
    }
    if request.htmx:
        return render(request, "reminders/_problem_row.html", context)
    return render(request, "reminders/problem_handled.html", context)
