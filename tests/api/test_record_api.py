"""The record API through the browser session: the same services, scope and refusals as the
pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from naltrack.audit.models import AuditEvent
from naltrack.care.models import CheckIn, DoseEvent, LabResult
from tests.care.helpers import TODAY, started

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_staff_list_their_clinics_patients_and_the_list_is_audited(
    clinician, patient, other_patient, foreign_patient
):
    response = signed_in(clinician).get("/api/v1/patients?limit=1")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2 and len(body["items"]) == 1
    assert body["notice"] is None
    listed = AuditEvent.objects.filter(action="list", actor_id=clinician.pk).last()
    assert listed.detail["patient_ids"] == [body["items"][0]["id"]]


def test_a_page_is_at_most_a_hundred(clinician, patient):
    response = signed_in(clinician).get("/api/v1/patients?limit=101")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "limit"]


def test_a_patient_sees_only_themself(patient, other_patient):
    client = signed_in(patient.user)
    assert [p["id"] for p in client.get("/api/v1/patients").json()["items"]] == [patient.pk]
    assert client.get(f"/api/v1/patients/{patient.pk}").json()["patient"]["id"] == patient.pk
    assert client.get(f"/api/v1/patients/{other_patient.pk}").status_code == 404
    assert client.get(f"/api/v1/patients/{other_patient.pk}/labs").status_code == 404


def test_staff_get_404_for_another_clinics_patient(clinician, foreign_patient):
    client = signed_in(clinician)
    assert client.get(f"/api/v1/patients/{foreign_patient.pk}").status_code == 404
    response = client.post(
        f"/api/v1/patients/{foreign_patient.pk}/labs",
        {"test": "ALT", "value": 30, "upper_limit_normal": 40, "collected_on": str(TODAY)},
        content_type="application/json",
    )
    assert response.status_code == 404
    assert not LabResult.objects.exists()


def test_staff_record_and_list_a_lab(clinician, patient):
    client = signed_in(clinician)
    created = client.post(
        f"/api/v1/patients/{patient.pk}/labs",
        {"test": "ALT", "value": "30.5", "upper_limit_normal": 40, "collected_on": str(TODAY)},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    assert created.json()["unit"] == "U/L"
    listed = client.get(f"/api/v1/patients/{patient.pk}/labs").json()
    assert [lab["value"] for lab in listed["items"]] == [30.5]


def test_a_rule_of_the_service_is_a_422_naming_its_field(clinician, patient):
    response = signed_in(clinician).post(
        f"/api/v1/patients/{patient.pk}/labs",
        {"test": "ALT", "value": 5000, "upper_limit_normal": 40, "collected_on": str(TODAY)},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "confirm_value"]
    assert not LabResult.objects.exists()


def test_a_date_before_birth_is_refused_on_its_field(clinician, patient):
    response = signed_in(clinician).post(
        f"/api/v1/patients/{patient.pk}/drug-screens",
        {"collected_on": "1901-01-01", "opioids_positive": False},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "collected_on"]


def test_a_patient_cannot_write_staff_records(patient):
    response = signed_in(patient.user).post(
        f"/api/v1/patients/{patient.pk}/labs",
        {"test": "ALT", "value": 30, "upper_limit_normal": 40, "collected_on": str(TODAY)},
        content_type="application/json",
    )
    assert response.status_code == 403


def test_a_patient_sends_todays_check_in_and_changes_it(patient):
    client = signed_in(patient.user)
    body = {"craving": 3, "drinks": 0, "opioid_use": False, "mood": 4}
    first = client.post("/api/v1/me/check-in", body, content_type="application/json")
    assert first.status_code == 201, first.content
    again = client.post(
        "/api/v1/me/check-in", {**body, "craving": 6}, content_type="application/json"
    )
    assert again.json()["craving"] == 6
    assert CheckIn.objects.get(patient=patient).craving == 6


def test_a_check_in_out_of_range_names_its_field(patient):
    response = signed_in(patient.user).post(
        "/api/v1/me/check-in",
        {"craving": 11, "drinks": 0, "opioid_use": False},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "craving"]


def test_i_took_my_dose_records_todays_dose_once(clinician, patient):
    started(patient, clinician, day=TODAY - dt.timedelta(days=2))
    client = signed_in(patient.user)
    first = client.post("/api/v1/me/dose-taken")
    assert first.status_code == 201, first.content
    assert client.post("/api/v1/me/dose-taken").json()["id"] == first.json()["id"]
    dose = DoseEvent.objects.get(patient=patient, day=TODAY)
    assert (dose.status, dose.observed, dose.recorded_by) == ("taken", False, patient.user)


def test_no_dose_today_is_a_plain_422(patient):
    response = signed_in(patient.user).post("/api/v1/me/dose-taken")
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == "There is no dose to record today."


def test_staff_record_a_dose_seen(clinician, patient):
    started(patient, clinician, day=TODAY - dt.timedelta(days=2))
    response = signed_in(clinician).post(
        f"/api/v1/patients/{patient.pk}/doses",
        {"day": str(TODAY), "status": "missed", "observed": True},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert DoseEvent.objects.get(patient=patient).status == "missed"


def test_alerts_queue_and_acknowledgement(clinician, patient):
    started(patient, clinician)
    from naltrack.care import services

    services.check_in_record(
        patient=patient,
        day=TODAY,
        craving=2,
        drinks=0,
        opioid_use=True,
        side_effects=[],
        mood=None,
        note="",
        by=patient.user,
    )
    client = signed_in(clinician)
    queue = client.get("/api/v1/alerts").json()["items"]
    assert queue, "opioid use opens an alert"
    alert = queue[0]
    url = f"/api/v1/patients/{patient.pk}/alerts/{alert['id']}/acknowledge"
    if alert["severity"] == "urgent":
        refused = client.post(url, {}, content_type="application/json")
        assert refused.status_code == 422
        assert refused.json()["detail"][0]["loc"] == ["body", "note"]
    done = client.post(url, {"note": "Called; safe"}, content_type="application/json")
    assert done.status_code == 200 and done.json()["acknowledged_at"]
    assert signed_in(patient.user).get("/api/v1/alerts").status_code == 403


def test_a_patient_lists_their_own_consents_only(patient, other_patient):
    from tests.disclosure.helpers import signed

    signed(patient)
    client = signed_in(patient.user)
    consents = client.get(f"/api/v1/patients/{patient.pk}/consents").json()["items"]
    assert [c["state"] for c in consents] == ["active"]
    assert client.get(f"/api/v1/patients/{other_patient.pk}/consents").status_code == 404


def test_writes_need_the_csrf_token(clinician, patient):
    client = Client(enforce_csrf_checks=True)
    client.force_login(clinician)
    response = client.post(
        f"/api/v1/patients/{patient.pk}/labs",
        {"test": "ALT", "value": 30, "upper_limit_normal": 40, "collected_on": str(TODAY)},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert not LabResult.objects.exists()


def test_enrollment_through_the_api_uses_the_forms_rules(clinic):
    body = {
        "given_name": "Sam",
        "family_name": "Rivers",
        "date_of_birth": "1990-03-31",
        "preferred_contact": "email",
        "email": "sam@example.com",
        "preferred_time": "morning",
        "wants_help_with": "alcohol",
        "recent_opioid_use": False,
        "consent_contact": True,
        "consent_privacy": True,
    }
    url = f"/api/v1/clinics/{clinic.slug}/enrollments"
    refused = Client().post(url, {**body, "email": ""}, content_type="application/json")
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["body", "email"]
    accepted = Client().post(url, body, content_type="application/json")
    assert accepted.status_code == 201, accepted.content
    assert clinic.enrollments.get().given_name == "Sam"
