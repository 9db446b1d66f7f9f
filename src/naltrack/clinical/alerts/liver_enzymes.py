"""Liver enzymes while on naltrexone: the latest ALT and AST against the clinic's limits."""

from __future__ import annotations

from naltrack.clinical.alerts.dates import iso
from naltrack.clinical.alerts.finding import AlertFinding, JSONValue
from naltrack.clinical.alerts.rules import LIVER_HIGH, LIVER_VERY_HIGH
from naltrack.clinical.alerts.snapshot import ON_NALTREXONE, PatientSnapshot
from naltrack.clinical.alerts.thresholds import Thresholds
from naltrack.clinical.liver import LIVER_ENZYMES


def _times(multiple: float) -> str:
    return f"{round(multiple, 2):g}"


def _number(value: float) -> str:
    return f"{value:g}"


def liver_enzymes(snapshot: PatientSnapshot, t: Thresholds) -> list[AlertFinding]:
    if snapshot.state not in ON_NALTREXONE:
        return []
    alerts: list[AlertFinding] = []
    for test in LIVER_ENZYMES:
        results = [
            lab
            for lab in snapshot.labs
            if lab.test.strip().upper() == test and lab.on <= snapshot.as_of
        ]
        if not results:
            continue
        latest = max(results, key=lambda lab: lab.on)
        multiple = latest.multiple_of_uln
        evidence: dict[str, JSONValue] = {
            "test": test,
            "date": iso(latest.on),
            "value": latest.value,
            "upper_limit_normal": latest.upper_limit_normal,
            "multiple_of_uln": round(multiple, 2),
        }
        stated = (
            f"{test} was {_number(latest.value)} on {iso(latest.on)}, "
            f"{_times(multiple)} times the upper limit of normal "
            f"({_number(latest.upper_limit_normal)})"
        )
        # source: NALTRACK, informed by XBOT (>5x ULN) and VIVITROL §5.4 (stop at acute hepatitis)
        if multiple > t.liver_urgent_multiple:
            evidence["threshold_multiple"] = t.liver_urgent_multiple
            alerts.append(
                AlertFinding(
                    code=LIVER_VERY_HIGH,
                    severity="urgent",
                    message=f"{stated}: above the clinic's limit of "
                    f"{_number(t.liver_urgent_multiple)} times. A clinician should review today: "
                    "check for signs or symptoms of acute hepatitis, and stop naltrexone if there "
                    "are any.",
                    evidence=evidence,
                    source="NALTRACK+XBOT+VIVITROL",
                    key=f"{LIVER_VERY_HIGH}:{test}",
                )
            )
        # source: NALTRACK, informed by TIP63/AUDGUIDE and VIVITROL (trial exclusion >3x ULN)
        elif multiple > t.liver_warn_multiple:
            evidence["threshold_multiple"] = t.liver_warn_multiple
            alerts.append(
                AlertFinding(
                    code=LIVER_HIGH,
                    severity="high",
                    message=f"{stated}: above the clinic's limit of "
                    f"{_number(t.liver_warn_multiple)} times. Review liver function, repeat the "
                    "tests sooner, and stop naltrexone if there are signs or symptoms of acute "
                    "hepatitis.",
                    evidence=evidence,
                    source="NALTRACK+VIVITROL",
                    key=f"{LIVER_HIGH}:{test}",
                )
            )
    return alerts
