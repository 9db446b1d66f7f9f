from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from naltrack.care.models import Patient
from naltrack.disclosure.models import Consent
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
