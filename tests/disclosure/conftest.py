from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from naltrack.care import services
from naltrack.care.models import Patient, TherapySession
from tests.care.helpers import TODAY, started
from tests.disclosure.sharing_helpers import THERAPY_WORDS


@pytest.fixture
def record(patient: Patient, clinician) -> Patient:
    """A patient on tablets for 90 days, with a liver test and a therapy session with notes."""
    started(patient, clinician, day=TODAY - dt.timedelta(days=90))
    services.lab_record(
        patient=patient,
        test="ALT",
        value=Decimal("31"),
        upper_limit_normal=Decimal("40"),
        collected_on=TODAY,
        by=clinician,
    )
    session = services.therapy_session_schedule(
        patient=patient,
        kind=TherapySession.Kind.CBT,
        scheduled_at=timezone.now() - dt.timedelta(hours=2),
        counsellor=clinician,
        by=clinician,
    )
    services.therapy_session_mark(
        session=session, status="attended", notes=THERAPY_WORDS, by=clinician
    )
    return patient
