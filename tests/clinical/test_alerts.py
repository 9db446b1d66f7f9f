"""Alert rules (naltrack.clinical.alerts): each fires at its threshold and not just below it."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from typing import Any

import pytest

from naltrack.clinical.alerts import (
    DEFAULT_THRESHOLDS,
    SEVERITY_ORDER,
    AlertFinding,
    CheckIn,
    InstrumentScore,
    LabResult,
    OralDoseEvent,
    PatientSnapshot,
    Thresholds,
    UrineDrugScreen,
    evaluate,
)
from naltrack.clinical.evidence import RULES

AS_OF = dt.date(2026, 3, 15)


def ago(days: int) -> dt.date:
    return AS_OF - dt.timedelta(days=days)


def on_oral(**changes: Any) -> PatientSnapshot:
    """A patient doing well on oral naltrexone: nothing should alert."""
    base = PatientSnapshot(
        as_of=AS_OF,
        state="maintenance",
        indication="OUD",
        formulation="oral",
        sex="female",
        last_dose_on=AS_OF,
        oral_doses=tuple(OralDoseEvent(ago(d), "taken") for d in range(14)),
        check_ins=tuple(CheckIn(ago(d), craving=2, drinks=0) for d in range(0, 14, 2)),
        labs=(LabResult(ago(30), "ALT", 30, 40), LabResult(ago(30), "AST", 28, 40)),
        drug_screens=(UrineDrugScreen(ago(3), opioids_positive=False),),
        scores=(InstrumentScore(ago(10), "phq9", 3, "minimal"),),
    )
    return replace(base, **changes)


def on_xr(**changes: Any) -> PatientSnapshot:
    return replace(
        on_oral(formulation="xr_injection", oral_doses=(), injections=(ago(20),)), **changes
    )


def stopped(days_ago: int, **changes: Any) -> PatientSnapshot:
    base = on_oral(
        state="stopped",
        stopped_on=ago(days_ago),
        last_dose_on=ago(days_ago + 1),
        oral_doses=(),
        follow_up_contacts=(ago(min(days_ago, 3)),),
    )
    return replace(base, **changes)


def codes(snapshot: PatientSnapshot, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> list[str]:
    return [alert.code for alert in evaluate(snapshot, thresholds)]


def only(snapshot: PatientSnapshot, code: str) -> AlertFinding:
    found = [alert for alert in evaluate(snapshot) if alert.code == code]
    assert len(found) == 1, evaluate(snapshot)
    return found[0]


# ---------------------------------------------------------------------------------------------
# Nothing wrong, nothing raised


def test_a_patient_doing_well_raises_no_alert() -> None:
    assert evaluate(on_oral()) == []
    assert evaluate(on_xr()) == []
    assert evaluate(on_oral(indication="AUD", sex="male")) == []


def test_a_stopped_patient_with_follow_up_raises_no_alert() -> None:
    assert evaluate(stopped(20, follow_up_contacts=(ago(13), ago(6)))) == []


def test_an_empty_snapshot_raises_no_alert() -> None:
    for state in ("screening", "induction", "maintenance", "tapering"):
        assert evaluate(PatientSnapshot(as_of=AS_OF, state=state, indication="AUD")) == []


# ---------------------------------------------------------------------------------------------
# Liver enzymes (source: NALTRACK, informed by TIP63/AUDGUIDE, VIVITROL and XBOT)


@pytest.mark.parametrize(
    ("test", "value", "uln", "expected"),
    [
        ("ALT", 120, 40, []),  # exactly 3x: not above
        ("ALT", 121, 40, ["liver_enzymes_high"]),
        ("ALT", 200, 40, ["liver_enzymes_high"]),  # exactly 5x: still the lower level
        ("ALT", 201, 40, ["liver_enzymes_very_high"]),
        ("AST", 121, 40, ["liver_enzymes_high"]),
        ("AST", 201, 40, ["liver_enzymes_very_high"]),
        ("alt", 121, 40, ["liver_enzymes_high"]),  # test names are matched case-insensitively
        ("bilirubin", 5, 1, []),  # no threshold for other tests
    ],
)
def test_liver_thresholds(test: str, value: float, uln: float, expected: list[str]) -> None:
    snapshot = on_oral(labs=(LabResult(ago(2), test, value, uln),))
    assert codes(snapshot) == expected


def test_liver_alert_content() -> None:
    alert = only(on_oral(labs=(LabResult(ago(2), "AST", 240, 40),)), "liver_enzymes_very_high")
    assert alert.severity == "urgent"
    assert alert.key == "liver_enzymes_very_high:AST"
    assert alert.evidence["multiple_of_uln"] == 6.0
    assert alert.evidence["date"] == ago(2).isoformat()
    assert "acute hepatitis" in alert.message
    assert alert.source == "NALTRACK+XBOT+VIVITROL"
    high = only(on_oral(labs=(LabResult(ago(2), "ALT", 130, 40),)), "liver_enzymes_high")
    assert high.severity == "high"


def test_liver_alert_closes_on_a_newer_normal_result() -> None:
    raised = LabResult(ago(20), "ALT", 300, 40)
    assert codes(on_oral(labs=(raised,))) == ["liver_enzymes_very_high"]
    assert codes(on_oral(labs=(raised, LabResult(ago(1), "ALT", 50, 40)))) == []
    # a result dated after as_of is not yet known
    assert codes(on_oral(labs=(raised, LabResult(AS_OF + dt.timedelta(1), "ALT", 50, 40)))) == [
        "liver_enzymes_very_high"
    ]


def test_liver_alert_only_on_treatment() -> None:
    labs = (LabResult(ago(2), "ALT", 300, 40),)
    assert codes(on_oral(state="screening", labs=labs)) == []  # start-check's business
    assert "liver_enzymes_very_high" in codes(on_oral(state="tapering", labs=labs))


def test_liver_thresholds_are_configurable() -> None:
    snapshot = on_oral(labs=(LabResult(ago(2), "ALT", 84, 40),))  # 2.1x
    assert codes(snapshot) == []
    strict = Thresholds(liver_warn_multiple=2.0, liver_urgent_multiple=4.0)
    assert codes(snapshot, strict) == ["liver_enzymes_high"]


# ---------------------------------------------------------------------------------------------
# Injection overdue (source: VIVITROL — every 4 weeks; overdue when as_of > last + 28 days)


@pytest.mark.parametrize(
    ("days_since", "overdue"), [(27, False), (28, False), (29, True), (60, True)]
)
def test_injection_overdue_threshold(days_since: int, overdue: bool) -> None:
    snapshot = on_xr(injections=(ago(days_since + 28), ago(days_since)))
    assert ("injection_overdue" in codes(snapshot)) is overdue


def test_injection_overdue_content_and_closing() -> None:
    snapshot = on_xr(injections=(ago(31),))
    alert = only(snapshot, "injection_overdue")
    assert alert.severity == "high"
    assert alert.key == f"injection_overdue:{ago(31).isoformat()}"
    assert alert.evidence == {
        "last_injection": ago(31).isoformat(),
        "due": ago(3).isoformat(),
        "days_overdue": 3,
        "interval_days": 28,
    }
    assert "naloxone" in alert.message
    assert alert.source == "VIVITROL"
    # the next injection closes it
    assert codes(replace(snapshot, injections=(ago(31), ago(0)))) == []


@pytest.mark.parametrize(
    "changes",
    [
        {"state": "tapering"},
        {"state": "screening"},
        {"formulation": "oral"},
        {"injections": ()},  # nothing to count from
    ],
)
def test_injection_overdue_does_not_apply(changes: dict[str, Any]) -> None:
    snapshot = replace(on_xr(injections=(ago(40),)), **changes)
    assert "injection_overdue" not in codes(snapshot)


# ---------------------------------------------------------------------------------------------
# Missed oral doses (source: NALTRACK — 3 in the last 7 days)


def doses(missed_days_ago: tuple[int, ...]) -> tuple[OralDoseEvent, ...]:
    return tuple(
        OralDoseEvent(ago(d), "missed" if d in missed_days_ago else "taken") for d in range(14)
    )


@pytest.mark.parametrize(
    ("missed", "fires"),
    [
        ((0, 1), False),
        ((0, 1, 2), True),
        ((0, 3, 6), True),  # six days ago is inside the 7-day window
        ((0, 3, 7), False),  # seven days ago is outside it
        ((8, 9, 10, 11), False),
    ],
)
def test_missed_doses_threshold(missed: tuple[int, ...], fires: bool) -> None:
    assert ("oral_doses_missed" in codes(on_oral(oral_doses=doses(missed)))) is fires


def test_missed_doses_severity_depends_on_indication() -> None:
    oud = only(on_oral(oral_doses=doses((1, 2, 3))), "oral_doses_missed")
    assert oud.severity == "high"
    assert "overdose" in oud.message
    assert oud.key == "oral_doses_missed"
    assert oud.evidence["missed_dates"] == [
        ago(3).isoformat(),
        ago(2).isoformat(),
        ago(1).isoformat(),
    ]
    aud = only(on_oral(indication="AUD", oral_doses=doses((1, 2, 3))), "oral_doses_missed")
    assert aud.severity == "routine"


def test_missed_doses_only_while_on_oral_naltrexone() -> None:
    assert "oral_doses_missed" not in codes(
        stopped(2, oral_doses=doses((0, 1, 2)), follow_up_contacts=(ago(1),))
    )
    assert "oral_doses_missed" not in codes(on_xr(oral_doses=doses((0, 1, 2))))


def test_missed_doses_configurable() -> None:
    snapshot = on_oral(oral_doses=doses((0, 1)))
    assert codes(snapshot, Thresholds(missed_doses_count=2)) == ["oral_doses_missed"]


# ---------------------------------------------------------------------------------------------
# Cravings (source: NALTRACK)


@pytest.mark.parametrize(("craving", "fires"), [(6, False), (7, True), (10, True)])
def test_craving_high_on_latest_check_in(craving: int, fires: bool) -> None:
    check_ins = (CheckIn(ago(9), 6), CheckIn(ago(1), craving))
    snapshot = on_oral(check_ins=check_ins)
    assert ("craving_high" in codes(snapshot)) is fires


def test_craving_high_closes_with_a_lower_check_in() -> None:
    high = on_oral(check_ins=(CheckIn(ago(12), 5), CheckIn(ago(3), 9)))
    alert = only(high, "craving_high")
    assert alert.key == f"craving_high:{ago(3).isoformat()}"
    assert alert.severity == "routine"
    lower = replace(high, check_ins=(*high.check_ins, CheckIn(ago(0), 4)))
    assert "craving_high" not in codes(lower)


@pytest.mark.parametrize(
    ("previous", "recent", "fires"),
    [
        ((3, 3), (4, 5), False),  # +1.5
        ((3, 3), (5, 5), True),  # +2.0, exactly the threshold
        ((3, 4), (6, 5), True),  # +2.0
        ((0,), (2,), True),
        ((6, 6), (6, 6), False),
        ((), (9, 9), False),  # nothing to compare with
    ],
)
def test_craving_rising(previous: tuple[int, ...], recent: tuple[int, ...], fires: bool) -> None:
    # recent check-ins 0-6 days ago, previous 7-13 days ago (the edges of each window)
    check_ins = tuple(CheckIn(ago(d), c) for d, c in zip((13, 7), previous, strict=False)) + tuple(
        CheckIn(ago(d), c) for d, c in zip((6, 0), recent, strict=False)
    )
    snapshot = on_oral(check_ins=check_ins)
    assert ("craving_rising" in codes(snapshot)) is fires


def test_craving_rising_ignores_check_ins_older_than_two_windows() -> None:
    snapshot = on_oral(check_ins=(CheckIn(ago(14), 0), CheckIn(ago(10), 4), CheckIn(ago(2), 5)))
    assert "craving_rising" not in codes(snapshot)
    alert = only(
        replace(snapshot, check_ins=(CheckIn(ago(10), 3), CheckIn(ago(2), 5))), "craving_rising"
    )
    assert alert.key == "craving_rising"
    assert alert.evidence["rise"] == 2.0


# ---------------------------------------------------------------------------------------------
# Heavy drinking days (source: NALTRACK, following the common NIAAA definition)


@pytest.mark.parametrize(
    ("sex", "drinks", "days", "fires"),
    [
        ("female", 4, (1, 3), True),
        ("female", 3, (1, 3), False),
        ("female", 4, (1,), False),  # one day is not enough
        ("female", 4, (1, 7), False),  # seven days ago is outside the window
        ("female", 4, (0, 6), True),
        ("male", 4, (1, 3), False),
        ("male", 5, (1, 3), True),
        (None, 4, (1, 3), True),  # sex unknown: the lower figure
        (None, 3, (1, 3), False),
    ],
)
def test_heavy_drinking_days(
    sex: str | None, drinks: int, days: tuple[int, ...], fires: bool
) -> None:
    check_ins = tuple(CheckIn(ago(d), 2, drinks=drinks if d in days else 0) for d in range(10))
    snapshot = on_oral(indication="AUD", sex=sex, check_ins=check_ins)
    assert ("heavy_drinking_days" in codes(snapshot)) is fires


def test_heavy_drinking_sums_check_ins_of_one_day() -> None:
    check_ins = (
        CheckIn(ago(1), 2, drinks=2),
        CheckIn(ago(1), 2, drinks=2),
        CheckIn(ago(2), 2, drinks=4),
        CheckIn(ago(3), 2, drinks=None),
    )
    alert = only(on_oral(check_ins=check_ins), "heavy_drinking_days")
    assert alert.evidence["heavy_days"] == [ago(2).isoformat(), ago(1).isoformat()]
    assert alert.key == "heavy_drinking_days"
    assert alert.severity == "routine"


# ---------------------------------------------------------------------------------------------
# Opioid use (source: REVIA+VIVITROL+TIP63)


@pytest.mark.parametrize("state", ["induction", "maintenance", "tapering"])
def test_reported_opioid_use_on_naltrexone_is_urgent(state: str) -> None:
    snapshot = on_oral(state=state, check_ins=(CheckIn(ago(2), 3, opioid_use=True),))
    alert = only(snapshot, "opioid_use_on_naltrexone")
    assert alert.severity == "urgent"
    assert alert.key == f"opioid_use_on_naltrexone:{ago(2).isoformat()}"
    assert "fatal overdose" in alert.message
    assert "naloxone" in alert.message
    assert alert.source == "REVIA+VIVITROL+TIP63"


def test_positive_screen_on_naltrexone_is_urgent() -> None:
    screens = (UrineDrugScreen(ago(1), opioids_positive=True),)
    alert = only(on_xr(drug_screens=screens), "opioid_use_on_naltrexone")
    assert alert.evidence["positive_screens"] == [ago(1).isoformat()]
    assert alert.message.startswith("A urine drug screen was positive for opioids")


@pytest.mark.parametrize(("days", "fires"), [(0, True), (13, True), (14, False)])
def test_opioid_use_look_back(days: int, fires: bool) -> None:
    snapshot = on_oral(check_ins=(CheckIn(ago(days), 3, opioid_use=True),))
    assert ("opioid_use_on_naltrexone" in codes(snapshot)) is fires


def test_opioid_use_not_alerted_in_screening() -> None:
    snapshot = on_oral(state="screening", drug_screens=(UrineDrugScreen(ago(1), True),))
    assert codes(snapshot) == []  # start-check decides whether a start can go ahead


@pytest.mark.parametrize(("days_since_stop", "fires"), [(0, True), (89, True), (90, False)])
def test_opioid_use_after_stopping_within_the_high_risk_window(
    days_since_stop: int, fires: bool
) -> None:
    snapshot = stopped(
        days_since_stop,
        check_ins=(CheckIn(ago(0), 5, opioid_use=True),),
        follow_up_contacts=(ago(0),),
    )
    assert ("opioid_use_after_stopping" in codes(snapshot)) is fires
    if fires:
        alert = only(snapshot, "opioid_use_after_stopping")
        assert alert.severity == "urgent"
        assert "tolerance" in alert.message and "fatal overdose" in alert.message


# ---------------------------------------------------------------------------------------------
# The high-risk window after stopping: follow-up (source: NALTRACK+REVIA+VIVITROL+TIP63)


@pytest.mark.parametrize(
    ("days_since_stop", "fires"), [(13, False), (14, True), (89, True), (90, False)]
)
def test_no_follow_up_since_stopping(days_since_stop: int, fires: bool) -> None:
    snapshot = stopped(days_since_stop, follow_up_contacts=())
    assert ("follow_up_missing_after_stop" in codes(snapshot)) is fires


@pytest.mark.parametrize(("contact_days_ago", "fires"), [(13, False), (14, True), (30, True)])
def test_follow_up_gap_after_the_last_contact(contact_days_ago: int, fires: bool) -> None:
    snapshot = stopped(40, follow_up_contacts=(ago(contact_days_ago),))
    assert ("follow_up_missing_after_stop" in codes(snapshot)) is fires


def test_follow_up_alert_content_and_closing() -> None:
    snapshot = stopped(
        30, follow_up_contacts=(ago(35), ago(20))
    )  # the contact before the stop does not count
    alert = only(snapshot, "follow_up_missing_after_stop")
    assert alert.severity == "high"
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


# ---------------------------------------------------------------------------------------------
# PHQ-9 (source: PHQ9; REVIA/VIVITROL depression warning)


@pytest.mark.parametrize(
    ("total", "band", "flags", "expected"),
    [
        (14, "moderate", (), []),
        (15, "moderately_severe", (), ["depression_symptoms_high"]),
        (20, "severe", (), ["depression_symptoms_high"]),
        (1, "minimal", ("suicidal_ideation",), ["suicidal_ideation"]),
        (21, "severe", ("suicidal_ideation",), ["suicidal_ideation", "depression_symptoms_high"]),
    ],
)
def test_phq9_alerts(total: int, band: str, flags: tuple[str, ...], expected: list[str]) -> None:
    snapshot = on_oral(scores=(InstrumentScore(ago(1), "phq9", total, band, flags),))
    assert codes(snapshot) == expected


def test_suicidal_ideation_alert_content() -> None:
    snapshot = on_oral(
        scores=(InstrumentScore(ago(1), "phq9", 1, "minimal", ("suicidal_ideation",)),)
    )
    alert = only(snapshot, "suicidal_ideation")
    assert alert.severity == "urgent"
    assert "988" in alert.message
    assert alert.key == f"suicidal_ideation:{ago(1).isoformat()}"


def test_phq9_alert_closes_with_a_newer_phq9() -> None:
    scores = (
        InstrumentScore(ago(20), "phq9", 22, "severe", ("suicidal_ideation",)),
        InstrumentScore(ago(1), "phq9", 6, "mild"),
        InstrumentScore(ago(0), "cows", 30, "moderately_severe"),  # another instrument
    )
    assert codes(on_oral(scores=scores)) == []


# ---------------------------------------------------------------------------------------------
# Output: sorted, JSON-serialisable, registered, never a withdrawal claim


def everything_wrong() -> PatientSnapshot:
    return on_oral(
        oral_doses=doses((0, 1, 2)),
        check_ins=(
            CheckIn(ago(10), 1, drinks=0),
            CheckIn(ago(2), 8, drinks=6),
            CheckIn(ago(1), 9, drinks=7, opioid_use=True),
        ),
        labs=(LabResult(ago(1), "ALT", 140, 40), LabResult(ago(1), "AST", 250, 40)),
        scores=(InstrumentScore(ago(1), "phq9", 22, "severe", ("suicidal_ideation",)),),
    )


def test_alerts_are_sorted_by_severity() -> None:
    alerts = evaluate(everything_wrong())
    assert {a.code for a in alerts} == {
        "opioid_use_on_naltrexone",
        "suicidal_ideation",
        "liver_enzymes_very_high",
        "liver_enzymes_high",
        "depression_symptoms_high",
        "oral_doses_missed",
        "craving_high",
        "craving_rising",
        "heavy_drinking_days",
    }
    ranks = [SEVERITY_ORDER[a.severity] for a in alerts]
    assert ranks == sorted(ranks)
    assert alerts[0].severity == "urgent"
    assert alerts[-1].severity == "routine"
    assert len({a.key for a in alerts}) == len(alerts)
    assert evaluate(everything_wrong()) == alerts  # deterministic


def test_alerts_are_json_serialisable() -> None:
    snapshots = [
        everything_wrong(),
        stopped(30, follow_up_contacts=()),
        on_xr(injections=(ago(40),)),
    ]
    for snapshot in snapshots:
        for alert in evaluate(snapshot):
            data = json.loads(json.dumps(alert.to_json()))
            assert set(data) == {"code", "severity", "message", "evidence", "source", "key"}


def test_every_alert_code_is_a_registered_rule() -> None:
    snapshots = [
        everything_wrong(),
        stopped(30, follow_up_contacts=()),
        on_xr(injections=(ago(40),)),
    ]
    snapshots.append(stopped(5, check_ins=(CheckIn(ago(1), 3, opioid_use=True),)))
    seen = {alert.code for snapshot in snapshots for alert in evaluate(snapshot)}
    alert_rules = {code for code, r in RULES.items() if r.area == "alerts"}
    assert seen == alert_rules
    for code in alert_rules:
        assert RULES[code].threshold and RULES[code].summary


def test_rule_thresholds_show_the_defaults() -> None:
    assert "> 3 times" in RULES["liver_enzymes_high"].threshold
    assert "> 5 times" in RULES["liver_enzymes_very_high"].threshold
    assert "28 days" in RULES["injection_overdue"].threshold
    assert "≥ 3 missed doses in the last 7 days" in RULES["oral_doses_missed"].threshold
    assert "≥ 7" in RULES["craving_high"].threshold
    assert "NIAAA" in RULES["heavy_drinking_days"].threshold
    assert "90 days" in RULES["follow_up_missing_after_stop"].threshold
    assert "14 days" in RULES["follow_up_missing_after_stop"].threshold


def test_no_message_claims_a_withdrawal_from_stopping_naltrexone() -> None:
    snapshots = [
        everything_wrong(),
        stopped(30, follow_up_contacts=()),
        stopped(5, check_ins=(CheckIn(ago(1), 3, opioid_use=True),)),
        on_xr(injections=(ago(40),)),
    ]
    for snapshot in snapshots:
        for alert in evaluate(snapshot):
            assert "withdrawal" not in alert.message.lower()
            assert "taper" not in alert.message.lower()


@pytest.mark.parametrize(
    "changes",
    [
        {"liver_warn_multiple": 5.0, "liver_urgent_multiple": 3.0},
        {"liver_warn_multiple": 0.0},
        {"injection_overdue_days": 0},
        {"craving_high": 11},
        {"craving_rise_points": 0.0},
    ],
)
def test_thresholds_are_checked(changes: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        Thresholds(**changes)


def test_snapshot_values_are_checked() -> None:
    with pytest.raises(ValueError):
        CheckIn(AS_OF, 11)
    with pytest.raises(ValueError):
        CheckIn(AS_OF, 3, drinks=-1)
    with pytest.raises(ValueError):
        LabResult(AS_OF, "ALT", 30, 0)


# --- follow-up contacts booked by the stop plan ----------------------------------------------


def test_a_plan_kept_to_the_letter_raises_no_follow_up_alert() -> None:
    # Stopped 45 days ago; contacts booked at +7, +14, +28 and monthly, all made on time.
    booked = (ago(38), ago(31), ago(17), ago(0) + dt.timedelta(days=13))
    snapshot = stopped(45, follow_up_contacts=(ago(38), ago(31), ago(17)), follow_ups_booked=booked)
    assert "follow_up_missing_after_stop" not in codes(snapshot)


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
