"""The latest PHQ-9: thoughts of self-harm, and depression symptoms at the cut-off for major
depression."""

from __future__ import annotations

from typing import Final

from naltrack.clinical.alerts.dates import iso
from naltrack.clinical.alerts.finding import AlertFinding, JSONValue
from naltrack.clinical.alerts.rules import DEPRESSION_HIGH, SUICIDAL_IDEATION_ALERT
from naltrack.clinical.alerts.snapshot import PatientSnapshot
from naltrack.clinical.instruments import SUICIDAL_IDEATION

# source: PHQ9 — Kroenke 2001: a total of 10 or more (moderate and above) for major depression.
PHQ9_MAJOR_DEPRESSION_TOTAL: Final = 10


def phq9(snapshot: PatientSnapshot) -> list[AlertFinding]:
    results = [s for s in snapshot.scores if s.instrument == "phq9" and s.on <= snapshot.as_of]
    if not results:
        return []
    latest = max(results, key=lambda s: s.on)
    day = iso(latest.on)
    evidence: dict[str, JSONValue] = {
        "date": day,
        "score": latest.score,
        "band": latest.band,
        "flags": list(latest.flags),
    }
    alerts: list[AlertFinding] = []
    # source: PHQ9 — item 9 > 0: alert the clinician at once, whatever the total.
    if SUICIDAL_IDEATION in latest.flags:
        alerts.append(
            AlertFinding(
                code=SUICIDAL_IDEATION_ALERT,
                severity="urgent",
                message=f"On the PHQ-9 of {day} the patient reported thoughts of being better off "
                "dead or of self-harm (item 9). Assess suicide risk today. Make sure the patient "
                "knows they can call or text 988 (Suicide & Crisis Lifeline) at any time, or 911 "
                "in an emergency.",
                evidence=evidence,
                source="PHQ9",
                key=f"{SUICIDAL_IDEATION_ALERT}:{day}",
            )
        )
    # source: PHQ9 — a total of 10 or more is Kroenke's cut-off for major depression;
    # REVIA/VIVITROL — depression reported in people treated for substance use: monitor.
    if latest.score >= PHQ9_MAJOR_DEPRESSION_TOTAL:
        band = (latest.band or "").replace("_", " ")
        alerts.append(
            AlertFinding(
                code=DEPRESSION_HIGH,
                severity="high",
                message=f"The PHQ-9 of {day} scored {latest.score} of 27"
                f"{f' ({band} depression symptoms)' if band else ''}, at or above "
                f"{PHQ9_MAJOR_DEPRESSION_TOTAL}, the PHQ-9's cut-off for major depression. "
                "Depression and suicidal thoughts have been reported in people treated for "
                "substance use: review with the patient and consider referral.",
                evidence={**evidence, "threshold": PHQ9_MAJOR_DEPRESSION_TOTAL},
                source="PHQ9+REVIA+VIVITROL",
                key=f"{DEPRESSION_HIGH}:{day}",
            )
        )
    return alerts
