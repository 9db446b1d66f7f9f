"""Sharing a record from the chart: only through a consent in force, only what it names, always
with the notice, and every time in the patient's accounting."""

from __future__ import annotations

import csv
import datetime as dt
import json

import pytest
from django.test import Client
from django.urls import reverse

from naltrack.audit.models import AuditEvent
from naltrack.care import services
from naltrack.disclosure.coverage import Recipient
from naltrack.disclosure.gate import release
from naltrack.disclosure.models import Disclosure
from naltrack.disclosure.notice import PART2_NOTICE, PART2_NOTICE_SHORT
from naltrack.disclosure.record_pdf import record_html
from naltrack.disclosure.services import consent_revoke
from tests.care.helpers import TODAY
from tests.disclosure.helpers import named_terms, signed
from tests.disclosure.sharing_helpers import LAB_WORDS, THERAPY_WORDS, pdf_pages

pytestmark = pytest.mark.django_db

DOCTOR = "Dr Ada Okafor, Eastside Family Practice"


def _as(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def share(client, patient, **changes):
    data = {
        "recipient_name": DOCTOR,
        "recipient_role": "treating_provider",
        "purpose": "treatment",
        "scope": "allowed",
        "fmt": "pdf",
        **changes,
    }
    return client.post(reverse("disclosure:chart_share", args=[patient.pk]), data)


def test_the_chart_links_to_sharing(record, clinician):
    chart = _as(clinician).get(reverse("clinician:patient_chart", args=[record.pk]))
    assert reverse("disclosure:chart_share", args=[record.pk]) in chart.content.decode()


def test_without_a_consent_nothing_downloads_and_the_page_says_why(record, clinician):
    response = share(_as(clinician), record)
    assert response.status_code == 200
    assert "Content-Disposition" not in response
    page = response.content.decode()
    assert "Nothing was shared" in page
    assert "has no consent in force" in page
    assert not Disclosure.objects.exists()


def test_a_category_outside_the_consent_is_refused_and_the_consents_are_listed(record, clinician):
    signed(record)  # medications and labs, to Dr Okafor, for treatment
    response = share(_as(clinician), record, scope="chosen", categories=["labs", "therapy_notes"])
    assert "Content-Disposition" not in response
    page = response.content.decode()
    assert "Nothing was shared" in page
    assert f"To {DOCTOR}" in page and "for treatment" in page
    assert not Disclosure.objects.exists()


def test_chosen_scope_needs_a_category(record, clinician):
    signed(record)
    response = share(_as(clinician), record, scope="chosen")
    assert "Tick at least one kind of information" in response.content.decode()
    assert not Disclosure.objects.exists()


def test_the_pdf_holds_only_the_released_categories_with_the_notice_on_every_page(
    record, clinician
):
    for n in range(1, 80):  # enough doses to run over several pages
        services.dose_record(
            regimen=record.regimens.get(),
            day=TODAY - dt.timedelta(days=n),
            status="taken",
            by=clinician,
        )
    signed(record)
    response = share(_as(clinician), record)
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;") and record.family_name not in disposition
    assert response.content.startswith(b"%PDF")
    pages = pdf_pages(response.content)
    assert len(pages) > 1
    for page in pages:
        assert PART2_NOTICE_SHORT in page
    text = " ".join(pages)
    assert " ".join(PART2_NOTICE.split()[:12]) in text  # the full statement, on page one
    assert DOCTOR in pages[0] and "medicines" in pages[0]  # and the consent's scope
    assert record.full_name in pages[0]
    assert LAB_WORDS in text and "Naltrexone tablet" in text
    assert THERAPY_WORDS not in text and "Therapy sessions" not in text
    disclosure = Disclosure.objects.get()
    assert (disclosure.form, disclosure.recorded_by, sorted(disclosure.categories)) == (
        Disclosure.Form.PDF,
        clinician,
        ["labs", "medications"],
    )
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.EXPORT, patient_id=record.pk, object_type="disclosure"
    ).exists()


def test_the_csv_holds_the_notice_and_only_the_released_rows(record, clinician):
    signed(record)
    response = share(_as(clinician), record, fmt="csv", scope="chosen", categories=["labs"])
    assert response["Content-Type"].startswith("text/csv")
    assert response["Cache-Control"] == "no-store"
    text = response.content.decode()
    comments = [line for line in text.splitlines() if line.startswith("# ")]
    assert " ".join(PART2_NOTICE.split()) in " ".join(comments)
    rows = list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))
    assert {row["category"] for row in rows} == {"labs"}
    assert rows[0]["what"] == "ALT" and rows[0]["value"] == "31 U/L"
    assert Disclosure.objects.get().categories == ["labs"]


def test_the_fhir_file_holds_the_notice_and_only_the_released_categories(record, clinician):
    signed(record)
    response = share(_as(clinician), record, fmt="fhir_bundle")
    assert response["Content-Type"] == "application/fhir+json"
    assert response["Content-Disposition"].endswith('.json"')
    bundle = json.loads(response.content)
    kinds = {entry["resource"]["resourceType"] for entry in bundle["entry"]}
    assert "Encounter" not in kinds and "Observation" in kinds
    provenance = next(
        e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Provenance"
    )
    assert "42 CFR part 2" in provenance["text"]["div"]


def test_a_referral_letter_has_a_cover_naming_the_recipient_and_the_clinician(record, clinician):
    signed(record)
    response = share(_as(clinician), record, fmt="referral")
    assert "referral-" in response["Content-Disposition"]
    first = pdf_pages(response.content)[0]
    assert f"Referral to {DOCTOR}" in first and str(clinician) in first
    assert PART2_NOTICE_SHORT in first
    assert Disclosure.objects.get().what == "Referral letter"


def test_a_withdrawal_between_two_shares_stops_the_second(record, clinician):
    consent = signed(record)
    client = _as(clinician)
    assert share(client, record, fmt="csv").status_code == 200
    consent_revoke(consent=consent, by=record.user)
    second = share(client, record, fmt="csv")
    assert "Content-Disposition" not in second
    assert "Nothing was shared" in second.content.decode()
    assert Disclosure.objects.count() == 1


def test_the_printed_record_is_built_only_from_the_release(record, clinician):
    """The HTML that goes to WeasyPrint: the released sections and nothing else."""
    signed(record, named_terms(categories=["therapy_notes"]))
    given = release(
        by=clinician,
        patient=record,
        recipient=Recipient(DOCTOR, "treating_provider"),
        purpose="treatment",
        form=Disclosure.Form.PDF,
    )
    html = record_html(patient=record, release=given)
    assert THERAPY_WORDS in html
    assert LAB_WORDS not in html and "Naltrexone" not in html
