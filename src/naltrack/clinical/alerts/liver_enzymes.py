"""Liver enzymes while on naltrexone: each run of raised ALT or AST results, until acknowledged.

A liver alert closes only when a clinician acknowledges it, never by the next normal value alone
(NALTRACK; CLINICAL additions of 2026-12-04). So the rule does not read only the latest result:
for each test it finds the runs of raised results (consecutive results above the clinic's lower
limit, by date, with no result at or below it between) and keeps returning one finding per run
while the run's last raised result is within ``Thresholds.liver_lookback_days`` of ``as_of``,
whatever came after it. The key names the test and the run's first raised date
(``liver_enzymes_very_high:ALT:2026-03-01``), so it stays the same while the run lasts and after
it ends; the code (and severity) follows the run's highest result, so a run that climbs above
the upper limit becomes a ``liver_enzymes_very_high`` finding with its own key.

When a later result is back at or below the limit, the finding stays, with the same severity,
and says so (``evidence["back_within_limit"]``). Every liver finding carries
``evidence["acknowledge_to_close"] = True``: the record keeps such an alert open until a
clinician acknowledges it, even when its key is no longer returned (the result left the
look-back, the episode stopped), and does not raise a new alert for a key a clinician has
already acknowledged.
"""

from __future__ import annotations

import datetime as dt

from naltrack.clinical.alerts.dates import in_last, iso
from naltrack.clinical.alerts.finding import AlertFinding, JSONValue
from naltrack.clinical.alerts.rules import LIVER_HIGH, LIVER_VERY_HIGH
from naltrack.clinical.alerts.snapshot import ON_NALTREXONE, LabResult, PatientSnapshot
from naltrack.clinical.alerts.thresholds import Thresholds
from naltrack.clinical.liver import LIVER_ENZYMES


def _times(multiple: float) -> str:
    return f"{round(multiple, 2):g}"


def _number(value: float) -> str:
    return f"{value:g}"


def _stated(lab: LabResult) -> str:
    return (
        f"{_number(lab.value)} on {iso(lab.on)}, {_times(lab.multiple_of_uln)} times the upper "
        f"limit of normal ({_number(lab.upper_limit_normal)})"
    )


def _result(lab: LabResult) -> dict[str, JSONValue]:
    return {
        "date": iso(lab.on),
        "value": lab.value,
        "upper_limit_normal": lab.upper_limit_normal,
        "multiple_of_uln": round(lab.multiple_of_uln, 2),
    }


def _by_day(snapshot: PatientSnapshot, test: str) -> list[LabResult]:
    """One result a day (the highest, if several), in date order, none after ``as_of``."""
    day_max: dict[dt.date, LabResult] = {}
    for lab in snapshot.labs:
        if lab.test.strip().upper() != test or lab.on > snapshot.as_of:
            continue
        kept = day_max.get(lab.on)
        if kept is None or lab.multiple_of_uln > kept.multiple_of_uln:
            day_max[lab.on] = lab
    return [day_max[day] for day in sorted(day_max)]


def _runs(results: list[LabResult], limit: float) -> list[tuple[list[LabResult], LabResult | None]]:
    """Each run of raised results, with the first result after it at or below ``limit``."""
    runs: list[tuple[list[LabResult], LabResult | None]] = []
    run: list[LabResult] = []
    for lab in results:
        if lab.multiple_of_uln > limit:
            run.append(lab)
        elif run:
            runs.append((run, lab))
            run = []
    if run:
        runs.append((run, None))
    return runs


def _finding(
    test: str, run: list[LabResult], after: LabResult | None, t: Thresholds
) -> AlertFinding:
    peak = max(run, key=lambda lab: lab.multiple_of_uln)
    urgent = peak.multiple_of_uln > t.liver_urgent_multiple
    limit = t.liver_urgent_multiple if urgent else t.liver_warn_multiple
    code = LIVER_VERY_HIGH if urgent else LIVER_HIGH
    if len(run) == 1:
        history = f"{test} was {_stated(peak)}"
    else:
        history = (
            f"{test} has been raised since {iso(run[0].on)} ({len(run)} results); the highest "
            f"was {_stated(peak)}"
        )
    history += f": above the clinic's limit of {_number(limit)} times."
    if after is not None:
        now = (
            f" The next {test}, {_stated(after)}, is at or below the limit of "
            f"{_number(t.liver_warn_multiple)} times. A normal value alone does not close this "
            "alert: review the history of values, and acknowledge it to close it."
        )
    elif urgent:
        # source: NALTRACK, informed by XBOT (>5x ULN) and VIVITROL §5.4 (stop at acute hepatitis)
        now = (
            " A clinician should review today: check for signs or symptoms of acute hepatitis, "
            "and stop naltrexone if there are any. The alert stays open until a clinician "
            "acknowledges it."
        )
    else:
        # source: NALTRACK, informed by TIP63/AUDGUIDE and VIVITROL (trial exclusion >3x ULN)
        now = (
            " Review liver function, repeat the tests sooner, and stop naltrexone if there are "
            "signs or symptoms of acute hepatitis. The alert stays open until a clinician "
            "acknowledges it."
        )
    evidence: dict[str, JSONValue] = {
        "test": test,
        **_result(peak),
        "threshold_multiple": limit,
        "raised_since": iso(run[0].on),
        "raised_results": [_result(lab) for lab in run],
        "back_within_limit": after is not None,
        "next_result": None if after is None else _result(after),
        "lookback_days": t.liver_lookback_days,
        "acknowledge_to_close": True,
    }
    return AlertFinding(
        code=code,
        severity="urgent" if urgent else "high",
        message=history + now,
        evidence=evidence,
        source="NALTRACK+XBOT+VIVITROL" if urgent else "NALTRACK+VIVITROL",
        key=f"{code}:{test}:{iso(run[0].on)}",
    )


def liver_enzymes(snapshot: PatientSnapshot, t: Thresholds) -> list[AlertFinding]:
    if snapshot.state not in ON_NALTREXONE:
        return []
    alerts: list[AlertFinding] = []
    for test in LIVER_ENZYMES:
        # source: NALTRACK — above 3x (high) or 5x (urgent) ULN; kept for the look-back.
        for run, after in _runs(_by_day(snapshot, test), t.liver_warn_multiple):
            if in_last(snapshot, run[-1].on, t.liver_lookback_days):
                alerts.append(_finding(test, run, after, t))
    return alerts
