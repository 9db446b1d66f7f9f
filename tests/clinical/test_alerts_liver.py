"""Liver enzymes (source: NALTRACK, informed by TIP63/AUDGUIDE, VIVITROL and XBOT): the thresholds,
and an alert per run of raised results that a later normal value does not close (it closes when a
clinician acknowledges it, which the record does)."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.clinical.alert_snapshots import AS_OF, ago, codes, on_oral, only

from naltrack.clinical.alerts import LabResult, Thresholds, evaluate


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
    assert alert.key == f"liver_enzymes_very_high:AST:{ago(2).isoformat()}"
    assert alert.evidence["multiple_of_uln"] == 6.0
    assert alert.evidence["date"] == ago(2).isoformat()
    assert alert.evidence["acknowledge_to_close"] is True
    assert alert.evidence["back_within_limit"] is False
    assert "acute hepatitis" in alert.message
    assert "until a clinician acknowledges it" in alert.message
    assert alert.source == "NALTRACK+XBOT+VIVITROL"
    high = only(on_oral(labs=(LabResult(ago(2), "ALT", 130, 40),)), "liver_enzymes_high")
    assert high.severity == "high"
    assert high.source == "NALTRACK+VIVITROL"


def test_a_later_normal_value_does_not_close_the_liver_alert() -> None:
    raised = LabResult(ago(20), "ALT", 300, 40)
    before = only(on_oral(labs=(raised,)), "liver_enzymes_very_high")
    after = only(
        on_oral(labs=(raised, LabResult(ago(1), "ALT", 50, 40))), "liver_enzymes_very_high"
    )
    assert after.key == before.key == f"liver_enzymes_very_high:ALT:{ago(20).isoformat()}"
    assert after.severity == "urgent"  # the run's highest value decides; a normal one does not
    assert after.evidence["back_within_limit"] is True
    assert after.evidence["next_result"] == {
        "date": ago(1).isoformat(),
        "value": 50,
        "upper_limit_normal": 40,
        "multiple_of_uln": 1.25,
    }
    assert "does not close this alert" in after.message
    assert "acknowledge it to close it" in after.message
    # a result dated after as_of is not yet known
    future = on_oral(labs=(raised, LabResult(AS_OF + dt.timedelta(1), "ALT", 50, 40)))
    assert only(future, "liver_enzymes_very_high").evidence["back_within_limit"] is False


def test_the_key_stays_the_same_while_a_run_lasts() -> None:
    labs = (
        LabResult(ago(60), "ALT", 30, 40),
        LabResult(ago(30), "ALT", 130, 40),  # the run starts: 3.25x
        LabResult(ago(10), "ALT", 160, 40),  # still raised: 4x
    )
    alert = only(on_oral(labs=labs), "liver_enzymes_high")
    assert alert.key == f"liver_enzymes_high:ALT:{ago(30).isoformat()}"
    assert alert.evidence["raised_since"] == ago(30).isoformat()
    assert alert.evidence["raised_results"] == [
        {
            "date": ago(30).isoformat(),
            "value": 130,
            "upper_limit_normal": 40,
            "multiple_of_uln": 3.25,
        },
        {
            "date": ago(10).isoformat(),
            "value": 160,
            "upper_limit_normal": 40,
            "multiple_of_uln": 4.0,
        },
    ]
    assert alert.evidence["multiple_of_uln"] == 4.0
    assert "raised since" in alert.message and "(2 results)" in alert.message
    # Climbing above 5x makes the run urgent, under the urgent code (same first date).
    worse = only(
        on_oral(labs=(*labs, LabResult(ago(2), "ALT", 240, 40))), "liver_enzymes_very_high"
    )
    assert worse.key == f"liver_enzymes_very_high:ALT:{ago(30).isoformat()}"


def test_each_run_of_raised_values_is_its_own_alert() -> None:
    labs = (
        LabResult(ago(200), "ALT", 130, 40),
        LabResult(ago(150), "ALT", 40, 40),
        LabResult(ago(20), "ALT", 250, 40),
        LabResult(ago(20), "ALT", 35, 40),  # the same day: the higher result counts
    )
    alerts = [a for a in evaluate(on_oral(labs=labs)) if a.code.startswith("liver")]
    assert [(a.key, a.evidence["back_within_limit"]) for a in alerts] == [
        (f"liver_enzymes_very_high:ALT:{ago(20).isoformat()}", False),
        (f"liver_enzymes_high:ALT:{ago(200).isoformat()}", True),
    ]


@pytest.mark.parametrize(("days", "kept"), [(364, True), (365, False)])
def test_a_raised_result_is_kept_for_the_look_back(days: int, kept: bool) -> None:
    labs = (LabResult(ago(days), "ALT", 300, 40), LabResult(ago(days - 30), "ALT", 30, 40))
    assert ("liver_enzymes_very_high" in codes(on_oral(labs=labs))) is kept
    assert "liver_enzymes_very_high" in codes(
        on_oral(labs=labs), Thresholds(liver_lookback_days=days + 1)
    )


def test_liver_alert_only_on_treatment() -> None:
    labs = (LabResult(ago(2), "ALT", 300, 40),)
    assert codes(on_oral(state="screening", labs=labs)) == []  # start-check's business
    assert "liver_enzymes_very_high" in codes(on_oral(state="tapering", labs=labs))


def test_liver_thresholds_are_configurable() -> None:
    snapshot = on_oral(labs=(LabResult(ago(2), "ALT", 84, 40),))  # 2.1x
    assert codes(snapshot) == []
    strict = Thresholds(liver_warn_multiple=2.0, liver_urgent_multiple=4.0)
    assert codes(snapshot, strict) == ["liver_enzymes_high"]
    with pytest.raises(ValueError):
        Thresholds(liver_lookback_days=0)
