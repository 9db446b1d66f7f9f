from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from fhir.resources.R4B.bundle import Bundle

from naltrack.accounts.models import Membership, User
from naltrack.care.models import Patient
from naltrack.disclosure.fhir.bundle import patient_everything
from naltrack.disclosure.gate import release_to_patient
from naltrack.disclosure.models import Consent, Disclosure
from naltrack.disclosure.services import GENERAL_DESIGNATION, ConsentTerms, consent_sign

PDF_BYTES = b"%PDF-1.4\n% a scanned consent form\n"


def scan(content: bytes = PDF_BYTES, name: str = "form.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def named_terms(**changes: Any) -> ConsentTerms:
    values: dict[str, Any] = {
        "recipient_kind": Consent.RecipientKind.NAMED,
        "recipient_name": "Dr Ada Okafor, Eastside Family Practice",
        "purposes": [Consent.Purpose.TREATMENT],
        "categories": [Consent.Category.MEDICATIONS, Consent.Category.LABS],
        "expires_on": timezone.localdate() + dt.timedelta(days=365),
    }
    return ConsentTerms(**{**values, **changes})


def tpo_terms(**changes: Any) -> ConsentTerms:
    values: dict[str, Any] = {
        "recipient_kind": Consent.RecipientKind.GENERAL_TPO,
        "recipient_name": GENERAL_DESIGNATION,
        "recipient_roles": [Consent.Role.TREATING_PROVIDER],
        "purposes": [Consent.Purpose.TREATMENT],
        "all_records": True,
        "expiry_event": "When I finish treatment at this clinic",
    }
    return ConsentTerms(**{**values, **changes})


def signed(patient: Patient, terms: ConsentTerms | None = None) -> Consent:
    return consent_sign(
        patient=patient,
        terms=terms or named_terms(),
        signed_name=patient.full_name,
        by=patient.user,
    )


def whole_record(patient: Patient) -> Bundle:
    """The patient's whole record as the Bundle of their own copy (through the gate)."""
    by = patient.user if patient.user_id else clinic_staff(patient)
    release = release_to_patient(by=by, patient=patient, form=Disclosure.Form.FHIR_BUNDLE)
    return patient_everything(patient, release)


def clinic_staff(patient: Patient) -> Any:
    return User.objects.filter(
        membership__clinic_id=patient.clinic_id, membership__role__in=Membership.STAFF_ROLES
    ).first()
