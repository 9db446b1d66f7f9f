"""Error reports go to Sentry only when SENTRY_DSN is set, and leave without anything that
names a patient or a person."""

from __future__ import annotations

import json

import sentry_sdk

from naltrack.operations import error_reports
from naltrack.operations.error_reports import error_reports_start, scrubbed_event


def an_event() -> dict:
    """An event as sentry-sdk's Django integration builds it for a 500 on a chart form."""
    return {
        "level": "error",
        "transaction": "/clinic/patients/{patient_id}/notes/",
        "server_name": "clinic-web-1",
        "request": {
            "method": "POST",
            "url": "https://clinic.example.org/clinic/patients/42/notes/",
            "query_string": "q=Margarethe+Quill",
            "data": {"text": "Relapsed on Friday"},
            "cookies": {"sessionid": "abc"},
            "headers": {"Cookie": "sessionid=abc", "Referer": "/clinic/patients/?q=Quill"},
            "env": {"REMOTE_ADDR": "203.0.113.9"},
        },
        "user": {"id": "7", "email": "nurse@clinic.example.org", "username": "nurse"},
        "extra": {"patient": "Margarethe Quill"},
        "contexts": {"runtime": {"name": "CPython"}, "response": {"body": "Relapsed"}},
        "logentry": {"message": "sending to %s failed", "params": ["m.quill@example.org"]},
        "exception": {
            "values": [
                {
                    "type": "IntegrityError",
                    "value": "Key (email)=(m.quill@example.org) already exists.",
                    "stacktrace": {
                        "frames": [{"function": "note_add", "vars": {"text": "Relapsed"}}]
                    },
                }
            ]
        },
        "breadcrumbs": {"values": [{"category": "query", "data": {"params": ["Quill"]}}]},
    }


def test_the_scrubber_keeps_what_helps_and_drops_what_names_anyone():
    event = scrubbed_event(an_event(), {})
    text = json.dumps(event)
    for leak in ("Quill", "Margarethe", "Relapsed", "sessionid", "nurse", "203.0.113.9", "/42/"):
        assert leak not in text, leak
    assert event["request"] == {"method": "POST"}
    assert event["user"] == {"id": "7"}
    assert event["transaction"] == "/clinic/patients/{patient_id}/notes/"
    assert "extra" not in event and "breadcrumbs" not in event and "server_name" not in event
    assert event["contexts"] == {"runtime": {"name": "CPython"}}
    (exception,) = event["exception"]["values"]
    assert exception["type"] == "IntegrityError"
    assert exception["value"] == "Key (email)=([email]) already exists."
    assert exception["stacktrace"]["frames"] == [{"function": "note_add"}]
    assert event["logentry"] == {"message": "sending to %s failed"}


def test_nothing_starts_without_a_dsn(monkeypatch):
    started = []
    monkeypatch.setattr(sentry_sdk, "init", lambda **options: started.append(options))
    monkeypatch.setenv("SENTRY_DSN", "")
    assert error_reports_start() is False
    assert started == []


def test_with_a_dsn_reports_start_without_personal_data(monkeypatch):
    started = []
    monkeypatch.setattr(sentry_sdk, "init", lambda **options: started.append(options))
    monkeypatch.setenv("SENTRY_DSN", "https://public@errors.example.org/1")
    assert error_reports_start() is True
    (options,) = started
    assert options["send_default_pii"] is False
    assert options["include_local_variables"] is False
    assert options["max_request_body_size"] == "never"
    assert options["before_send"] is error_reports.scrubbed_event
