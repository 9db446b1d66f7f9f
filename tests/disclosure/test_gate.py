"""The one gate: nothing leaves without a covering consent, an emergency, or the patient's own
right; what leaves is only what the consent names; every time is in the patient's accounting."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from naltrack.audit.models import AuditEvent
from naltrack.care.errors import ClinicalRuleError
from naltrack.disclosure.coverage import Recipient
from naltrack.disclosure.gate import (
    NotCovered,
    covered_patients,
    release,
    release_in_emergency,
    release_many,
    release_to_patient,
)
from naltrack.disclosure.models import Consent, Disclosure
from naltrack.disclosure.notice import PART2_NOTICE
from naltrack.disclosure.services import consent_revoke
from tests.disclosure.helpers import named_terms, signed, tpo_terms

pytestmark = pytest.mark.django_db

DOCTOR = Recipient("Dr Ada Okafor, Eastside Family Practice", Consent.Role.TREATING_PROVIDER)
PAYER = Recipient("Acme Health Plan", Consent.Role.PAYER)
FHIR = Disclosure.Form.FHIR_BUNDLE


def _release(patient, clinician, recipient=DOCTOR, purpose="treatment", categories=None):
    return release(
        by=clinician,
        patient=patient,
        recipient=recipient,
        purpose=purpose,
        form=FHIR,
        categories=categories,
    )


def test_without_a_consent_nothing_leaves_and_the_refusal_is_in_the_trail(patient, clinician):
    with pytest.raises(NotCovered) as refused:
        _release(patient, clinician)
    assert "Nothing was shared" in refused.value.message
    assert not Disclosure.objects.exists()
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.DENIED, object_type="disclosure", actor_id=clinician.pk
    ).exists()


def test_a_named_consent_releases_its_categories_with_the_notice(patient, clinician):
    consent = signed(patient)  # medications and labs, to Dr Okafor, for treatment
    given = _release(patient, clinician, Recipient(" dr ada okafor,  Eastside Family Practice", ""))
    assert given.categories == {"medications", "labs"}
    assert given.notice.startswith(PART2_NOTICE)
    assert "Dr Ada Okafor" in given.notice and "medicines" in given.notice  # §2.32(b): the scope
    row = given.disclosure
    assert (row.basis, row.consent, row.recorded_by, row.form) == (
        "consent",
        consent,
        clinician,
        FHIR,
    )
    assert sorted(row.categories) == ["labs", "medications"]
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.EXPORT, patient_id=patient.pk
    ).exists()


@pytest.mark.parametrize(
    ("recipient", "purpose", "categories"),
    [
        (Recipient("Dr Someone Else", Consent.Role.TREATING_PROVIDER), "treatment", None),
        (DOCTOR, "payment", None),  # a purpose the consent does not name
        (DOCTOR, "treatment", ["labs", "therapy_notes"]),  # one category outside it
        (DOCTOR, "treatment", []),
    ],
)
def test_anything_outside_the_consent_is_refused(
    patient, clinician, recipient, purpose, categories
):
    signed(patient)
    with pytest.raises(NotCovered):
        _release(patient, clinician, recipient, purpose, categories)
    assert not Disclosure.objects.exists()


def test_asking_for_less_than_the_consent_allows_releases_only_that(patient, clinician):
    signed(patient)
    assert _release(patient, clinician, categories=["labs"]).categories == {"labs"}


def test_a_withdrawal_stops_the_very_next_disclosure(patient, clinician):
    consent = signed(patient)
    _release(patient, clinician)
    consent_revoke(consent=consent, by=patient.user)
    with pytest.raises(NotCovered):
        _release(patient, clinician)
    assert Disclosure.objects.count() == 1


def test_an_expired_consent_stops_it(patient, clinician):
    consent = signed(patient)
    Consent.objects.filter(pk=consent.pk).update(
        expires_on=timezone.localdate() - dt.timedelta(days=1)
    )
    with pytest.raises(NotCovered):
        _release(patient, clinician)


def test_a_general_designation_reaches_its_roles_and_only_for_tpo(patient, clinician):
    signed(patient, tpo_terms())  # treating providers, treatment, all records
    anyone_treating = Recipient("Mercy Hospital", Consent.Role.TREATING_PROVIDER)
    given = _release(patient, clinician, anyone_treating)
    assert given.categories == set(Consent.Category.values)
    with pytest.raises(NotCovered):
        _release(patient, clinician, PAYER)  # a role the designation does not name
    with pytest.raises(NotCovered):
        _release(patient, clinician, anyone_treating, purpose="other")


def test_the_bulk_release_takes_only_covered_patients(clinic, patient, other_patient, clinician):
    signed(patient)
    signed(other_patient, named_terms(recipient_name="Someone else entirely"))
    assert covered_patients(clinic=clinic, recipient=DOCTOR, purpose="treatment") == [patient]
    released = release_many(
        by=clinician, clinic=clinic, recipient=DOCTOR, purpose="treatment", form="fhir_bulk"
    )
    assert [p for p, _ in released] == [patient]
    assert Disclosure.objects.get().patient == patient


def test_an_emergency_disclosure_records_what_the_rule_asks_and_tells_the_admins(
    patient, clinician, clinic_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        given = release_in_emergency(
            by=clinician,
            patient=patient,
            recipient_name="Dr Lee",
            recipient_affiliation="St Mary's emergency department",
            nature="Unconscious after an overdose; the team asked what he takes",
            form=Disclosure.Form.SPOKEN,
            categories=["medications"],
        )
    row = given.disclosure
    assert row.basis == "emergency" and row.consent is None
    assert (row.recipient_name, row.recipient_affiliation, row.recorded_by) == (
        "Dr Lee",
        "St Mary's emergency department",
        clinician,
    )
    assert "overdose" in row.emergency_nature and row.recorded_at is not None
    assert given.categories == {"medications"} and "2.51" in given.notice
    (sent,) = mail.outbox
    assert sent.to == [clinic_admin.email] and "emergency" in sent.subject
    assert patient.full_name not in sent.body  # the email says where to look, not who


@pytest.mark.parametrize("missing", ["recipient_name", "recipient_affiliation", "nature"])
def test_an_emergency_disclosure_needs_every_element(patient, clinician, missing):
    values = {"recipient_name": "Dr Lee", "recipient_affiliation": "St Mary's", "nature": "Seizure"}
    values[missing] = "  "
    with pytest.raises(ClinicalRuleError) as refused:
        release_in_emergency(by=clinician, patient=patient, form="spoken", **values)
    assert refused.value.field == missing
    assert not Disclosure.objects.exists()


def test_only_the_clinics_staff_disclose_in_an_emergency(patient, other_patient, foreign_patient):
    with pytest.raises(ClinicalRuleError):
        release_in_emergency(
            by=other_patient.user,
            patient=patient,
            recipient_name="Dr Lee",
            recipient_affiliation="St Mary's",
            nature="Seizure",
            form="spoken",
        )


def test_the_patients_own_copy_is_theirs_alone_and_recorded(patient, other_patient):
    given = release_to_patient(by=patient.user, patient=patient, form=Disclosure.Form.PDF)
    assert given.categories == set(Consent.Category.values)
    assert given.disclosure.basis == "patient" and given.disclosure.recipient_name == (
        patient.full_name
    )
    with pytest.raises(ClinicalRuleError):
        release_to_patient(by=other_patient.user, patient=patient, form=Disclosure.Form.PDF)
