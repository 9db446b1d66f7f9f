"""Each consent prints as a PDF holding every element of 42 CFR §2.31(a)."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from naltrack.audit.models import AuditEvent
from naltrack.disclosure.services import consent_revoke
from tests.disclosure.helpers import named_terms, signed

pytestmark = pytest.mark.django_db


def _text(pdf: bytes) -> str:
    return " ".join(
        " ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )


def test_the_pdf_prints_every_element(patient):
    consent = signed(
        patient,
        named_terms(
            purposes=["treatment", "other"],
            purpose_other="To plan my surgery",
            expiry_event="When my surgery is over",
        ),
    )
    client = Client()
    client.force_login(patient.user)
    response = client.get(reverse("disclosure:my_consent_pdf", args=[consent.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    text = _text(response.content)
    for element in (
        patient.full_name,  # (a)(1)
        patient.clinic.name,  # (a)(2)
        "Lab results (liver tests)",  # (a)(3)
        "Medicines (naltrexone doses and injections)",
        "Dr Ada Okafor, Eastside Family Practice",  # (a)(4)
        "Treatment; To plan my surgery",  # (a)(5)
        "You can withdraw this consent at any time",  # (a)(6)
        consent.expires_on.strftime("%-d %b %Y"),  # (a)(7)
        "When my surgery is over",
        "signed electronically",  # (a)(8)
        consent.signed_on.strftime("%-d %b %Y"),  # (a)(9)
        "may be shared again",  # (a)(4)(iii)
        "42 CFR Part 2",
        "This consent is in force.",
    ):
        assert element in text, element
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.EXPORT, object_type="consent", patient_id=patient.pk
    ).exists()


def test_a_withdrawn_consent_says_so_on_paper(patient, clinician):
    consent = signed(patient)
    consent_revoke(consent=consent, by=patient.user)
    client = Client()
    client.force_login(clinician)
    response = client.get(reverse("disclosure:chart_consent_pdf", args=[patient.pk, consent.pk]))
    text = _text(response.content)
    assert "withdrawn and no longer allows any sharing" in text
    assert "Withdrawn" in text
