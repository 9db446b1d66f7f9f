"""Schemathesis against the API's own OpenAPI description, through the WSGI app with the CSRF
token: no 500, no status the description does not list, every answer shaped as described.

The calculators, signed in as staff, must also accept every input the description allows. The
record API is fuzzed signed in as staff and as a patient; its description cannot say everything
the record's rules refuse (a date before the patient's birth), so a 422 there is an answer."""

from __future__ import annotations

import pytest
import schemathesis
from django.conf import settings as django_settings
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    positive_data_acceptance,
    response_schema_conformance,
    status_code_conformance,
)

from naltrack.api.urls import api
from naltrack.config.wsgi import application
from tests.api.calculator_inputs import as_written

schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/"))
schema.app = application
calculators = schema.include(path_regex="/calculators/")
record = schema.exclude(path_regex="/calculators/")

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    response_schema_conformance,
    positive_data_acceptance,
]
# A CSRF secret of the form Django issues; the same value as cookie and header passes the check.
CSRF = "fuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzz"
REQUESTS: list[str] = []


def _session(user) -> dict[str, dict[str, str]]:
    client = Client()
    client.force_login(user)
    session = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    return {
        "cookies": {
            django_settings.SESSION_COOKIE_NAME: session,
            django_settings.CSRF_COOKIE_NAME: CSRF,
        },
        "headers": {"X-CSRFToken": CSRF},
    }


@pytest.fixture
def staff_session(db, clinician) -> dict[str, dict[str, str]]:
    return _session(clinician)


@pytest.fixture
def patient_session(db, patient) -> dict[str, dict[str, str]]:
    return _session(patient.user)


@pytest.fixture
def connection_kept():
    """The WSGI app closes the database connection after each request outside a transaction,
    and the test's own transaction makes it look so: keep it, as Django's test client does."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@calculators.parametrize()
@settings(
    max_examples=50,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_keeps_its_openapi_promises(case, staff_session, connection_kept):
    name = case.path.rsplit("/", 1)[-1]
    case.body = as_written(name, case.body)
    REQUESTS.append(case.path)
    case.call_and_validate(**staff_session, checks=CHECKS)


@record.parametrize()
@settings(
    max_examples=5,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
@pytest.mark.parametrize("who", ["staff_session", "patient_session"])
def test_the_record_api_keeps_its_openapi_promises(
    case, who, staff_session, patient_session, connection_kept
):
    REQUESTS.append(case.path)
    sessions = {"staff_session": staff_session, "patient_session": patient_session}
    case.call_and_validate(
        **sessions[who],
        checks=[not_a_server_error, status_code_conformance, response_schema_conformance],
    )
