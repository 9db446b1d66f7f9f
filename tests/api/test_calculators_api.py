from __future__ import annotations

import json

import pytest
from django.test import Client

from tests.clinical.test_calc_cli import START_CHECK

pytestmark = pytest.mark.django_db

URL = "/api/v1/calculators/"


def post(client: Client, name: str, body: object):
    return client.post(URL + name, data=json.dumps(body), content_type="application/json")


def test_staff_get_the_same_answer_as_the_cli(client, clinician):
    client.force_login(clinician)
    response = post(client, "start-check", START_CHECK)
    assert response.status_code == 200
    assert response.json()["status"] == "ready"


def test_score_over_http(client, clinic_admin):
    client.force_login(clinic_admin)
    response = post(client, "score", {"instrument": "craving_vas", "answers": {"craving": 7}})
    assert response.json() == {
        "instrument": "craving_vas",
        "score": 7,
        "max_score": 10,
        "band": "high",
        "flags": [],
    }


@pytest.mark.parametrize(
    ("name", "body", "field"),
    [
        ("start-check", {**START_CHECK, "extra": 1}, "extra"),
        ("score", {"instrument": "phq9", "answers": {"q1": 1}}, "answers.q2"),
        ("discontinuation", [], "$"),
    ],
)
def test_invalid_input_is_422_naming_the_field(client, clinician, name, body, field):
    client.force_login(clinician)
    response = post(client, name, body)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == field


def test_malformed_json_is_400_naming_the_body(client, clinician):
    client.force_login(clinician)
    response = client.post(URL + "score", data="{nope", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "$"
    assert response.json()["error"]["message"].startswith("not valid JSON")


def test_patients_and_anonymous_users_are_refused(client, patient):
    assert (
        post(client, "score", {"instrument": "craving_vas", "answers": {"craving": 1}}).status_code
        == 401
    )
    client.force_login(patient.user)
    assert (
        post(client, "score", {"instrument": "craving_vas", "answers": {"craving": 1}}).status_code
        == 403
    )


def test_csrf_is_enforced_for_session_callers(clinician):
    client = Client(enforce_csrf_checks=True)
    client.force_login(clinician)
    response = post(client, "score", {"instrument": "craving_vas", "answers": {"craving": 1}})
    assert response.status_code == 403


def test_openapi_lists_the_calculators(client, clinician):
    client.force_login(clinician)
    schema = client.get("/api/openapi.json").json()
    assert {
        "/api/v1/calculators/start-check",
        "/api/v1/calculators/discontinuation",
        "/api/v1/calculators/score",
    } <= set(schema["paths"])


def test_the_api_docs_are_for_signed_in_staff_only(client, patient):
    for url in ("/api/openapi.json", "/api/docs"):
        anonymous = client.get(url)
        assert anonymous.status_code == 302 and "login" in anonymous["Location"]
    client.force_login(patient.user)
    assert client.get("/api/openapi.json").status_code == 404
