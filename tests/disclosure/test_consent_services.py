"""Signing, attesting and withdrawing a consent: every element of 42 CFR §2.31 is required."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from django.utils import timezone

from naltrack.audit.models import AuditEvent
from naltrack.care.errors import ClinicalRuleError
from naltrack.disclosure.models import Consent
from naltrack.disclosure.services import consent_attest, consent_revoke, consent_sign
from tests.disclosure.helpers import PDF_BYTES, named_terms, scan, signed, tpo_terms

pytestmark = pytest.mark.django_db


def test_a_patient_signs_a_consent_with_every_element(patient):
    consent = signed(patient)
    assert consent.discloser_name == patient.clinic.name
    assert consent.signature_kind == Consent.Signature.ELECTRONIC
    assert consent.signed_by == patient.user
    assert consent.signed_on == timezone.localdate()
    assert consent.is_active()
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.CREATE, object_type="consent", patient_id=patient.pk
    ).exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"recipient_kind": "nobody"}, "recipient_kind"),
        ({"recipient_name": "  "}, "recipient_name"),
        ({"purposes": []}, "purposes"),
        ({"purposes": ["other"], "purpose_other": ""}, "purpose_other"),
        ({"categories": []}, "categories"),
        ({"categories": ["everything"]}, "categories"),
        ({"expires_on": None, "expiry_event": ""}, "expires_on"),
        ({"expires_on": dt.date(2001, 1, 1)}, "expires_on"),
        ({"expires_on": dt.date(9999, 12, 31)}, "expires_on"),
        ({"recipient_roles": ["payer"]}, "recipient_roles"),
    ],
)
def test_each_element_of_a_named_consent_is_required(patient, changes, field):
    with pytest.raises(ClinicalRuleError) as refused:
        signed(patient, named_terms(**changes))
    assert refused.value.field == field
    assert not Consent.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"recipient_roles": []}, "recipient_roles"),
        ({"recipient_roles": ["other"]}, "recipient_roles"),
        # source: 42 CFR 2.31(a)(4)(i) — a general designation is for TPO only
        ({"purposes": ["treatment", "patient_request"]}, "purposes"),
    ],
)
def test_a_general_designation_is_for_treatment_payment_and_operations_only(
    patient, changes, field
):
    with pytest.raises(ClinicalRuleError) as refused:
        signed(patient, tpo_terms(**changes))
    assert refused.value.field == field


def test_an_expiry_event_alone_is_enough(patient):
    consent = signed(patient, named_terms(expires_on=None, expiry_event="When my surgery is over"))
    assert consent.expires_on is None
    assert consent.is_active()


def test_the_typed_name_must_be_the_patients(patient):
    with pytest.raises(ClinicalRuleError) as refused:
        consent_sign(
            patient=patient, terms=named_terms(), signed_name="Someone Else", by=patient.user
        )
    assert refused.value.field == "signed_name"
    consent = consent_sign(
        patient=patient,
        terms=named_terms(),
        signed_name=f"  {patient.full_name.upper()} ",
        by=patient.user,
    )
    assert consent.signed_name == patient.full_name


def test_only_the_patient_themself_signs_electronically(patient, other_patient, clinician):
    for someone in (other_patient.user, clinician):
        with pytest.raises(ClinicalRuleError):
            consent_sign(
                patient=patient, terms=named_terms(), signed_name=patient.full_name, by=someone
            )
    assert not Consent.objects.exists()


def test_staff_of_the_clinic_record_a_signed_paper_form(patient, clinician):
    consent = consent_attest(
        patient=patient,
        terms=tpo_terms(recipient_roles=["treating_provider", "payer"], purposes=["payment"]),
        signed_name=patient.full_name,
        signed_on=timezone.localdate() - dt.timedelta(days=2),
        scan=scan(),
        by=clinician,
    )
    assert consent.signature_kind == Consent.Signature.PAPER
    assert consent.signed_by == clinician
    consent.refresh_from_db()
    assert bytes(consent.scan) == PDF_BYTES and consent.scan_kind == "pdf"


def test_a_scan_is_stored_by_what_it_is_not_by_its_uploaded_name(patient, clinician):
    consent = consent_attest(
        patient=patient,
        terms=named_terms(),
        signed_name=patient.full_name,
        signed_on=timezone.localdate(),
        scan=scan(b"\x89PNG\r\n\x1a\n a photo", f"{patient.family_name}.pdf"),
        by=clinician,
    )
    consent.refresh_from_db()
    assert consent.scan_kind == "png" and bytes(consent.scan).startswith(b"\x89PNG")


def test_only_staff_of_the_patients_clinic_attest(patient, other_patient, foreign_patient):
    from naltrack.accounts.models import Membership
    from tests.factories import member

    outsider = member(foreign_patient.clinic, Membership.Role.CLINICIAN)
    for someone in (outsider, patient.user, other_patient.user):
        with pytest.raises(ClinicalRuleError):
            consent_attest(
                patient=patient,
                terms=named_terms(),
                signed_name=patient.full_name,
                signed_on=timezone.localdate(),
                scan=scan(),
                by=someone,
            )
    assert not Consent.objects.exists()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (None, "Attach"),
        (scan(b"MZ\x90\x00 not a picture", "form.pdf"), "PDF, JPEG or PNG"),
        (scan(b"%PDF-" + b"x" * (10 * 1024 * 1024), "big.pdf"), "too large"),
    ],
)
def test_a_paper_consent_needs_a_scan_of_a_known_kind_and_size(patient, clinician, upload, message):
    with pytest.raises(ClinicalRuleError) as refused:
        consent_attest(
            patient=patient,
            terms=named_terms(),
            signed_name=patient.full_name,
            signed_on=timezone.localdate(),
            scan=upload,
            by=clinician,
        )
    assert refused.value.field == "scan"
    assert message in refused.value.message


def test_a_paper_form_cannot_be_signed_in_the_future(patient, clinician):
    with pytest.raises(ClinicalRuleError) as refused:
        consent_attest(
            patient=patient,
            terms=named_terms(),
            signed_name=patient.full_name,
            signed_on=timezone.localdate() + dt.timedelta(days=1),
            scan=scan(),
            by=clinician,
        )
    assert refused.value.field == "signed_on"


def test_revocation_takes_effect_at_once_and_cannot_be_undone(patient):
    consent = signed(patient)
    consent_revoke(consent=consent, by=patient.user)
    consent.refresh_from_db()
    assert consent.revoked_by == patient.user
    assert not consent.is_active()
    with pytest.raises(ClinicalRuleError):
        consent_revoke(consent=consent, by=patient.user)


def test_staff_of_the_clinic_may_revoke_but_no_one_else(patient, other_patient, clinician):
    consent = signed(patient)
    with pytest.raises(ClinicalRuleError):
        consent_revoke(consent=consent, by=other_patient.user)
    consent.refresh_from_db()
    assert consent.is_active()
    consent_revoke(consent=consent, by=clinician)
    consent.refresh_from_db()
    assert consent.revoked_by == clinician
    assert not consent.is_active()


def test_terms_are_a_complete_list_of_the_rule_elements():
    names = {f.name for f in dataclasses.fields(named_terms())}
    assert {"recipient_name", "purposes", "categories", "expires_on", "expiry_event"} <= names
