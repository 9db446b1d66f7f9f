"""Fixtures for the patient's own pages: a signed-in patient, on tablets or on the injection."""

from __future__ import annotations

import datetime as dt

import pytest

from naltrack.care import services
from naltrack.care.models import Patient, Regimen
from tests.care.helpers import TODAY, started

DAY = dt.timedelta(days=1)


@pytest.fixture
def me(client, patient: Patient):
    """The test client, signed in as ``patient``."""
    client.force_login(patient.user)
    return client


@pytest.fixture
def on_tablets(patient, clinician) -> Regimen:
    """Alcohol use disorder, 50 mg a day, started ten days ago."""
    _, regimen = started(
        patient, clinician, kind="aud_daily", day=TODAY - 10 * DAY, indication="AUD"
    )
    return regimen


@pytest.fixture
def on_injection(patient, clinician) -> Regimen:
    """The monthly injection, the first one given ten days ago."""
    _, regimen = started(patient, clinician, kind="xr_monthly", day=TODAY - 10 * DAY)
    services.injection_record(
        regimen=regimen,
        given_on=TODAY - 10 * DAY,
        site="left_gluteal",
        lot="AB123",
        given_by=clinician,
    )
    return regimen
