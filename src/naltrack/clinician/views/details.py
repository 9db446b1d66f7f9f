"""A patient's details: registering a patient at the clinic desk, and correcting the details."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.forms.models import model_to_dict
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from naltrack.accounts.access import current_clinic, current_user, staff_required
from naltrack.care import dates, selectors, services
from naltrack.care.models import Patient
from naltrack.reminders.defaults import clinic_defaults
from naltrack.web.views import get_and_post, posted, submitted

DETAIL_FIELDS = [
    "given_name",
    "family_name",
    "date_of_birth",
    "sex",
    "pregnancy",
    "medical_record_number",
    "email",
    "phone",
    "emergency_contact_name",
    "emergency_contact_phone",
    "insurance_payer",
    "insurance_member_id",
    "reminder_channel",
    "reminder_time",
]


class PatientDetailsForm(forms.ModelForm[Patient]):
    class Meta:
        model = Patient
        fields = DETAIL_FIELDS
        widgets = {
            "date_of_birth": forms.DateInput(attrs={"type": "date"}),
            "reminder_time": forms.TimeInput(attrs={"type": "time"}),
        }
        labels = {"medical_record_number": "Record number", "reminder_time": "Daily reminder at"}

    def clean_date_of_birth(self) -> object:
        born = self.cleaned_data["date_of_birth"]
        allowed = dates.birth_dates()
        if not allowed.allows(born):
            raise forms.ValidationError(allowed.refusal, code="out_of_range")
        return born


@staff_required
@get_and_post
def patient_new(request: HttpRequest) -> HttpResponse:
    clinic = current_clinic(request)
    form = PatientDetailsForm(
        posted(request), initial={"reminder_channel": clinic_defaults(clinic).channel}
    )
    patient = submitted(
        form,
        lambda data: services.patient_create(clinic=clinic, by=current_user(request), **data),
    )
    if patient:
        messages.success(request, f"{patient.full_name} is registered. Next: open an episode.")
        return redirect("clinician:patient_chart", patient.pk)
    return render(request, "clinician/patient_details.html", {"form": form, "patient": None})


@staff_required
@get_and_post
def patient_edit(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = selectors.patient_get(user=request.user, patient_id=patient_id)
    # Not bound to the instance: a ModelForm would write the new values onto it while
    # validating, and the service could no longer see what changed.
    form = PatientDetailsForm(posted(request), initial=model_to_dict(patient, fields=DETAIL_FIELDS))
    saved = submitted(
        form,
        lambda data: services.patient_update(patient=patient, by=current_user(request), **data),
    )
    if saved:
        messages.success(request, "Details saved.")
        return redirect("clinician:patient_chart", patient.pk)
    return render(request, "clinician/patient_details.html", {"form": form, "patient": patient})
