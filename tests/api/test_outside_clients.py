"""Outside systems: a token bound to one clinic, one recipient and one purpose, and a patient's
record only through the disclosure gate."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from naltrack.api.models import OutsideClient
from naltrack.api.outside import outside_client_revoke
from naltrack.care import services
from naltrack.disclosure.models import Consent, Disclosure
from naltrack.disclosure.notice import PART2_NOTICE
from naltrack.disclosure.services import consent_revoke
from tests.api.outside_helpers import bearer, registered, token_response
from tests.care.helpers import TODAY
from tests.disclosure.helpers import named_terms, signed

pytestmark = pytest.mark.django_db


def _lab(patient, by):
    return services.lab_record(
        patient=patient,
        test="ALT",
        value=30,
        upper_limit_normal=40,
        collected_on=TODAY,
        by=by,
    )


def test_the_token_endpoint_gives_a_registered_client_a_token(clinic):
    response = token_response(registered(clinic))
    assert response.status_code == 200
    assert response.json()["token_type"] == "Bearer"


def test_a_wrong_secret_gets_no_token(clinic):
    client = registered(clinic)
    wrong = type(client)(client.client, client.client_id, "not-the-secret")
    assert token_response(wrong).status_code == 401


def test_a_client_gets_only_the_scopes_it_was_registered_with(clinic):
    client = registered(clinic, scopes=["patients:read"])
    assert token_response(client, "records:read").status_code == 400
    assert token_response(client, "patients:read").status_code == 200


def test_a_token_without_the_routes_scope_is_refused(clinic, clinician, patient):
    signed(patient)
    _lab(patient, clinician)
    api = bearer(registered(clinic, scopes=["patients:read"]), "patients:read")
    response = api.get(f"/api/v1/patients/{patient.pk}/labs")
    assert response.status_code == 403
    assert "items" not in response.json()


def test_without_a_covering_consent_a_client_gets_403_and_nothing(clinic, clinician, patient):
    _lab(patient, clinician)
    api = bearer(registered(clinic))
    response = api.get(f"/api/v1/patients/{patient.pk}/labs")
    assert response.status_code == 403
    assert set(response.json()) == {"detail"}
    assert patient.given_name not in response.json()["detail"]
    assert api.get("/api/v1/patients").json()["items"] == []
    assert not Disclosure.objects.exists()


def test_with_a_consent_a_client_gets_the_consented_categories_only(clinic, clinician, patient):
    signed(patient, named_terms(categories=[Consent.Category.LABS]))
    _lab(patient, clinician)
    api = bearer(registered(clinic))
    labs = api.get(f"/api/v1/patients/{patient.pk}/labs")
    assert labs.status_code == 200
    assert [lab["test"] for lab in labs.json()["items"]] == ["ALT"]
    assert labs.json()["notice"].startswith(PART2_NOTICE)
    assert api.get(f"/api/v1/patients/{patient.pk}/drug-screens").status_code == 403
    assert api.get(f"/api/v1/patients/{patient.pk}/check-ins").status_code == 403
    disclosure = Disclosure.objects.get(categories=["labs"])
    assert disclosure.form == Disclosure.Form.API
    assert disclosure.recipient_name == named_terms().recipient_name


def test_the_patient_list_names_only_covered_patients_and_records_it(
    clinic, patient, other_patient
):
    signed(patient)
    api = bearer(registered(clinic))
    body = api.get("/api/v1/patients").json()
    assert [p["id"] for p in body["items"]] == [patient.pk]
    assert body["notice"] == PART2_NOTICE
    assert Disclosure.objects.filter(patient=patient).count() == 1
    assert api.get(f"/api/v1/patients/{other_patient.pk}").status_code == 403


def test_a_revoked_consent_stops_the_next_call(clinic, clinician, patient):
    consent = signed(patient)
    _lab(patient, clinician)
    api = bearer(registered(clinic))
    assert api.get(f"/api/v1/patients/{patient.pk}/labs").status_code == 200
    consent_revoke(consent=consent, by=patient.user)
    assert api.get(f"/api/v1/patients/{patient.pk}/labs").status_code == 403


def test_a_client_of_clinic_a_cannot_reach_clinic_b(clinic, other_clinic, foreign_patient):
    signed_elsewhere = foreign_patient
    from tests.factories import member

    foreign_patient.user = member(other_clinic, "patient")
    foreign_patient.save()
    signed(signed_elsewhere)
    api = bearer(registered(clinic))
    assert api.get(f"/api/v1/patients/{foreign_patient.pk}").status_code == 404
    assert api.get(f"/api/v1/patients/{foreign_patient.pk}/labs").status_code == 404
    assert api.get("/api/v1/patients").json()["items"] == []


def test_an_outside_client_never_writes(clinic, patient):
    signed(patient)
    api = bearer(registered(clinic))
    response = api.post(
        f"/api/v1/patients/{patient.pk}/labs",
        {"test": "ALT", "value": 30, "upper_limit_normal": 40, "collected_on": str(TODAY)},
        content_type="application/json",
    )
    assert response.status_code in (401, 403)
    assert api.get(f"/api/v1/patients/{patient.pk}/consents").status_code == 401


def test_a_revoked_client_loses_its_token_and_gets_no_new_one(clinic, clinic_admin, patient):
    signed(patient)
    client = registered(clinic)
    api = bearer(client)
    outside_client_revoke(client=client.client, by=clinic_admin)
    assert api.get("/api/v1/patients").status_code == 401
    assert token_response(client).status_code == 401


def test_the_command_registers_a_client_and_prints_its_secret_once(clinic, capsys):
    call_command(
        "register-client",
        "--clinic",
        clinic.slug,
        "--recipient",
        "Eastside Family Practice",
        "--role",
        "treating_provider",
        "--purpose",
        "treatment",
    )
    out = capsys.readouterr().out
    client = OutsideClient.objects.get()
    assert client.application.client_id in out
    assert client.application.client_secret not in out  # only the hash is kept
    assert "Client secret:" in out
