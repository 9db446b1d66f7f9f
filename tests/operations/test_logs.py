"""One JSON line per request (request id, method, route, the path's shape, status, duration),
and every other record as JSON with its request id."""

from __future__ import annotations

import json
import logging

import pytest
from django.test import Client, RequestFactory
from django.urls import resolve

from naltrack.operations.logs import path_shape, scrubbed

pytestmark = pytest.mark.django_db


def lines(output) -> list[dict]:
    return [json.loads(line) for line in output.getvalue().splitlines()]


def test_a_request_line_names_the_route_not_the_path(world, log_output):
    client = Client()
    client.force_login(world["clinician"])
    patient_id = world["values"]["patient_id"]
    response = client.get(
        f"/clinic/patients/{patient_id}/", {"q": "someone"}, HTTP_X_REQUEST_ID="req-12345678"
    )
    assert response.status_code == 200
    (line,) = [entry for entry in lines(log_output) if entry["logger"] == "naltrack.requests"]
    assert line["request_id"] == "req-12345678"
    assert line["method"] == "GET"
    assert line["route"] == "clinician:patient_chart"
    assert line["path"] == "/clinic/patients/{patient_id}/"
    assert line["status"] == 200
    assert isinstance(line["duration_ms"], float)
    assert line["level"] == "INFO" and line["time"].endswith("+00:00")
    assert f"/{patient_id}/" not in json.dumps(line) and "someone" not in json.dumps(line)


def test_records_logged_during_a_request_carry_its_id(log_output):
    Client().get("/no-such-page/", HTTP_X_REQUEST_ID="req-abcdefgh")
    entries = lines(log_output)
    not_found = next(e for e in entries if e["logger"] == "django.request")
    assert not_found["message"] == "Not Found: /no-such-page/"
    assert not_found["request_id"] == "req-abcdefgh" and not_found["status_code"] == 404
    # The request object Django attaches to the record is not printed.
    assert "request" not in not_found


def test_records_outside_a_request_have_no_id_and_exceptions_are_kept(log_output):
    try:
        raise ValueError("could not reach jane@example.org")
    except ValueError:
        logging.getLogger("naltrack.test").exception("sending failed for %s", "jane@example.org")
    (entry,) = lines(log_output)
    assert entry["request_id"] == "-"
    assert entry["message"] == "sending failed for [email]"
    assert "ValueError: could not reach [email]" in entry["exception"]


def test_a_path_no_route_matched_keeps_only_plain_words():
    request = RequestFactory().get("/clinic/patients/123/Smith/x%40y/")
    assert path_shape(request) == "/clinic/patients/{id}/{value}/{value}/"


def test_a_matched_path_is_its_routes_pattern():
    request = RequestFactory().get("/enroll/riverside-recovery/")
    request.resolver_match = resolve(request.path)
    assert path_shape(request) == "/enroll/{slug}/"


def test_scrubbing_drops_query_strings_and_emails():
    assert scrubbed('"GET /clinic/patients/?q=Smith HTTP/1.1" 200') == (
        '"GET /clinic/patients/?[query] HTTP/1.1" 200'
    )
    assert scrubbed("refused: <a.b+c@mail.example.org>") == "refused: <[email]>"
