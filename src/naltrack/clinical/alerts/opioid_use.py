"""Opioid use, reported or found by a urine screen, while on naltrexone or after stopping."""

from __future__ import annotations

from naltrack.clinical.alerts.after_stopping import in_high_risk_window
from naltrack.clinical.alerts.dates import check_ins_to_date, in_last, iso
from naltrack.clinical.alerts.finding import AlertFinding, JSONValue
from naltrack.clinical.alerts.rules import OPIOID_USE_AFTER_STOPPING, OPIOID_USE_ON_NALTREXONE
from naltrack.clinical.alerts.snapshot import ON_NALTREXONE, PatientSnapshot
from naltrack.clinical.alerts.thresholds import Thresholds


def opioid_use(snapshot: PatientSnapshot, t: Thresholds) -> list[AlertFinding]:
    on_treatment = snapshot.state in ON_NALTREXONE
    after_stop = in_high_risk_window(snapshot, t)
    if not on_treatment and not after_stop:
        return []
    lookback = t.opioid_use_lookback_days
    reported = sorted(
        {
            c.on
            for c in check_ins_to_date(snapshot)
            if c.opioid_use and in_last(snapshot, c.on, lookback)
        }
    )
    positive = sorted(
        {
            s.on
            for s in snapshot.drug_screens
            if s.opioids_positive and s.on <= snapshot.as_of and in_last(snapshot, s.on, lookback)
        }
    )
    if not reported and not positive:
        return []
    latest = max(reported + positive)
    parts = []
    if reported:
        parts.append(f"opioid use was reported on {', '.join(iso(d) for d in reported)}")
    if positive:
        dates = ", ".join(iso(d) for d in positive)
        parts.append(f"a urine drug screen was positive for opioids on {dates}")
    what = " and ".join(parts)
    what = what[0].upper() + what[1:]
    evidence: dict[str, JSONValue] = {
        "reported_use": [iso(d) for d in reported],
        "positive_screens": [iso(d) for d in positive],
        "state": snapshot.state,
        "lookback_days": lookback,
    }
    if on_treatment:
        # source: REVIA, VIVITROL, TIP63 — trying to overcome the blockade can cause fatal overdose.
        return [
            AlertFinding(
                code=OPIOID_USE_ON_NALTREXONE,
                severity="urgent",
                message=f"{what} during naltrexone treatment. Trying to overcome the "
                "blockade with large amounts of opioids can cause a fatal overdose, and "
                "tolerance is lower near the end of a dosing interval or after missed doses. "
                "Contact the patient today, review the plan, and make sure they have naloxone.",
                evidence=evidence,
                source="REVIA+VIVITROL+TIP63",
                key=f"{OPIOID_USE_ON_NALTREXONE}:{iso(latest)}",
            )
        ]
    assert snapshot.stopped_on is not None
    evidence["stopped_on"] = iso(snapshot.stopped_on)
    # source: REVIA, VIVITROL, TIP63 — after stopping, tolerance is low: overdose risk.
    return [
        AlertFinding(
            code=OPIOID_USE_AFTER_STOPPING,
            severity="urgent",
            message=f"{what}; naltrexone was stopped on {iso(snapshot.stopped_on)}. "
            "After stopping, tolerance to opioids is lower than before, so a dose once "
            "tolerated can cause a fatal overdose. Contact the patient today, make sure they "
            "have naloxone, and offer treatment again.",
            evidence=evidence,
            source="REVIA+VIVITROL+TIP63",
            key=f"{OPIOID_USE_AFTER_STOPPING}:{iso(latest)}",
        )
    ]
