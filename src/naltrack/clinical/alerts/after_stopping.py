"""After stopping: the window of highest overdose risk, and follow-up contacts in it (opioid use
after stopping is ``opioid_use``'s, with no time limit)."""

from __future__ import annotations

from naltrack.clinical.alerts.dates import days_ago, iso, up_to_today
from naltrack.clinical.alerts.finding import AlertFinding
from naltrack.clinical.alerts.rules import FOLLOW_UP_MISSING
from naltrack.clinical.alerts.snapshot import PatientSnapshot
from naltrack.clinical.alerts.thresholds import Thresholds


def _days_since_stop(snapshot: PatientSnapshot) -> int | None:
    if snapshot.state != "stopped" or snapshot.stopped_on is None:
        return None
    return days_ago(snapshot, snapshot.stopped_on)


def in_high_risk_window(snapshot: PatientSnapshot, t: Thresholds) -> bool:
    days = _days_since_stop(snapshot)
    # source: NALTRACK — stopped within the last 90 days (REVIA+VIVITROL+TIP63 overdose warnings).
    return days is not None and 0 <= days < t.high_risk_window_days


def follow_up_missing(snapshot: PatientSnapshot, t: Thresholds) -> list[AlertFinding]:
    """A stopped patient the clinic has lost touch with: ``urgent`` with opioid use disorder
    (``OUD``, ``OUD_AUD``), ``high`` with alcohol use disorder (NALTRACK, from TIP63).

    With contacts booked by the stop plan, a booked contact more than the grace days late with
    no contact since (a day or so early counts) raises it, so a plan kept to the letter never
    alerts between its monthly contacts: the booked contacts are the clinic's cadence (for opioid
    use disorder, every few days for the first 4 weeks). With none booked, a plain gap of 14 days
    since the last contact.
    """
    if not in_high_risk_window(snapshot, t):
        return []
    stopped_on = snapshot.stopped_on
    assert stopped_on is not None
    contacts = [d for d in up_to_today(snapshot, snapshot.follow_up_contacts) if d >= stopped_on]
    since = contacts[-1] if contacts else stopped_on
    gap = days_ago(snapshot, since)
    grace = t.follow_up_grace_days
    # Days apart by subtraction: a booked day at either end of the calendar cannot overflow.
    late = [
        booked
        for booked in sorted(snapshot.follow_ups_booked)
        if days_ago(snapshot, booked) > grace
        and not any((booked - c).days <= grace for c in contacts)
    ]
    # source: NALTRACK — a booked contact 3 days late, or (none booked) 14 days without contact.
    if snapshot.follow_ups_booked and not late:
        return []
    if not snapshot.follow_ups_booked and gap < t.follow_up_gap_days:
        return []
    if late:
        when = f"the follow-up contact booked for {iso(late[0])} has not happened"
    elif contacts:
        when = f"the last follow-up contact was {gap} days ago, on {iso(since)}"
    else:
        when = "there has been no follow-up contact since"
    opioid = snapshot.indication in ("OUD", "OUD_AUD")
    risk = (
        "Tolerance to opioids is lower after stopping, so a previously tolerated dose can cause a "
        "fatal overdose."
        if opioid
        else "Cravings and drinking may return; and if the patient uses opioids, tolerance is low, "
        "so a previously tolerated dose can cause a fatal overdose."
    )
    # source: NALTRACK, from TIP63 — the overdose window after stopping makes it urgent in OUD.
    return [
        AlertFinding(
            code=FOLLOW_UP_MISSING,
            severity="urgent" if opioid else "high",
            message=f"Naltrexone was stopped on {iso(stopped_on)} "
            f"({days_ago(snapshot, stopped_on)} days ago) and {when}. {risk} Contact the "
            f"patient{' today' if opioid else ''}, ask about cravings and drug or alcohol use, "
            "and make sure they have naloxone.",
            evidence={
                "stopped_on": iso(stopped_on),
                "last_contact": iso(contacts[-1]) if contacts else None,
                "days_without_contact": gap,
                "gap_threshold_days": t.follow_up_gap_days,
                "late_booked_contacts": [iso(d) for d in late],
                "window_days": t.high_risk_window_days,
            },
            source="NALTRACK+REVIA+VIVITROL+TIP63",
            key=f"{FOLLOW_UP_MISSING}:{iso(since)}",
        )
    ]
