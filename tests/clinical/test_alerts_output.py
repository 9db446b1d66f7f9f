"""The alert rules as a whole: nothing raised for a patient doing well; alerts sorted,
JSON-serialisable, registered as rules and never claiming a withdrawal; thresholds and snapshot
values checked."""

from __future__ import annotations

import json
from typing import Any

import pytest
from tests.clinical.alert_snapshots import AS_OF, ago, doses, on_oral, on_xr, stopped

from naltrack.clinical.alerts import (
    SEVERITY_ORDER,
    CheckIn,
    InstrumentScore,
    LabResult,
    OpioidExposure,
    OralDoseEvent,
    PatientSnapshot,
    Thresholds,
    evaluate,
)
from naltrack.clinical.evidence import RULES

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
    for snapshot in [everything_wrong(), *more_snapshots()]:
        for alert in evaluate(snapshot):
            data = json.loads(json.dumps(alert.to_json()))
            assert set(data) == {"code", "severity", "message", "evidence", "source", "key"}


def more_snapshots() -> list[PatientSnapshot]:
    """Snapshots that, with ``everything_wrong``, raise every alert rule between them."""
    return [
        stopped(30, follow_up_contacts=()),
        on_xr(injections=(ago(40),)),
        stopped(5, check_ins=(CheckIn(ago(1), 3, opioid_use=True),)),
        on_oral(state="screening", opioid_exposures=(OpioidExposure(ago(3), "short_acting"),)),
        on_oral(oral_doses=(OralDoseEvent(ago(1), "taken", patient_report="missed"),)),
    ]


def test_every_alert_code_is_a_registered_rule() -> None:
    snapshots = [everything_wrong(), *more_snapshots()]
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
    assert "≥ 2 scheduled doses missed in a row" in RULES["oral_doses_missed"].threshold
    assert "365 days" in RULES["liver_enzymes_high"].threshold
    assert "≥ 10" in RULES["depression_symptoms_high"].threshold
    assert "no limit" in RULES["opioid_use_after_stopping"].threshold
    assert "≥ 7" in RULES["craving_high"].threshold
    assert "NIAAA" in RULES["heavy_drinking_days"].threshold
    assert "90 days" in RULES["follow_up_missing_after_stop"].threshold
    assert "14 days" in RULES["follow_up_missing_after_stop"].threshold


def test_no_message_claims_a_withdrawal_from_stopping_naltrexone() -> None:
    for snapshot in [everything_wrong(), *more_snapshots()]:
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
        {"missed_in_a_row": 0},
        {"liver_lookback_days": 0},
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
