"""Cravings on the check-ins: a high craving, cravings rising."""

from __future__ import annotations

from collections.abc import Sequence

from naltrack.clinical.alerts.dates import check_ins_to_date, in_last, iso
from naltrack.clinical.alerts.finding import AlertFinding
from naltrack.clinical.alerts.rules import CRAVING_HIGH, CRAVING_RISING
from naltrack.clinical.alerts.snapshot import PatientSnapshot
from naltrack.clinical.alerts.thresholds import Thresholds


def craving_high(snapshot: PatientSnapshot, t: Thresholds) -> list[AlertFinding]:
    check_ins = check_ins_to_date(snapshot)
    if not check_ins:
        return []
    latest_day = check_ins[-1].on
    # The highest craving reported on the latest check-in day.
    craving = max(c.craving for c in check_ins if c.on == latest_day)
    # source: NALTRACK — craving scale band "high" (7-10).
    if craving < t.craving_high:
        return []
    return [
        AlertFinding(
            code=CRAVING_HIGH,
            severity="routine",
            message=f"The patient reported a craving of {craving} out of 10 on {iso(latest_day)}. "
            "Talk about cravings and triggers, and consider more support.",
            evidence={"date": iso(latest_day), "craving": craving, "threshold": t.craving_high},
            source="NALTRACK",
            key=f"{CRAVING_HIGH}:{iso(latest_day)}",
        )
    ]


def _mean(values: Sequence[int]) -> float:
    return sum(values) / len(values)


def craving_rising(snapshot: PatientSnapshot, t: Thresholds) -> list[AlertFinding]:
    window = t.craving_rise_window_days
    check_ins = check_ins_to_date(snapshot)
    recent = [c.craving for c in check_ins if in_last(snapshot, c.on, window)]
    before = [c.craving for c in check_ins if in_last(snapshot, c.on, window, skip=window)]
    if not recent or not before:
        return []
    rise = _mean(recent) - _mean(before)
    # source: NALTRACK — a rise of >= 2 points between consecutive 7-day means.
    if rise < t.craving_rise_points:
        return []
    return [
        AlertFinding(
            code=CRAVING_RISING,
            severity="routine",
            message=f"Cravings are rising: a mean of {_mean(recent):.1f} out of 10 in the last "
            f"{window} days against {_mean(before):.1f} in the {window} days before. Talk about "
            "what has changed, and consider more support.",
            evidence={
                "recent_mean": round(_mean(recent), 2),
                "previous_mean": round(_mean(before), 2),
                "rise": round(rise, 2),
                "window_days": window,
                "threshold_points": t.craving_rise_points,
            },
            source="NALTRACK",
            key=CRAVING_RISING,
        )
    ]
