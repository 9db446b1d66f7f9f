"""A patient's details: registering a patient at the clinic desk, and correcting the details."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.forms.models import model_to_dict
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from naltrack.accounts.access import current_clinic, current_user, staff_required
from naltrack.accounts.models import Clinic
from naltrack.care import dates, patient_rules, selectors, services
from naltrack.care.models import Patient
from naltrack.reminders.defaults import clinic_defaults
from naltrack.web.phone_fields import phone_field
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
    """A patient's details, checked against the record's rules (``care.patient_rules``) before
    the service checks them again. Registering a new patient also asks, when the clinic may
    already have them, why this is a different person."""

    different_person_reason = forms.CharField(
        label="Why is this a different person?",
        max_length=200,
        required=False,
        help_text="For example “Twins” or “Different person with the same name”.",
    )

    class Meta:
        model = Patient
        fields = DETAIL_FIELDS
        widgets = {
            "date_of_birth": forms.DateInput(attrs={"type": "date"}),
            "reminder_time": forms.TimeInput(attrs={"type": "time"}),
        }
        labels = {"medical_record_number": "Record number", "reminder_time": "Daily reminder at"}

    def __init__(
        self, *args: Any, clinic: Clinic, patient: Patient | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.clinic, self.patient = clinic, patient
        self.fields["phone"] = phone_field("Phone")
        self.fields["emergency_contact_phone"] = phone_field("Emergency contact phone")
        if patient is not None:
            del self.fields["different_person_reason"]

    def clean_date_of_birth(self) -> object:
        born = self.cleaned_data["date_of_birth"]
        allowed = dates.birth_dates()
        if not allowed.allows(born):
            raise forms.ValidationError(allowed.refusal, code="out_of_range")
        return born

    def clean_medical_record_number(self) -> str:
        number = patient_rules.record_number_normal(self.cleaned_data["medical_record_number"])
        refusal = patient_rules.record_number_refusal(
            clinic_id=self.clinic.pk,
            number=number,
            patient_id=self.patient.pk if self.patient else None,
        )
        if refusal:
            raise forms.ValidationError(refusal, code="taken")
        return number

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.has_error("sex") and not self.has_error("pregnancy"):
            refusal = patient_rules.sex_and_pregnancy_refusal(
                sex=data.get("sex", ""), pregnancy=data.get("pregnancy", "")
            )
            if refusal:
                self.add_error("sex", refusal)
                self.add_error("pregnancy", refusal)
        if not self.has_error("phone") and not self.has_error("reminder_channel"):
            refusal = patient_rules.text_reminders_refusal(
                channel=data.get("reminder_channel", ""), phone=data.get("phone")
            )
            if refusal:
                self.add_error("reminder_channel", refusal)
        return data


def _same_person_details(data: dict[str, Any]) -> dict[str, Any]:
    return {
        name: data.get(name)
        for name in ("given_name", "family_name", "date_of_birth", "email", "phone")
    }


@staff_required
@get_and_post
def patient_new(request: HttpRequest) -> HttpResponse:
    clinic, user = current_clinic(request), current_user(request)
    form = PatientDetailsForm(
        posted(request),
        clinic=clinic,
        initial={"reminder_channel": clinic_defaults(clinic).channel},
    )
    candidates: list[selectors.LikelyDuplicate] = []

    def register(data: dict[str, Any]) -> Patient:
        details = dict(data)
        reason = details.pop("different_person_reason", "")
        candidates.extend(
            selectors.likely_duplicates(user=request.user, **_same_person_details(details))
        )
        return services.patient_create(
            clinic=clinic,
            by=user,
            likely_duplicates=[candidate.patient for candidate in candidates],
            different_person_reason=reason,
            **details,
        )

    patient = submitted(form, register)
    if patient:
        messages.success(request, f"{patient.full_name} is registered. Next: open an episode.")
        return redirect("clinician:patient_chart", patient.pk)
    return render(
        request,
        "clinician/patient_details.html",
        {"form": form, "patient": None, "likely_duplicates": candidates},
    )


@staff_required
@get_and_post
def patient_edit(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = selectors.patient_get(user=request.user, patient_id=patient_id)
    # Not bound to the instance: a ModelForm would write the new values onto it while
    # validating, and the service could no longer see what changed.
    form = PatientDetailsForm(
        posted(request),
        clinic=patient.clinic,
        patient=patient,
        initial=model_to_dict(patient, fields=DETAIL_FIELDS),
    )
    saved = submitted(
        form,
        lambda data: services.patient_update(patient=patient, by=current_user(request), **data),
    )
    if saved:
        messages.success(request, "Details saved.")
        return redirect("clinician:patient_chart", patient.pk)
    return render(request, "clinician/patient_details.html", {"form": form, "patient": patient})
