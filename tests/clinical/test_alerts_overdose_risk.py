"""Alert rules for the risk of overdose after stopping: the follow-up contacts the high-risk window
after stopping needs (booked by the stop plan or not), urgent in opioid use disorder. Opioid use
itself: test_alerts_opioid_use.py."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from tests.clinical.alert_snapshots import AS_OF, ago, codes, only, stopped

from naltrack.clinical.alerts import PatientSnapshot

# ---------------------------------------------------------------------------------------------
# The high-risk window after stopping: follow-up (source: NALTRACK+REVIA+VIVITROL+TIP63)


@pytest.mark.parametrize(
    ("days_since_stop", "fires"), [(13, False), (14, True), (89, True), (90, False)]
)
@pytest.mark.parametrize("indication", ["OUD", "OUD_AUD", "AUD"])
def test_no_follow_up_since_stopping(days_since_stop: int, fires: bool, indication: str) -> None:
    snapshot = stopped(days_since_stop, follow_up_contacts=(), indication=indication)
    assert ("follow_up_missing_after_stop" in codes(snapshot)) is fires


@pytest.mark.parametrize(
    ("indication", "severity"), [("OUD", "urgent"), ("OUD_AUD", "urgent"), ("AUD", "high")]
)
def test_follow_up_alert_is_urgent_in_opioid_use_disorder(indication: str, severity: str) -> None:
    # source: NALTRACK, from TIP63 — the overdose window after stopping
    for snapshot in (
        stopped(14, follow_up_contacts=(), indication=indication),  # 14 days without contact
        stopped(20, follow_up_contacts=(), follow_ups_booked=(ago(13),), indication=indication),
    ):
        alert = only(snapshot, "follow_up_missing_after_stop")
        assert alert.severity == severity
        assert ("today" in alert.message) is (severity == "urgent")


@pytest.mark.parametrize(("contact_days_ago", "fires"), [(13, False), (14, True), (30, True)])
def test_follow_up_gap_after_the_last_contact(contact_days_ago: int, fires: bool) -> None:
    snapshot = stopped(40, follow_up_contacts=(ago(contact_days_ago),))
    assert ("follow_up_missing_after_stop" in codes(snapshot)) is fires


def test_follow_up_alert_content_and_closing() -> None:
    snapshot = stopped(
        30, follow_up_contacts=(ago(35), ago(20))
    )  # the contact before the stop does not count
    alert = only(snapshot, "follow_up_missing_after_stop")
    assert alert.severity == "urgent"  # opioid use disorder (the snapshot's indication)
    assert alert.key == f"follow_up_missing_after_stop:{ago(20).isoformat()}"
    assert alert.evidence["last_contact"] == ago(20).isoformat()
    assert alert.evidence["days_without_contact"] == 20
    assert "fatal overdose" in alert.message and "naloxone" in alert.message
    # a contact today closes it
    assert codes(replace(snapshot, follow_up_contacts=(ago(20), ago(0)))) == []


def test_follow_up_alert_without_any_contact() -> None:
    alert = only(
        stopped(15, follow_up_contacts=(), indication="AUD"), "follow_up_missing_after_stop"
    )
    assert alert.key == f"follow_up_missing_after_stop:{ago(15).isoformat()}"
    assert alert.evidence["last_contact"] is None
    assert "no follow-up contact since" in alert.message


def test_a_stopped_episode_needs_its_date() -> None:
    with pytest.raises(ValueError):
        PatientSnapshot(as_of=AS_OF, state="stopped", indication="OUD")


# --- follow-up contacts booked by the stop plan ----------------------------------------------


def test_a_plan_kept_to_the_letter_raises_no_follow_up_alert() -> None:
    # Stopped 45 days ago; contacts booked at +7, +14, +28 and monthly, all made on time.
    booked = (ago(38), ago(31), ago(17), ago(0) + dt.timedelta(days=13))
    snapshot = stopped(45, follow_up_contacts=(ago(38), ago(31), ago(17)), follow_ups_booked=booked)
    assert "follow_up_missing_after_stop" not in codes(snapshot)


# A missed booked follow-up: 3 days late is within the grace, 4 days late is not.
@pytest.mark.parametrize(("days_late", "fires"), [(3, False), (4, True)])
def test_a_booked_contact_more_than_the_grace_days_late_fires(days_late: int, fires: bool) -> None:
    # source: NALTRACK — grace of 3 days after a booked follow-up contact
    snapshot = stopped(
        20, follow_up_contacts=(ago(13),), follow_ups_booked=(ago(13), ago(days_late))
    )
    assert ("follow_up_missing_after_stop" in codes(snapshot)) is fires


def test_a_contact_a_day_early_counts_for_the_booking() -> None:
    snapshot = stopped(20, follow_up_contacts=(ago(11),), follow_ups_booked=(ago(10),))
    assert "follow_up_missing_after_stop" not in codes(snapshot)


def test_the_late_booking_is_named_in_the_alert() -> None:
    snapshot = stopped(20, follow_up_contacts=(), follow_ups_booked=(ago(13), ago(6)))
    alert = only(snapshot, "follow_up_missing_after_stop")
    assert f"booked for {ago(13).isoformat()}" in alert.message
    assert alert.evidence["late_booked_contacts"] == [ago(13).isoformat(), ago(6).isoformat()]
