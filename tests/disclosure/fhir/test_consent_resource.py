"""A consent as a FHIR Consent: every element of 42 CFR 2.31 coded from the table, in the Bundle
of what it released, and all of them in the patient's own copy."""

from __future__ import annotations

from typing import Any

import pytest

from naltrack.care.models import Patient
from naltrack.disclosure.coverage import Recipient
from naltrack.disclosure.fhir.bundle import patient_everything
from naltrack.disclosure.fhir.codes import CODES
from naltrack.disclosure.fhir.release import consent_resource
from naltrack.disclosure.fhir.resources import resource_id
from naltrack.disclosure.gate import release
from naltrack.disclosure.models import Consent, Disclosure
from naltrack.disclosure.services import consent_revoke
from tests.disclosure.fhir.test_patient_everything import as_json, coded_values, resources_of
from tests.disclosure.helpers import named_terms, signed, tpo_terms, whole_record

pytestmark = pytest.mark.django_db

DOCTOR = Recipient("Dr Ada Okafor, Eastside Family Practice", Consent.Role.TREATING_PROVIDER)


def _json(consent: Consent) -> dict[str, Any]:
    return consent_resource(consent).model_dump(mode="json", exclude_none=True)


def test_a_named_consent_carries_each_element(patient: Patient):
    consent = signed(patient)  # medicines and labs, to Dr Okafor, for treatment, for a year
    data = _json(consent)
    assert data["status"] == "active"
    assert data["scope"]["coding"][0]["code"] == "patient-privacy"
    assert data["category"][0]["coding"][0] == {
        "system": "http://loinc.org",
        "code": "59284-0",
        "display": "Patient Consent",
    }
    assert data["patient"]["reference"] == f"urn:uuid:{resource_id(patient)}"
    assert data["organization"] == [{"display": consent.discloser_name}]
    assert data["policy"] == [{"uri": "https://www.ecfr.gov/current/title-42/part-2/section-2.31"}]
    provision = data["provision"]
    assert provision["period"] == {
        "start": consent.signed_on.isoformat(),
        "end": consent.expires_on.isoformat(),
    }
    assert provision["actor"][0]["reference"] == {"display": consent.recipient_name}
    assert [p["code"] for p in provision["purpose"]] == ["TREAT"]
    assert [c["text"] for c in provision["code"]] == consent.category_labels()
    assert "Dr Ada Okafor" in data["text"]["div"]  # the scope in words
    assert set(coded_values(data)) <= {(e.system, e.code) for e in CODES.values()}


def test_a_withdrawn_consent_is_inactive_and_a_whole_record_one_says_so(patient: Patient):
    consent = signed(patient, tpo_terms(purposes=["treatment", "payment"]))
    data = _json(consent_revoke(consent=consent, by=patient.user))
    assert data["status"] == "inactive"
    assert "end" not in data["provision"]["period"]  # ends on an event, not a date
    assert [p["code"] for p in data["provision"]["purpose"]] == ["TREAT", "HPAYMT"]
    assert [c["text"] for c in data["provision"]["code"]] == [
        "All of the patient's substance use treatment records"
    ]


def test_a_released_bundle_carries_the_consent_it_was_released_under(
    patient: Patient, clinician: Any
):
    signed(patient, named_terms(recipient_name="Acme Health Plan"))
    under = signed(patient)
    given = release(
        by=clinician,
        patient=patient,
        recipient=DOCTOR,
        purpose="treatment",
        form=Disclosure.Form.FHIR_BUNDLE,
    )
    bundle = patient_everything(patient, given)
    (copy,) = resources_of(bundle, "Consent")
    assert copy["id"] == resource_id(under)
    provenance = as_json(bundle)["entry"][-1]["resource"]
    assert {"reference": f"urn:uuid:{copy['id']}"} in provenance["target"]


def test_the_patients_own_copy_holds_every_consent(patient: Patient):
    first = signed(patient)
    second = signed(patient, tpo_terms())
    consent_revoke(consent=first, by=patient.user)
    copies = resources_of(whole_record(patient), "Consent")
    assert {c["id"]: c["status"] for c in copies} == {
        resource_id(first): "inactive",
        resource_id(second): "active",
    }
