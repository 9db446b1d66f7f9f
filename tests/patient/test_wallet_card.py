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
from naltrack.patient.wallet_card import _fetch_nothing, wallet_card_data, wallet_card_pdf
from tests.care.helpers import TODAY, started, stop_planned
from tests.factories import PatientFactory, member

pytestmark = pytest.mark.django_db

OWN = reverse("patient:wallet_card")
DAY = dt.timedelta(days=1)
PHONE = "(555) 010-0199"


def staff_copy(patient):
    return reverse("clinician:wallet_card_for", args=[patient.pk])


def text_of(pdf: bytes) -> str:
    """The PDF's text with runs of whitespace (line breaks on the card) made single spaces."""
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def card_text(patient) -> str:
    card = wallet_card_data(patient=patient, today=TODAY)
    assert card is not None
    return text_of(wallet_card_pdf(card=card))


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
        "Naloxone reverses an opioid overdose",
        # Blockade counted as ended 28 days after the last injection.
        long_date(TODAY - dt.timedelta(days=12) + dt.timedelta(days=28)),
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
    text = card_text(patient)
    assert "Tablets, taken by mouth" in text
    assert "Last injection" not in text
    # The card names the medicine, never the condition it treats.
    assert "Alcohol" not in text


def test_tablets_card_gives_the_last_dose_taken_and_the_blockade(patient, clinician):
    _, regimen = started(
        patient, clinician, kind="aud_daily", indication="AUD", day=TODAY - 3 * DAY
    )
    services.dose_record(regimen=regimen, day=TODAY - DAY, status="taken", by=clinician)
    text = card_text(patient)
    assert "I take naltrexone, an opioid blocker" in text
    assert f"Last dose {long_date(TODAY - DAY)}" in text
    # source: REVIA — 50 mg blocks for about a day.
    assert f"until about {long_date(TODAY)}" in text
    assert "Naloxone reverses an opioid overdose" in text


def test_a_patient_who_never_started_gets_no_card_and_is_told_why(client, clinician, patient):
    assert wallet_card_data(patient=patient, today=TODAY) is None
    client.force_login(patient.user)
    page = client.get(OWN)
    assert page.status_code == 200
    assert page["Content-Type"].startswith("text/html")
    assert "not started naltrexone, so there is no card" in page.text
    assert "naloxone" in page.text.lower()
    home = client.get(reverse("patient:home"))
    # The "More" menu still links the card's page, which says why there is none.
    assert "Download your wallet card" not in home.text
    assert "Once you start naltrexone" in home.text
    client.force_login(clinician)
    staff = client.get(staff_copy(patient))
    assert staff.status_code == 200
    assert "has not started naltrexone" in staff.text


def test_a_patient_in_screening_who_never_started_gets_no_card(patient, clinician):
    services.episode_open(patient=patient, indication="OUD", opened_on=TODAY, by=clinician)
    assert wallet_card_data(patient=patient, today=TODAY) is None


@pytest.fixture
def stopped(patient, clinician):
    """A patient on tablets who stopped ten days ago."""
    episode, _ = started(
        patient, clinician, kind="aud_daily", indication="OUD", day=TODAY - 40 * DAY
    )
    stop_planned(episode, clinician, start=TODAY - 10 * DAY)
    return patient


def test_a_stopped_patient_s_card_says_tolerance_is_low(stopped):
    text = card_text(stopped)
    for expected in (
        "I stopped naltrexone",
        "My opioid tolerance is LOW",
        f"Last dose {long_date(TODAY - 11 * DAY)}",
        f"Blockade ended {long_date(TODAY - 10 * DAY)}",
        "use usual or lower opioid doses",
        "Naloxone reverses an opioid overdose",
    ):
        assert expected in text, expected
    for wrong in ("I take naltrexone", "higher doses may be needed", "may not work for me"):
        assert wrong not in text, wrong


def test_a_stopped_patient_back_in_screening_keeps_the_stopped_card(stopped, clinician):
    services.episode_open(patient=stopped, indication="OUD", opened_on=TODAY, by=clinician)
    text = card_text(stopped)
    assert "I stopped naltrexone" in text
    assert "I take naltrexone" not in text


def test_the_staff_copy_says_the_same(client, clinician, stopped):
    client.force_login(clinician)
    text = text_of(client.get(staff_copy(stopped)).content)
    assert "I stopped naltrexone" in text
    assert "I take naltrexone" not in text


def test_after_an_injection_stop_the_blockade_still_wearing_off_is_said(patient, clinician):
    episode, regimen = started(patient, clinician, kind="xr_monthly", day=TODAY - 10 * DAY)
    services.injection_record(
        regimen=regimen, given_on=TODAY - 10 * DAY, site="left_gluteal", lot="L", given_by=clinician
    )
    services.discontinuation_plan_store(
        episode=episode,
        inputs={
            "start": TODAY.isoformat(),
            "formulation": "xr_injection",
            "current_dose_mg": 380,
            "last_injection": (TODAY - 10 * DAY).isoformat(),
            "strategy": "stop",
        },
        by=clinician,
    )
    text = card_text(patient)
    assert "I stopped naltrexone" in text
    assert f"Blockade ends {long_date(TODAY + 18 * DAY)}" in text
    assert "wears off by about" in text


def test_names_are_text_not_markup(clinic, clinician):
    patient = PatientFactory(clinic=clinic, given_name='<img src="http://x.test/a.png">Ann')
    started(patient, clinician)
    text = card_text(patient)
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
