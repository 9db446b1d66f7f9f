"""The latest PHQ-9: thoughts of self-harm, and severe depression symptoms."""

from __future__ import annotations

from naltrack.clinical.alerts.dates import iso
from naltrack.clinical.alerts.finding import AlertFinding, JSONValue
from naltrack.clinical.alerts.rules import DEPRESSION_HIGH, SUICIDAL_IDEATION_ALERT
from naltrack.clinical.alerts.snapshot import PatientSnapshot
from naltrack.clinical.instruments import SUICIDAL_IDEATION


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
    # source: PHQ9 bands; REVIA/VIVITROL — depression reported in people treated: monitor.
    if latest.band in ("moderately_severe", "severe"):
        band = latest.band.replace("_", " ")
        alerts.append(
            AlertFinding(
                code=DEPRESSION_HIGH,
                severity="high",
                message=f"The PHQ-9 of {day} scored {latest.score} of 27 ({band} depression "
                "symptoms). Depression and suicidal thoughts have been reported in people "
                "treated for substance use: review with the patient and consider referral.",
                evidence=evidence,
                source="PHQ9+REVIA+VIVITROL",
                key=f"{DEPRESSION_HIGH}:{day}",
            )
        )
    return alerts
