"""A patient whose record has a row of every kind the FHIR export maps, and a second patient of
the same clinic on the injection (whose rows must never show in the first one's Bundle)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from naltrack.care import services
from naltrack.care.models import Patient, TherapySession
from naltrack.care.services import cravings
from naltrack.clinical.instruments import INSTRUMENTS
from tests.care.helpers import TODAY, started, stop_planned
from tests.factories import patient_with_login

DAY = dt.timedelta(days=1)


def lowest_answers(instrument: str) -> dict[str, int]:
    return {item.key: item.choices[0].value for item in INSTRUMENTS[instrument].items}


@pytest.fixture
def rich_patient(db: Any, clinic: Any, clinician: Any) -> Patient:
    patient = patient_with_login(clinic, medical_record_number="MRN-1", phone="+14155550100")
    start = TODAY - 10 * DAY
    episode, regimen = started(patient, clinician, day=start, indication="OUD_AUD")
    services.dose_record(regimen=regimen, day=start, status="taken", observed=True, by=clinician)
    services.dose_record(regimen=regimen, day=start + DAY, status="missed", by=patient.user)
    services.dose_record(regimen=regimen, day=start + 2 * DAY, status="taken", by=patient.user)
    # ALT at five times its limit: the liver alert opens, so the record has a Flag to send.
    for test, value, limit, unit in (
        ("ALT", "200", "40", "U/L"),
        ("AST", "30", "40", "IU/L"),
        ("GGT", "45", "60", "U/L"),
        ("bilirubin", "0.8", "1.2", "mg/dL"),
    ):
        services.lab_record(
            patient=patient,
            test=test,
            value=Decimal(value),
            upper_limit_normal=Decimal(limit),
            unit=unit,
            collected_on=TODAY,
            by=clinician,
        )
    services.drug_screen_record(
        patient=patient,
        collected_on=start,
        opioids_positive=False,
        panel={"fentanyl": "negative", "opiates": "negative", "methadone": "not_tested"},
        by=clinician,
    )
    for offset, drinks in ((1, 2), (2, None)):
        services.check_in_record(
            patient=patient,
            day=start + offset * DAY,
            craving=6,
            drinks=drinks,
            opioid_use=False,
            side_effects=[],
            mood=3,
            note="",
            by=patient.user,
        )
    for instrument in ("phq9", "audit_c", "cows", "pacs", "craving_vas"):
        services.instrument_record(
            patient=patient,
            instrument=instrument,
            answers=lowest_answers(instrument),
            taken_on=start,
            by=clinician,
        )
    for status in (TherapySession.Status.SCHEDULED, TherapySession.Status.ATTENDED):
        session = services.therapy_session_schedule(
            patient=patient,
            kind=TherapySession.Kind.MI,
            scheduled_at=timezone.now() + DAY,
            counsellor=clinician,
            by=clinician,
        )
        TherapySession.objects.filter(pk=session.pk).update(status=status)
    cravings.craving_episode_start(patient=patient, rating=7, might_use="no", by=patient.user)
    stop_planned(episode, clinician, start=TODAY + 3 * DAY, reason="patient choice")
    return patient


@pytest.fixture
def injected_patient(db: Any, clinic: Any, clinician: Any) -> Patient:
    patient = patient_with_login(clinic)
    _, regimen = started(patient, clinician, kind="xr_monthly", indication="AUD")
    services.injection_record(
        regimen=regimen, given_on=TODAY, site="left_gluteal", lot="L1", given_by=clinician
    )
    return patient
