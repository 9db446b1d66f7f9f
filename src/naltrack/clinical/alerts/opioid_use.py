"""Opioid use, in every state: before the first dose, on naltrexone, and after stopping it.

Four sources, each within the look-back (``Thresholds.opioid_use_lookback_days``): opioid use
reported at a check-in; opioid use a clinician recorded (``PatientSnapshot.opioid_exposures``);
a craving walk-through the patient ended with "I drank or used" (``cravings_used``), read as
possible opioid use for opioid use disorder (``OUD``, ``OUD_AUD``) only, since the walk-through
does not say which and for alcohol use disorder alone it most likely means drinking; and an
opioid-positive urine screen. Any of them is ``urgent``: overdose risk (REVIA, VIVITROL, TIP63).
After a stop there is no limit on the time since stopping. The key names the latest use, so a new
use is a new alert.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from naltrack.clinical.alerts.dates import check_ins_to_date, in_last, iso
from naltrack.clinical.alerts.finding import AlertFinding, JSONValue
from naltrack.clinical.alerts.rules import (
    OPIOID_USE_AFTER_STOPPING,
    OPIOID_USE_IN_SCREENING,
    OPIOID_USE_ON_NALTREXONE,
)
from naltrack.clinical.alerts.snapshot import ON_NALTREXONE, PatientSnapshot
from naltrack.clinical.alerts.thresholds import Thresholds

OPIOID_INDICATIONS = ("OUD", "OUD_AUD")

_KINDS = {
    "short_acting": "a short-acting opioid",
    "methadone": "methadone",
    "buprenorphine": "buprenorphine",
    "buprenorphine_extended_release": "extended-release buprenorphine",
    "other_long_acting": "a long-acting opioid",
}


def _dates(days: Sequence[dt.date]) -> str:
    return ", ".join(iso(day) for day in days)


def _what(
    reported: Sequence[dt.date],
    recorded: Sequence[tuple[dt.date, str]],
    used: Sequence[dt.date],
    positive: Sequence[dt.date],
) -> str:
    parts = []
    if reported:
        parts.append(f"opioid use was reported at the check-in of {_dates(reported)}")
    if recorded:
        uses = ", ".join(
            f"{_KINDS.get(kind, kind.replace('_', ' '))} on {iso(day)}" for day, kind in recorded
        )
        parts.append(f"the clinic recorded opioid use ({uses})")
    if used:
        parts.append(
            f"a craving walk-through on {_dates(used)} ended with 'I drank or used', which may "
            "mean opioid use"
        )
    if positive:
        parts.append(f"a urine drug screen was positive for opioids on {_dates(positive)}")
    what = "; ".join(parts)
    return what[0].upper() + what[1:]


def opioid_use(snapshot: PatientSnapshot, t: Thresholds) -> list[AlertFinding]:
    lookback = t.opioid_use_lookback_days

    def recent(day: dt.date) -> bool:
        return in_last(snapshot, day, lookback)  # never a day after as_of

    reported = sorted({c.on for c in check_ins_to_date(snapshot) if c.opioid_use and recent(c.on)})
    recorded = sorted({(e.on, e.kind) for e in snapshot.opioid_exposures if recent(e.on)})
    used = (
        sorted({day for day in snapshot.cravings_used if recent(day)})
        if snapshot.indication in OPIOID_INDICATIONS
        else []
    )
    positive = sorted({s.on for s in snapshot.drug_screens if s.opioids_positive and recent(s.on)})
    certain = [*reported, *(day for day, _ in recorded), *positive]
    if not certain and not used:
        return []
    latest = max([*certain, *used])
    what = _what(reported, recorded, used, positive)
    evidence: dict[str, JSONValue] = {
        "reported_use": [iso(d) for d in reported],
        "recorded_use": [{"date": iso(d), "kind": kind} for d, kind in recorded],
        "craving_ended_used": [iso(d) for d in used],
        "positive_screens": [iso(d) for d in positive],
        "state": snapshot.state,
        "lookback_days": lookback,
    }
    if snapshot.state == "screening":
        # source: REVIA, VIVITROL — opioid-free 7-10 days (or longer) before the first dose: the
        # window counts again from the latest use. TIP63 — the wait is a time of overdose risk.
        restart = f"The opioid-free window restarts from {iso(latest)}"
        if latest not in certain:
            restart = f"If opioids were used, the opioid-free window restarts from {iso(latest)}"
        evidence["window_restarts_from"] = iso(latest)
        code = OPIOID_USE_IN_SCREENING
        message = (
            f"{what}, before the first dose of naltrexone. {restart}: check again before "
            "starting. The wait before the first dose is a time of high overdose risk, since "
            "tolerance may already be lower than the patient thinks. Contact the patient today "
            "and make sure they have naloxone."
        )
    elif snapshot.state in ON_NALTREXONE:
        # source: REVIA, VIVITROL, TIP63 — trying to overcome the blockade can cause fatal overdose.
        code = OPIOID_USE_ON_NALTREXONE
        message = (
            f"{what}, during naltrexone treatment. Trying to overcome the blockade with large "
            "amounts of opioids can cause a fatal overdose, and tolerance is lower near the end "
            "of a dosing interval or after missed doses. Contact the patient today, review the "
            "plan, and make sure they have naloxone."
        )
    else:
        assert snapshot.stopped_on is not None  # a stopped snapshot always has it
        evidence["stopped_on"] = iso(snapshot.stopped_on)
        # source: REVIA, VIVITROL, TIP63 — after stopping, tolerance is low: overdose risk, with
        # no end date.
        code = OPIOID_USE_AFTER_STOPPING
        message = (
            f"{what}; naltrexone was stopped on {iso(snapshot.stopped_on)}. After stopping, "
            "tolerance to opioids is lower than before, so a dose once tolerated can cause a "
            "fatal overdose. Contact the patient today, make sure they have naloxone, and offer "
            "treatment again."
        )
    return [
        AlertFinding(
            code=code,
            severity="urgent",
            message=message,
            evidence=evidence,
            source="REVIA+VIVITROL+TIP63",
            key=f"{code}:{iso(latest)}",
        )
    ]
