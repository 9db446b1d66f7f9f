"""The consent pages: the patient's own, and the chart's."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from naltrack.accounts.models import Membership
from naltrack.audit.models import AuditEvent
from naltrack.disclosure.models import Consent
from tests.disclosure.helpers import PDF_BYTES, scan, signed
from tests.factories import ClinicFactory, member

pytestmark = pytest.mark.django_db


def _as(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _patient_form(patient, **changes):
    return {
        "recipient_kind": "named",
        "recipient_name": "Dr Ada Okafor",
        "purposes": ["treatment"],
        "categories": ["labs"],
        "expires_on": (timezone.localdate() + dt.timedelta(days=90)).isoformat(),
        "expiry_event": "",
        "understood": "on",
        "signed_name": patient.full_name,
        **changes,
    }


def test_the_patient_signs_a_consent_in_their_pages(patient):
    client = _as(patient.user)
    page = client.get(reverse("disclosure:my_consent_new"))
    assert "You can withdraw this consent at any time" in page.content.decode()
    response = client.post(reverse("disclosure:my_consent_new"), _patient_form(patient))
    assert response.status_code == 302
    consent = Consent.objects.get()
    assert consent.signed_by == patient.user
    listing = client.get(reverse("disclosure:my_consents")).content.decode()
    assert "Dr Ada Okafor" in listing and "In force." in listing


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"recipient_name": ""}, "Name who may receive the records."),
        ({"categories": []}, "Choose which information may be shared, or all of it."),
        ({"expires_on": ""}, "Give a date when the consent ends, or an event that ends it."),
        ({"signed_name": "Not Me"}, "type your full name as your clinic has it"),
        ({"understood": ""}, "Please confirm you have read the consent."),
        ({"expires_on": "9999-12-31"}, "three years later"),
    ],
)
def test_a_missing_element_is_a_clear_form_error(patient, changes, message):
    response = _as(patient.user).post(
        reverse("disclosure:my_consent_new"), _patient_form(patient, **changes)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Consent.objects.exists()


def test_a_general_designation_is_written_in_the_rules_words(patient):
    _as(patient.user).post(
        reverse("disclosure:my_consent_new"),
        _patient_form(
            patient,
            recipient_kind="general_tpo",
            recipient_name="",
            recipient_roles=["treating_provider"],
            all_records="on",
            categories=[],
        ),
    )
    consent = Consent.objects.get()
    assert consent.recipient_name.startswith("my treating providers")
    assert consent.all_records and consent.categories == []


def test_the_patient_withdraws_after_a_confirmation(patient):
    consent = signed(patient)
    client = _as(patient.user)
    url = reverse("disclosure:my_consent_withdraw", args=[consent.pk])
    assert "Withdraw this consent?" in client.get(url).content.decode()
    consent.refresh_from_db()
    assert consent.is_active()
    client.post(url)
    consent.refresh_from_db()
    assert consent.revoked_by == patient.user and not consent.is_active()
    again = client.post(url, follow=True)
    assert "already withdrawn" in again.content.decode()


def test_a_clinician_records_a_paper_consent_and_opens_its_scan(patient, clinician):
    client = _as(clinician)
    response = client.post(
        reverse("disclosure:chart_consent_paper", args=[patient.pk]),
        {
            "recipient_kind": "general_tpo",
            "recipient_roles": ["treating_provider", "payer"],
            "purposes": ["treatment", "payment"],
            "all_records": "on",
            "expiry_event": "End of treatment",
            "signed_name": patient.full_name,
            "signed_on": timezone.localdate().isoformat(),
            "scan": scan(),
        },
    )
    assert response.status_code == 302
    consent = Consent.objects.get()
    assert consent.signature_kind == Consent.Signature.PAPER
    download = client.get(reverse("disclosure:chart_consent_scan", args=[patient.pk, consent.pk]))
    assert download.status_code == 200
    assert download.content == PDF_BYTES
    assert download["Cache-Control"] == "no-store"
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.READ, object_type="consent", detail__scan=True
    ).exists()


def test_a_scan_of_the_wrong_kind_is_a_form_error(patient, clinician):
    response = _as(clinician).post(
        reverse("disclosure:chart_consent_paper", args=[patient.pk]),
        {
            "recipient_kind": "named",
            "recipient_name": "Acme Health Plan",
            "purposes": ["payment"],
            "categories": ["medications"],
            "expiry_event": "End of treatment",
            "signed_name": patient.full_name,
            "signed_on": timezone.localdate().isoformat(),
            "scan": scan(b"GIF89a not allowed", "form.gif"),
        },
    )
    assert response.status_code == 200
    assert "Attach the scan as a PDF, JPEG or PNG file." in response.content.decode()


def test_the_chart_lists_consents_and_withdraws_on_the_patients_word(patient, clinician):
    consent = signed(patient)
    client = _as(clinician)
    page = client.get(reverse("disclosure:chart_consents", args=[patient.pk])).content.decode()
    assert "Dr Ada Okafor" in page and "in force" in page
    chart = client.get(reverse("clinician:patient_chart", args=[patient.pk])).content.decode()
    assert reverse("disclosure:chart_consents", args=[patient.pk]) in chart
    client.post(reverse("disclosure:chart_consent_withdraw", args=[patient.pk, consent.pk]))
    consent.refresh_from_db()
    assert consent.revoked_by == clinician


def test_my_consents_is_in_the_patients_more_menu(patient):
    home = _as(patient.user).get(reverse("patient:home")).content.decode()
    assert reverse("disclosure:my_consents") in home


def test_another_clinic_or_patient_cannot_reach_a_consent(patient, other_patient, clinician):
    consent = signed(patient)
    outsider = member(ClinicFactory(), Membership.Role.CLINICIAN)
    chart_urls = [
        reverse(name, args=[patient.pk, consent.pk])
        for name in (
            "disclosure:chart_consent_pdf",
            "disclosure:chart_consent_scan",
            "disclosure:chart_consent_withdraw",
        )
    ]
    for url in chart_urls:
        assert _as(outsider).get(url).status_code == 404
        assert _as(outsider).post(url).status_code in (404, 405)
    for name in ("disclosure:my_consent_pdf", "disclosure:my_consent_withdraw"):
        url = reverse(name, args=[consent.pk])
        assert _as(other_patient.user).get(url).status_code == 404
        assert _as(other_patient.user).post(url).status_code in (404, 405)
    consent.refresh_from_db()
    assert consent.is_active()
