"""The wallet card PDF: what it says (read back from the PDF), who may download it, the audit."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from naltrack.accounts.models import Membership
from naltrack.audit.models import AuditEvent
from naltrack.care import services
from naltrack.patient.wallet_card import _fetch_nothing, wallet_card_pdf
from tests.care.helpers import TODAY, started
from tests.factories import PatientFactory, member

pytestmark = pytest.mark.django_db

OWN = reverse("patient:wallet_card")
PHONE = "(555) 010-0199"


def staff_copy(patient):
    return reverse("clinician:wallet_card_for", args=[patient.pk])


def text_of(pdf: bytes) -> str:
    """The PDF's text with runs of whitespace (line breaks on the card) made single spaces."""
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def long_date(day: dt.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


@pytest.fixture
def clinic(clinic):
    clinic.phone = PHONE
    clinic.save()
    return clinic


@pytest.fixture
def on_injection(patient, clinician):
    _, regimen = started(patient, clinician, kind="xr_monthly", day=TODAY - dt.timedelta(days=40))
    services.injection_record(
        regimen=regimen,
        given_on=TODAY - dt.timedelta(days=40),
        site="left_gluteal",
        lot="A1",
        given_by=clinician,
    )
    services.injection_record(
        regimen=regimen,
        given_on=TODAY - dt.timedelta(days=12),
        site="right_gluteal",
        lot="A2",
        given_by=clinician,
    )
    return patient


def test_patient_downloads_own_card_with_the_emergency_advice(client, on_injection):
    patient = on_injection
    client.force_login(patient.user)
    response = client.get(OWN)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="naltrexone-wallet-card.pdf"'
    pdf = response.content
    assert pdf.startswith(b"%PDF")
    # One US Letter page with the card's two sides to cut out (see patient.wallet_card).
    (page,) = PdfReader(io.BytesIO(pdf)).pages
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (612, 792)
    text = text_of(pdf)
    for expected in (
        "I take naltrexone, an opioid blocker",
        patient.full_name,
        "Riverside",
        PHONE,
        "Monthly injection",
        long_date(TODAY - dt.timedelta(days=12)),
        "Naltrexone blocks opioid analgesics",
        "regional anesthesia",
        "conscious sedation with a benzodiazepine",
        "non-opioid analgesics",
        "general anesthesia",
        "higher doses may be needed",
        "monitor the patient continuously in an anesthesia care setting",
        "72 hours before",
        "30 days before",
        "opioid tolerance is lower",
        "REVIA",
        "VIVITROL",
        "ASAM",
    ):
        assert expected in text, expected
    # The last injection, not the one before it.
    assert long_date(TODAY - dt.timedelta(days=40)) not in text


def test_export_is_audited(client, on_injection):
    patient = on_injection
    client.force_login(patient.user)
    client.get(OWN)
    event = AuditEvent.objects.get(action=AuditEvent.Action.EXPORT, object_type="wallet_card")
    assert (event.patient_id, event.actor_id, event.clinic_id) == (
        patient.pk,
        patient.user.pk,
        patient.clinic_id,
    )


def test_tablets_card_says_tablets_and_no_injection_date(patient, clinician):
    started(patient, clinician, kind="aud_daily", indication="AUD")
    text = text_of(wallet_card_pdf(patient=patient, today=TODAY))
    assert "Tablets, taken by mouth" in text
    assert "Last injection" not in text
    # The card names the medicine, never the condition it treats.
    assert "Alcohol" not in text


def test_card_without_a_regimen_says_to_ask_the_clinic(patient):
    text = text_of(wallet_card_pdf(patient=patient, today=TODAY))
    assert "I take naltrexone, an opioid blocker" in text
    assert "Ask my clinic" in text


def test_names_are_text_not_markup(clinic):
    patient = PatientFactory(clinic=clinic, given_name='<img src="http://x.test/a.png">Ann')
    text = text_of(wallet_card_pdf(patient=patient, today=TODAY))
    assert '<img src="http://x.test/a.png">Ann' in text


def test_renderer_may_fetch_nothing():
    fetcher = _fetch_nothing()
    for url in ("http://example.test/font.woff", "https://example.test/a.css", "file:///etc/hosts"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


def test_clinician_downloads_a_copy_and_it_is_audited(client, clinician, on_injection):
    client.force_login(clinician)
    response = client.get(staff_copy(on_injection))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert on_injection.full_name in text_of(response.content)
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.EXPORT,
        object_type="wallet_card",
        patient_id=on_injection.pk,
        actor_id=clinician.pk,
    ).exists()


def test_staff_of_another_clinic_get_404(client, other_clinic, patient):
    client.force_login(member(other_clinic, Membership.Role.CLINICIAN))
    assert client.get(staff_copy(patient)).status_code == 404
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT).exists()


def test_wrong_role_gets_404(client, clinician, patient, other_patient):
    client.force_login(patient.user)
    assert client.get(staff_copy(patient)).status_code == 404
    assert client.get(staff_copy(other_patient)).status_code == 404
    client.force_login(clinician)
    assert client.get(OWN).status_code == 404


@pytest.mark.parametrize("name", ["own", "staff"])
def test_anonymous_is_sent_to_sign_in(client, patient, name):
    url = OWN if name == "own" else staff_copy(patient)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert "next=" in response["Location"]


def test_only_get(client, patient):
    client.force_login(patient.user)
    assert client.post(OWN).status_code == 405
