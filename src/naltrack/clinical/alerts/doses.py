"""Doses not taken: an overdue injection, oral doses missed."""

from __future__ import annotations

import datetime as dt

from naltrack.clinical.alerts.dates import in_last, iso, up_to_today
from naltrack.clinical.alerts.finding import AlertFinding
from naltrack.clinical.alerts.rules import INJECTION_OVERDUE, ORAL_DOSES_MISSED
from naltrack.clinical.alerts.snapshot import ON_NALTREXONE, PatientSnapshot
from naltrack.clinical.alerts.thresholds import Thresholds


def injection_overdue(snapshot: PatientSnapshot, t: Thresholds) -> list[AlertFinding]:
    # Only while injections are meant to continue: not in screening, tapering or after stopping.
    if snapshot.formulation != "xr_injection" or snapshot.state not in ("induction", "maintenance"):
        return []
    given = up_to_today(snapshot, snapshot.injections)
    if not given:
        return []
    last = given[-1]
    due = last + dt.timedelta(days=t.injection_overdue_days)
    # source: VIVITROL — every 4 weeks; overdue when today is later than last + 28 days.
    if snapshot.as_of <= due:
        return []
    days_overdue = (snapshot.as_of - due).days
    return [
        AlertFinding(
            code=INJECTION_OVERDUE,
            severity="high",
            message=f"The last injection was on {iso(last)} and the next was due by {iso(due)}; "
            f"it is {days_overdue} day{'s' if days_overdue != 1 else ''} overdue. Opioid blockade "
            "can no longer be relied on and tolerance to opioids may be low, so a previously "
            "tolerated dose could be fatal. Give the next injection as soon as possible; if the "
            "patient has used opioids regularly since, reassess for opioid dependence first. "
            "Make sure the patient has naloxone.",
            evidence={
                "last_injection": iso(last),
                "due": iso(due),
                "days_overdue": days_overdue,
                "interval_days": t.injection_overdue_days,
            },
            source="VIVITROL",
            key=f"{INJECTION_OVERDUE}:{iso(last)}",
        )
    ]


def missed_doses(snapshot: PatientSnapshot, t: Thresholds) -> list[AlertFinding]:
    if snapshot.formulation != "oral" or snapshot.state not in ON_NALTREXONE:
        return []
    missed = sorted(
        {
            event.on
            for event in snapshot.oral_doses
            if event.status == "missed" and in_last(snapshot, event.on, t.missed_doses_window_days)
        }
    )
    # source: NALTRACK — N missed doses in the last 7 days.
    if len(missed) < t.missed_doses_count:
        return []
    opioid = snapshot.indication in ("OUD", "OUD_AUD")
    advice = (
        "Blockade ends about a day after a missed dose, and tolerance to opioids may be low: "
        "talk with the patient about overdose risk, naloxone and whether supervised dosing or "
        "an injection would help."
        if opioid
        else "Talk with the patient about what gets in the way, and whether supervised dosing "
        "or an injection would help."
    )
    return [
        AlertFinding(
            code=ORAL_DOSES_MISSED,
            severity="high" if opioid else "routine",
            message=f"{len(missed)} oral doses were missed in the last "
            f"{t.missed_doses_window_days} days. {advice}",
            evidence={
                "missed_dates": [iso(day) for day in missed],
                "window_days": t.missed_doses_window_days,
                "threshold_count": t.missed_doses_count,
            },
            source="NALTRACK+REVIA" if opioid else "NALTRACK",
            key=ORAL_DOSES_MISSED,
        )
    ]
