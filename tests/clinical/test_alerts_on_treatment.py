"""Alert rules while a patient is on treatment: an overdue injection, missed oral doses, cravings,
heavy drinking days and the PHQ-9 (liver enzymes: test_alerts_liver.py). Each fires at its
threshold and not just below it."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from tests.clinical.alert_snapshots import ago, codes, doses, on_oral, on_xr, only, stopped

from naltrack.clinical.alerts import CheckIn, InstrumentScore, OralDoseEvent, Thresholds

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
# Missed oral doses (source: NALTRACK — 3 in the last 7 days; in opioid use disorder also
# NALTRACK from REVIA — 2 scheduled doses in a row)


@pytest.mark.parametrize(
    ("missed", "fires"),
    [
        ((0, 2), False),
        ((0, 2, 4), True),
        ((0, 3, 6), True),  # six days ago is inside the 7-day window
        ((0, 3, 7), False),  # seven days ago is outside it
        ((8, 10, 12), False),
    ],
)
def test_missed_doses_threshold(missed: tuple[int, ...], fires: bool) -> None:
    # Taken doses between the misses: never in a row, so the count decides.
    for indication in ("OUD", "AUD"):
        snapshot = on_oral(indication=indication, oral_doses=doses(missed))
        assert ("oral_doses_missed" in codes(snapshot)) is fires


@pytest.mark.parametrize(
    ("missed", "fires"),
    [
        ((1,), False),  # 1 missed day: not yet
        ((1, 2), True),  # 2 in a row
        ((0, 2), False),  # a dose taken between
        ((6, 7), True),  # the last of them six days ago: in the window
        ((7, 8), False),  # the last seven days ago: out of it
    ],
)
@pytest.mark.parametrize("indication", ["OUD", "OUD_AUD"])
def test_two_missed_in_a_row_in_opioid_use_disorder(
    missed: tuple[int, ...], fires: bool, indication: str
) -> None:
    snapshot = on_oral(indication=indication, oral_doses=doses(missed))
    assert ("oral_doses_missed" in codes(snapshot)) is fires
    if fires:
        alert = only(snapshot, "oral_doses_missed")
        assert alert.severity == "high"
        assert alert.evidence["missed_in_a_row"] == [
            ago(d).isoformat() for d in sorted(missed)[::-1]
        ]
    # alcohol use disorder alone: the count of 3 only
    assert "oral_doses_missed" not in codes(replace(snapshot, indication="AUD"))


def test_missed_in_a_row_counts_scheduled_days_not_calendar_days() -> None:
    # An intermittent schedule (every third day): events only on dosing days.
    every_third = (OralDoseEvent(ago(6), "missed"), OralDoseEvent(ago(3), "missed"))
    alert = only(on_oral(oral_doses=every_third), "oral_doses_missed")
    assert alert.evidence["missed_in_a_row"] == [ago(6).isoformat(), ago(3).isoformat()]
    # A day not reported does not break the run; a gap longer than any schedule's 3 days does.
    unreported = (OralDoseEvent(ago(4), "missed"), OralDoseEvent(ago(1), "missed"))
    assert "oral_doses_missed" in codes(on_oral(oral_doses=unreported))
    too_far = (OralDoseEvent(ago(5), "missed"), OralDoseEvent(ago(1), "missed"))
    assert "oral_doses_missed" not in codes(on_oral(oral_doses=too_far))


def test_missed_in_a_row_content_and_key() -> None:
    alert = only(on_oral(oral_doses=doses((1, 2))), "oral_doses_missed")
    assert alert.source == "NALTRACK+REVIA"
    assert alert.key == "oral_doses_missed"  # the same alert as the misses add up
    assert alert.message.startswith(
        f"2 scheduled oral doses in a row were missed, from {ago(2).isoformat()} to "
        f"{ago(1).isoformat()}"
    )
    assert "blockade is gone" in alert.message and "naloxone" in alert.message
    # A dose taken since does not close it at once: the run stays in the 7-day window.
    assert "oral_doses_missed" in codes(on_oral(oral_doses=doses((2, 3))))


def test_missed_doses_severity_depends_on_indication() -> None:
    oud = only(on_oral(oral_doses=doses((1, 3, 5))), "oral_doses_missed")
    assert oud.severity == "high"
    assert "fatal overdose" in oud.message and "naloxone" in oud.message
    assert oud.key == "oral_doses_missed"
    assert oud.evidence["missed_in_a_row"] == []
    assert oud.evidence["missed_dates"] == [
        ago(5).isoformat(),
        ago(3).isoformat(),
        ago(1).isoformat(),
    ]
    aud = only(on_oral(indication="AUD", oral_doses=doses((1, 2, 3))), "oral_doses_missed")
    assert aud.severity == "routine"
    assert aud.evidence["missed_in_a_row"] == []


def test_missed_doses_only_while_on_oral_naltrexone() -> None:
    for missed in ((0, 1, 2), (0, 2, 4)):
        assert "oral_doses_missed" not in codes(
            stopped(2, oral_doses=doses(missed), follow_up_contacts=(ago(1),))
        )
        assert "oral_doses_missed" not in codes(on_xr(oral_doses=doses(missed)))


def test_missed_doses_configurable() -> None:
    snapshot = on_oral(oral_doses=doses((0, 2)))
    assert codes(snapshot, Thresholds(missed_doses_count=2)) == ["oral_doses_missed"]
    in_a_row = on_oral(oral_doses=doses((0, 1)))
    assert codes(in_a_row, Thresholds(missed_in_a_row=3)) == []


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
# PHQ-9 (source: PHQ9; REVIA/VIVITROL depression warning)


@pytest.mark.parametrize(
    ("total", "band", "flags", "expected"),
    [
        (9, "mild", (), []),
        (10, "moderate", (), ["depression_symptoms_high"]),  # Kroenke's cut-off
        (14, "moderate", (), ["depression_symptoms_high"]),
        (15, "moderately_severe", (), ["depression_symptoms_high"]),
        (20, "severe", (), ["depression_symptoms_high"]),
        (1, "minimal", ("suicidal_ideation",), ["suicidal_ideation"]),
        (21, "severe", ("suicidal_ideation",), ["suicidal_ideation", "depression_symptoms_high"]),
    ],
)
def test_phq9_alerts(total: int, band: str, flags: tuple[str, ...], expected: list[str]) -> None:
    snapshot = on_oral(scores=(InstrumentScore(ago(1), "phq9", total, band, flags),))
    assert codes(snapshot) == expected


def test_depression_alert_content() -> None:
    snapshot = on_oral(scores=(InstrumentScore(ago(1), "phq9", 10, "moderate"),))
    alert = only(snapshot, "depression_symptoms_high")
    assert alert.severity == "high"
    assert alert.source == "PHQ9+REVIA+VIVITROL"
    assert alert.key == f"depression_symptoms_high:{ago(1).isoformat()}"
    assert alert.evidence["threshold"] == 10
    assert "10 of 27 (moderate depression symptoms)" in alert.message


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


def test_a_patients_report_differing_from_a_dose_staff_saw_asks_for_review() -> None:
    snapshot = on_oral(
        oral_doses=(
            OralDoseEvent(on=ago(3), status="taken", patient_report="missed"),
            OralDoseEvent(on=ago(2), status="taken"),
        )
    )
    found = only(snapshot, "dose_report_differs")
    assert found.severity == "routine"
    assert found.evidence == {
        "day": ago(3).isoformat(),
        "observed": "taken",
        "patient_report": "missed",
    }


def test_an_old_or_agreeing_report_asks_nothing() -> None:
    snapshot = on_oral(
        oral_doses=(
            OralDoseEvent(on=ago(20), status="taken", patient_report="missed"),
            OralDoseEvent(on=ago(2), status="missed", patient_report="missed"),
        )
    )
    assert "dose_report_differs" not in codes(snapshot)
