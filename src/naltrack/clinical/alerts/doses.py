"""Doses not taken: an overdue injection, oral doses missed."""

from __future__ import annotations

import datetime as dt
from typing import Final

from naltrack.clinical.alerts.dates import in_last, iso, up_to_today
from naltrack.clinical.alerts.finding import AlertFinding
from naltrack.clinical.alerts.rules import (
    DOSE_REPORT_DAYS,
    DOSE_REPORT_DIFFERS,
    INJECTION_OVERDUE,
    ORAL_DOSES_MISSED,
)
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
    # source: VIVITROL — every 4 weeks; overdue when today is later than last + 28 days.
    # Counted back from today: the due day is then before today, inside the calendar.
    days_overdue = (snapshot.as_of - last).days - t.injection_overdue_days
    if days_overdue <= 0:
        return []
    due = snapshot.as_of - dt.timedelta(days=days_overdue)
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


# source: REVIA §Dosage (and KJOME2011) — the longest interval between two scheduled oral doses
# of any schedule is 3 days (150 mg every third day; Friday to Monday): misses further apart are
# not "in a row".
MAX_DOSE_INTERVAL_DAYS: Final = 3


def missed_in_a_row(snapshot: PatientSnapshot) -> list[dt.date]:
    """The latest run of scheduled doses missed with none recorded as taken between them.

    Dose events exist only for scheduled days, so consecutive events are consecutive scheduled
    days as far as the record knows; a day with no event (not reported) does not break a run,
    but a gap longer than any schedule's interval does. A day with a dose taken (on any regimen)
    counts as taken.
    """
    taken: dict[dt.date, bool] = {}
    for event in snapshot.oral_doses:
        if event.on <= snapshot.as_of:
            taken[event.on] = taken.get(event.on, False) or event.status == "taken"
    run: list[dt.date] = []
    latest: list[dt.date] = []
    for day in sorted(taken):
        if taken[day]:
            run = []
            continue
        if run and (day - run[-1]).days > MAX_DOSE_INTERVAL_DAYS:
            run = []
        run.append(day)
        latest = run
    return latest


def missed_doses(snapshot: PatientSnapshot, t: Thresholds) -> list[AlertFinding]:
    """Missed oral doses: 3 in the last 7 days (NALTRACK); with opioid use disorder also 2
    scheduled doses in a row, the last in the window (NALTRACK, from REVIA). One alert either way,
    under one key, so the alert stays the same one as the misses add up."""
    if snapshot.formulation != "oral" or snapshot.state not in ON_NALTREXONE:
        return []
    window = t.missed_doses_window_days
    missed = sorted(
        {
            event.on
            for event in snapshot.oral_doses
            if event.status == "missed" and in_last(snapshot, event.on, window)
        }
    )
    opioid = snapshot.indication in ("OUD", "OUD_AUD")
    run = missed_in_a_row(snapshot) if opioid else []
    # source: NALTRACK, from REVIA — the blockade of a dose is gone after about 24 hours.
    in_a_row = len(run) >= t.missed_in_a_row and in_last(snapshot, run[-1], window)
    # source: NALTRACK — N missed doses in the last 7 days.
    if not in_a_row and len(missed) < t.missed_doses_count:
        return []
    counted = f"{len(missed)} oral doses were missed in the last {window} days"
    if in_a_row:
        what = (
            f"{len(run)} scheduled oral doses in a row were missed, from {iso(run[0])} to "
            f"{iso(run[-1])}, with none recorded as taken between ({counted})."
        )
    else:
        what = f"{counted}."
    advice = (
        " The blockade is gone about a day after a missed dose, and tolerance to opioids may be "
        "low, so a dose once tolerated could cause a fatal overdose: contact the patient, ask "
        "about opioid use, make sure they have naloxone, and consider supervised dosing or the "
        "injection."
        if opioid
        else " Talk with the patient about what gets in the way, and whether supervised dosing "
        "or an injection would help."
    )
    return [
        AlertFinding(
            code=ORAL_DOSES_MISSED,
            severity="high" if opioid else "routine",
            message=what + advice,
            evidence={
                "missed_dates": [iso(day) for day in missed],
                "missed_in_a_row": [iso(day) for day in run] if in_a_row else [],
                "window_days": window,
                "threshold_count": t.missed_doses_count,
                "threshold_in_a_row": t.missed_in_a_row if opioid else None,
            },
            source="NALTRACK+REVIA" if opioid else "NALTRACK",
            key=ORAL_DOSES_MISSED,
        )
    ]


def dose_reports_differ(snapshot: PatientSnapshot) -> list[AlertFinding]:
    """A dose staff saw that the patient later reported otherwise: one alert per dose, so the
    clinician checks with the patient which is right (neither entry overwrites the other)."""
    return [
        AlertFinding(
            code=DOSE_REPORT_DIFFERS,
            severity="routine",
            message=f"On {iso(event.on)} staff recorded the dose as {event.status} (seen by staff); "
            f"the patient later reported it {event.patient_report}. Both are kept: check with the "
            "patient which is right.",
            evidence={
                "day": iso(event.on),
                "observed": event.status,
                "patient_report": event.patient_report,
            },
            source="NALTRACK",
            key=f"{DOSE_REPORT_DIFFERS}:{iso(event.on)}",
        )
        for event in snapshot.oral_doses
        if event.patient_report is not None
        and event.patient_report != event.status
        and in_last(snapshot, event.on, DOSE_REPORT_DAYS)
    ]
