"""Patient snapshots for the alert-rule tests: a patient doing well on oral naltrexone, on the
monthly injection, or stopped some days ago, and helpers to read what the rules raise."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from naltrack.clinical.alerts import (
    DEFAULT_THRESHOLDS,
    AlertFinding,
    CheckIn,
    InstrumentScore,
    LabResult,
    OralDoseEvent,
    PatientSnapshot,
    Thresholds,
    UrineDrugScreen,
    evaluate,
)

AS_OF = dt.date(2026, 3, 15)


def ago(days: int) -> dt.date:
    return AS_OF - dt.timedelta(days=days)


def on_oral(**changes: Any) -> PatientSnapshot:
    """A patient doing well on oral naltrexone: nothing should alert."""
    base = PatientSnapshot(
        as_of=AS_OF,
        state="maintenance",
        indication="OUD",
        formulation="oral",
        sex="female",
        last_dose_on=AS_OF,
        oral_doses=tuple(OralDoseEvent(ago(d), "taken") for d in range(14)),
        check_ins=tuple(CheckIn(ago(d), craving=2, drinks=0) for d in range(0, 14, 2)),
        labs=(LabResult(ago(30), "ALT", 30, 40), LabResult(ago(30), "AST", 28, 40)),
        drug_screens=(UrineDrugScreen(ago(3), opioids_positive=False),),
        scores=(InstrumentScore(ago(10), "phq9", 3, "minimal"),),
    )
    return replace(base, **changes)


def on_xr(**changes: Any) -> PatientSnapshot:
    return replace(
        on_oral(formulation="xr_injection", oral_doses=(), injections=(ago(20),)), **changes
    )


def stopped(days_ago: int, **changes: Any) -> PatientSnapshot:
    base = on_oral(
        state="stopped",
        stopped_on=ago(days_ago),
        last_dose_on=ago(days_ago + 1),
        oral_doses=(),
        follow_up_contacts=(ago(min(days_ago, 3)),),
    )
    return replace(base, **changes)


def codes(snapshot: PatientSnapshot, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> list[str]:
    return [alert.code for alert in evaluate(snapshot, thresholds)]


def only(snapshot: PatientSnapshot, code: str) -> AlertFinding:
    found = [alert for alert in evaluate(snapshot) if alert.code == code]
    assert len(found) == 1, evaluate(snapshot)
    return found[0]


def doses(missed_days_ago: tuple[int, ...]) -> tuple[OralDoseEvent, ...]:
    return tuple(
        OralDoseEvent(ago(d), "missed" if d in missed_days_ago else "taken") for d in range(14)
    )
