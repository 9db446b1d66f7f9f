"""The emergency disclosure (42 CFR 2.51) from the chart, and the patient's own copy."""

from __future__ import annotations

import base64
import json
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from naltrack.accounts.models import Membership
from naltrack.audit.models import AuditEvent
from naltrack.disclosure.models import Disclosure
from naltrack.disclosure.notice import PART2_NOTICE_SHORT
from tests.disclosure.sharing_helpers import LAB_WORDS, THERAPY_WORDS, pdf_pages
from tests.factories import ClinicFactory, member

pytestmark = pytest.mark.django_db

EMERGENCY = {
    "recipient_name": "Dr Lee Park",
    "recipient_affiliation": "St Mary's Emergency Department",
    "nature": "Brought in unconscious after a fall; needs pain relief",
    "categories": ["medications", "diagnoses", "labs"],
    "how": "spoken",
}


def _as(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _emergency(client, patient, **changes):
    url = reverse("disclosure:chart_share_emergency", args=[patient.pk])
    return client.post(url, {**EMERGENCY, **changes})


def test_the_emergency_page_explains_when_and_proposes_what_an_emergency_needs(record, clinician):
    response = _as(clinician).get(reverse("disclosure:chart_share_emergency", args=[record.pk]))
    page = response.content.decode()
    assert "Medical emergency — without consent (42 CFR 2.51)" in page
    assert "medical personnel" in page
    for checked in ("medications", "diagnoses", "labs"):
        assert re.search(rf'value="{checked}"[^>]*checked', page), checked
    assert not re.search(r'value="therapy_notes"[^>]*checked', page)


@pytest.mark.django_db(transaction=True)
def test_a_spoken_emergency_disclosure_records_every_element_and_tells_the_admins(
    record, clinician, clinic_admin
):
    response = _emergency(_as(clinician), record)
    assert response.status_code == 200 and "Content-Disposition" not in response
    assert "The clinic’s admins have been told by email" in response.content.decode()
    disclosure = Disclosure.objects.get()
    assert (
        disclosure.basis,
        disclosure.form,
        disclosure.recipient_name,
        disclosure.recipient_affiliation,
        disclosure.emergency_nature,
        disclosure.recorded_by,
        sorted(disclosure.categories),
    ) == (
        Disclosure.Basis.EMERGENCY,
        Disclosure.Form.SPOKEN,
        EMERGENCY["recipient_name"],
        EMERGENCY["recipient_affiliation"],
        EMERGENCY["nature"],
        clinician,
        ["diagnoses", "labs", "medications"],
    )
    assert disclosure.recorded_at is not None
    assert [m.to for m in mail.outbox] == [[clinic_admin.email]]
    assert record.full_name not in mail.outbox[0].body


def test_an_emergency_pdf_is_handed_over_on_the_confirmation_page(record, clinician):
    response = _emergency(_as(clinician), record, how="pdf", categories=["labs"])
    assert response["Cache-Control"] == "no-store"
    page = response.content.decode()
    link = re.search(r'href="data:application/pdf;base64,([^"]+)" download="([^"]+)"', page)
    assert link and record.family_name not in link.group(2)
    pdf = base64.b64decode(link.group(1))
    assert pdf.startswith(b"%PDF")
    text = " ".join(pdf_pages(pdf))
    assert "medical emergency (42 CFR 2.51)" in text and PART2_NOTICE_SHORT in text
    assert LAB_WORDS in text and "Naltrexone" not in text
    assert Disclosure.objects.get().form == Disclosure.Form.PDF


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"recipient_affiliation": ""}, "Their hospital or service: This field is required."),
        ({"nature": "   "}, "What the emergency is: This field is required."),
        ({"categories": []}, "Choose what the emergency needs."),
    ],
)
def test_an_emergency_disclosure_needs_every_element(record, clinician, changes, message):
    response = _emergency(_as(clinician), record, **changes)
    assert message in response.content.decode()
    assert not Disclosure.objects.exists()


# --- the patient's own copy ---------------------------------------------------------------------


def test_the_patient_finds_their_record_in_the_more_menu(record):
    page = _as(record.user).get(reverse("disclosure:my_record")).content.decode()
    assert "Your record is yours." in page
    assert 'href="/me/record/"' in page
    assert "other clinics’ computer systems" in page


def test_the_patient_downloads_their_whole_record_as_a_pdf(record):
    response = _as(record.user).post(reverse("disclosure:my_record"), {"fmt": "pdf"})
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    text = " ".join(pdf_pages(response.content))
    assert record.full_name in text
    assert LAB_WORDS in text and THERAPY_WORDS in text  # the whole record
    assert "Your own copy of your record" in text
    disclosure = Disclosure.objects.get()
    assert (disclosure.basis, disclosure.form, disclosure.recorded_by) == (
        Disclosure.Basis.PATIENT,
        Disclosure.Form.PDF,
        record.user,
    )
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.EXPORT, patient_id=record.pk, actor_id=record.user.pk
    ).exists()


def test_the_patient_downloads_their_record_as_a_fhir_file(record):
    response = _as(record.user).post(reverse("disclosure:my_record"), {"fmt": "fhir_bundle"})
    assert response["Content-Type"] == "application/fhir+json"
    bundle = json.loads(response.content)
    patients = [
        e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient"
    ]
    assert [p["name"][0]["family"] for p in patients] == [record.family_name]
    assert Disclosure.objects.get().form == Disclosure.Form.FHIR_BUNDLE


def test_the_patient_gets_only_their_own_record(record, other_patient):
    response = _as(other_patient.user).post(reverse("disclosure:my_record"), {"fmt": "pdf"})
    text = " ".join(pdf_pages(response.content))
    assert other_patient.full_name in text and record.full_name not in text
    assert Disclosure.objects.get().patient == other_patient


def test_a_bad_choice_gets_a_message_not_a_file(record):
    response = _as(record.user).post(reverse("disclosure:my_record"), {"fmt": "xml"})
    assert "Content-Disposition" not in response
    assert "Please choose one of the two downloads" in response.content.decode()
    assert not Disclosure.objects.exists()


@pytest.mark.parametrize("route", ["disclosure:chart_share", "disclosure:chart_share_emergency"])
def test_staff_of_another_clinic_get_404(record, route):
    stranger = _as(member(ClinicFactory(), Membership.Role.CLINICIAN))
    url = reverse(route, args=[record.pk])
    assert stranger.get(url).status_code == 404
    assert stranger.post(url, EMERGENCY).status_code == 404
    assert not Disclosure.objects.exists()


def test_clinic_staff_cannot_open_the_patients_own_copy_page(record, clinician):
    assert _as(clinician).get(reverse("disclosure:my_record")).status_code == 404
