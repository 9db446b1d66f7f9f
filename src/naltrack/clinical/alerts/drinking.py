"""Drinking on the check-ins: repeated heavy drinking days."""

from __future__ import annotations

import datetime as dt

from naltrack.clinical.alerts.dates import check_ins_to_date, in_last, iso
from naltrack.clinical.alerts.finding import AlertFinding
from naltrack.clinical.alerts.rules import HEAVY_DRINKING
from naltrack.clinical.alerts.snapshot import PatientSnapshot
from naltrack.clinical.alerts.thresholds import Thresholds


def heavy_drinking(snapshot: PatientSnapshot, t: Thresholds) -> list[AlertFinding]:
    # source: NALTRACK, following the common NIAAA definition: >= 4 drinks (women), >= 5 (men);
    # the lower figure when sex is unknown.
    limit = (
        t.heavy_drinking_drinks_male if snapshot.sex == "male" else t.heavy_drinking_drinks_female
    )
    per_day: dict[dt.date, int] = {}
    for check_in in check_ins_to_date(snapshot):
        if check_in.drinks is not None and in_last(
            snapshot, check_in.on, t.heavy_drinking_window_days
        ):
            per_day[check_in.on] = per_day.get(check_in.on, 0) + check_in.drinks
    heavy = sorted(day for day, drinks in per_day.items() if drinks >= limit)
    if len(heavy) < t.heavy_drinking_days:
        return []
    return [
        AlertFinding(
            code=HEAVY_DRINKING,
            severity="routine",
            message=f"{len(heavy)} heavy drinking days ({limit} or more drinks) in the last "
            f"{t.heavy_drinking_window_days} days. Review the treatment plan and support with "
            "the patient.",
            evidence={
                "heavy_days": [iso(day) for day in heavy],
                "drinks": {iso(day): per_day[day] for day in heavy},
                "drinks_threshold": limit,
                "window_days": t.heavy_drinking_window_days,
                "threshold_days": t.heavy_drinking_days,
            },
            source="NALTRACK",
            key=HEAVY_DRINKING,
        )
    ]
