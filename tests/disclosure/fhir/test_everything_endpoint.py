"""GET /fhir/Patient/<id>/$everything: the patient's own copy, an outside system's covered
share, and an OperationOutcome for every refusal."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from fhir.resources.R4B.bundle import Bundle

from naltrack.care.models import Patient
from naltrack.disclosure.models import Disclosure
from naltrack.disclosure.notice import PART2_NOTICE, PATIENT_COPY
from tests.disclosure.fhir.helpers import as_outside_system, outcome_text
from tests.disclosure.helpers import named_terms, signed

pytestmark = pytest.mark.django_db


def url(patient: Patient) -> str:
    return f"/fhir/Patient/{patient.pk}/$everything"


def signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_patient_gets_their_own_record_with_the_notice(rich_patient: Patient):
    response = signed_in(rich_patient.user).get(url(rich_patient))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/fhir+json"
    assert response["Cache-Control"] == "no-store"
    bundle = Bundle.model_validate_json(response.content)
    kinds = {entry.resource.get_resource_type() for entry in bundle.entry}
    assert {"Patient", "Observation", "Encounter", "Flag"} <= kinds
    provenance = bundle.entry[-1].resource
    assert provenance.get_resource_type() == "Provenance"
    assert PATIENT_COPY.split(";")[0] in provenance.text.div
    (row,) = Disclosure.objects.filter(patient=rich_patient)
    assert (row.basis, row.form) == ("patient", "fhir_bundle")


def test_another_patients_record_is_not_found(patient: Patient, other_patient: Patient):
    response = signed_in(patient.user).get(url(other_patient))
    assert response.status_code == 404
    assert outcome_text(response)
    assert not Disclosure.objects.exists()


def test_staff_are_sent_to_the_chart_to_share(patient: Patient, clinician: Any):
    response = signed_in(clinician).get(url(patient))
    assert response.status_code == 403
    assert "chart" in outcome_text(response)
    assert not Disclosure.objects.exists()


def test_nobody_signed_in_and_an_unknown_token_get_401(patient: Patient):
    for headers in ({}, {"HTTP_AUTHORIZATION": "Bearer not-a-token"}):
        response = Client().get(url(patient), **headers)
        assert response.status_code == 401
        assert response["WWW-Authenticate"].startswith("Bearer")
        assert outcome_text(response)


def test_only_get_is_answered(patient: Patient):
    response = signed_in(patient.user).post(url(patient))
    assert response.status_code == 405
    assert outcome_text(response) and response["Allow"] == "GET"


def test_an_outside_system_gets_only_what_the_consent_covers(
    rich_patient: Patient, clinic: Any, monkeypatch: Any
):
    signed(
        rich_patient,
        named_terms(recipient_name="Acme Health Plan", purposes=["payment"], categories=["labs"]),
    )
    as_outside_system(monkeypatch, clinic)
    response = Client().get(url(rich_patient))
    assert response.status_code == 200
    bundle = Bundle.model_validate_json(response.content)
    kinds = [entry.resource.get_resource_type() for entry in bundle.entry]
    assert set(kinds) == {"Patient", "Observation", "Consent", "Provenance"}
    codes = {
        e.resource.code.coding[0].code
        for e in bundle.entry
        if e.resource.get_resource_type() == "Observation"
    }
    assert codes == {"1742-6", "1920-8", "2324-2", "1975-2"}  # liver tests, not the drug screen
    assert PART2_NOTICE[:60] in bundle.entry[-1].resource.text.div
    (row,) = Disclosure.objects.filter(patient=rich_patient)
    assert (row.form, row.recipient_name, row.categories) == ("api", "Acme Health Plan", ["labs"])


def test_an_outside_system_without_a_covering_consent_learns_nothing(
    patient: Patient, clinic: Any, monkeypatch: Any
):
    signed(patient)  # to Dr Okafor, not to Acme
    as_outside_system(monkeypatch, clinic)
    response = Client().get(url(patient))
    assert response.status_code == 403
    assert patient.family_name not in outcome_text(response)
    assert not Disclosure.objects.exists()


def test_an_outside_system_does_not_reach_another_clinics_patient(
    foreign_patient: Patient, clinic: Any, monkeypatch: Any
):
    as_outside_system(monkeypatch, clinic)
    assert Client().get(url(foreign_patient)).status_code == 404


def test_a_real_token_of_a_registered_outside_system_goes_through_the_gate(
    rich_patient: Patient, clinic: Any, other_clinic: Any
):
    from tests.api.outside_helpers import bearer, registered

    signed(rich_patient)  # to Dr Okafor: medicines and labs, for treatment
    doctor = bearer(registered(clinic))
    response = doctor.get(url(rich_patient))
    assert response.status_code == 200
    (row,) = Disclosure.objects.filter(patient=rich_patient)
    assert (row.form, sorted(row.categories)) == ("api", ["labs", "medications"])
    # a token without the records scope, and a client of another clinic, reach nothing
    assert (
        bearer(registered(clinic), scope="patients:read").get(url(rich_patient)).status_code == 401
    )
    assert bearer(registered(other_clinic)).get(url(rich_patient)).status_code == 404
    assert Disclosure.objects.count() == 1
