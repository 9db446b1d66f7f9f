"""Building blocks for record tests: a patient who has passed the start check, on a regimen."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from naltrack.care import services
from naltrack.care.models import Episode, Patient, Regimen

# Alerts are judged as of the real today, so the record is dated around it.
TODAY = timezone.localdate()


def ready_inputs(day: dt.date = TODAY, **overrides: Any) -> dict[str, Any]:
    """Start-check inputs (docs/calculators.md form) that the clinical core answers `ready`."""
    inputs = {
        "date": day.isoformat(),
        "indication": "OUD",
        "formulation": "oral",
        "opioid_exposures": [
            {"kind": "short_acting", "last_use": (day - dt.timedelta(days=14)).isoformat()}
        ],
        "urine_drug_screen": {"date": day.isoformat(), "opioids_positive": False},
        "naloxone_challenge": {"date": day.isoformat(), "withdrawal_signs": False},
        "labs": [
            {"test": "ALT", "value": 30, "upper_limit_normal": 40, "date": day.isoformat()},
            {"test": "AST", "value": 28, "upper_limit_normal": 40, "date": day.isoformat()},
            {"test": "bilirubin", "value": 0.8, "upper_limit_normal": 1.2, "date": day.isoformat()},
        ],
        "acute_hepatitis_or_liver_failure": False,
        "needs_opioid_analgesics": False,
        "pregnant": False,
        "naltrexone_hypersensitivity": False,
        "current_medications": [],
    }
    inputs.update(overrides)
    return inputs


def started(
    patient: Patient,
    by,
    *,
    kind: str = "oud_induction",
    day: dt.date = TODAY,
    indication: str = "OUD",
) -> tuple[Episode, Regimen]:
    episode = services.episode_open(patient=patient, indication=indication, opened_on=day, by=by)
    formulation = "xr_injection" if kind == "xr_monthly" else "oral"
    services.start_check_run(
        episode=episode,
        inputs=ready_inputs(day, indication=indication, formulation=formulation),
        by=by,
    )
    regimen = services.regimen_start(episode=episode, kind=kind, start=day, prescriber=by)
    return episode, regimen


def stop_planned(
    episode: Episode,
    by,
    *,
    start: dt.date,
    strategy: str = "stop",
    current_dose_mg: int = 50,
    **inputs: Any,
):
    """A stored stop (or step-down) plan for an oral episode, through the record's service."""
    return services.discontinuation_plan_store(
        episode=episode,
        inputs={
            "start": start.isoformat(),
            "formulation": "oral",
            "current_dose_mg": current_dose_mg,
            "strategy": strategy,
            **inputs,
        },
        by=by,
    )


def check_in(
    patient: Patient, day: dt.date, *, drinks: int = 0, craving: int = 3, opioid_use: bool = False
) -> None:
    """The patient's own check-in of ``day``, through the record's service."""
    services.check_in_record(
        patient=patient,
        day=day,
        craving=craving,
        drinks=drinks,
        opioid_use=opioid_use,
        side_effects=[],
        mood=None,
        note="",
        by=patient.user,
    )
