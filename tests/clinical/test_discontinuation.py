"""The discontinuation planner: the facts (rows cite sources) and docs/calculators.md's contract."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from naltrack.clinical.contract import InputError
from naltrack.clinical.discontinuation import (
    STRATEGIES,
    DiscontinuationInput,
    FollowUpPolicy,
    add_months,
    discontinuation_from_json,
    discontinuation_json,
    follow_up_dates,
    plan_discontinuation,
    step_doses,
)
from naltrack.clinical.evidence import RULES, SOURCES
from naltrack.clinical.formulary import tablets_for
from naltrack.clinical.regimens import INDICATIONS

D = dt.date.fromisoformat

# The example input of the contract (docs/calculators.md).
EXAMPLE: dict[str, Any] = {
    "start": "2026-04-01",
    "formulation": "oral",
    "current_dose_mg": 50,
    "last_injection": None,
    "strategy": "step_down",
    "step_days": 3,
    "reason": "patient choice after 12 months in remission",
}


def run(**changes: Any) -> dict[str, Any]:
    return discontinuation_json({**EXAMPLE, **changes})


def codes(result: dict[str, Any]) -> list[str]:
    return [w["code"] for w in result["warnings"]]


def test_calculators_md_example() -> None:
    # The contract's example names the indication; without one the follow-up is AUD's.
    result = discontinuation_json({**EXAMPLE, "indication": "OUD", "surgery_date": None})
    assert set(result) == {"steps", "last_dose", "blockade_ends", "follow_up", "warnings"}
    assert result["steps"] == [
        {
            "start": "2026-04-01",
            "end": "2026-04-03",
            "dose_mg": 25,
            "tablets": "half of one 50 mg tablet",
        }
    ]
    assert result["last_dose"] == "2026-04-03"
    assert result["blockade_ends"] == "2026-04-04"
    assert result["follow_up"] == [
        "2026-04-06",
        "2026-04-10",
        "2026-04-17",
        "2026-04-24",
        "2026-05-01",
        "2026-06-01",
        "2026-07-01",
    ]
    assert discontinuation_json(dict(EXAMPLE))["follow_up"] == [
        "2026-04-10",
        "2026-04-17",
        "2026-05-01",
        "2026-06-01",
        "2026-07-01",
    ]
    overdose = result["warnings"][0]
    assert overdose["code"] == "overdose_risk_after_stopping"
    assert overdose["severity"] == "block"
    assert overdose["source"] == "REVIA+VIVITROL+TIP63"
    assert "2026-04-04" in overdose["message"]
    assert "fatal overdose" in overdose["message"]


@pytest.mark.parametrize(
    ("dose", "blockade_days"),
    [
        # source: REVIA — 50 mg blocks up to 24 h, 100 mg up to 48 h, 150 mg up to 72 h
        pytest.param(25, 1, id="25mg-1d-REVIA"),
        pytest.param(50, 1, id="50mg-1d-REVIA"),
        pytest.param(100, 2, id="100mg-2d-REVIA"),
        pytest.param(150, 3, id="150mg-3d-REVIA"),
    ],
)
def test_stop_oral(dose: int, blockade_days: int) -> None:
    result = run(strategy="stop", current_dose_mg=dose, step_days=None)
    assert result["steps"] == []
    assert result["last_dose"] == "2026-03-31"  # start is the first day without naltrexone
    assert result["blockade_ends"] == (D("2026-03-31") + dt.timedelta(blockade_days)).isoformat()
    assert result["follow_up"] == [
        "2026-04-07",
        "2026-04-14",
        "2026-04-28",
        "2026-05-28",
        "2026-06-26",  # 06-28 is a Sunday: the Friday before (NALTRACK)
    ]
    assert "no_taper_needed" in codes(result)
    assert "taper_is_clinician_choice" not in codes(result)


@pytest.mark.parametrize(
    ("dose", "strategy", "expected"),
    [
        # NALTRACK convention: half the dose rounded down to 25 mg, at least 25 mg
        pytest.param(50, "step_down", (25,), id="step-50"),
        pytest.param(25, "step_down", (25,), id="step-25-lowest-dose"),
        # NALTRACK convention: 25 mg lower each step, down to 25 mg
        pytest.param(50, "gradual", (25,), id="gradual-50"),
        pytest.param(25, "gradual", (25,), id="gradual-25"),
        pytest.param(50, "stop", (), id="stop"),
    ],
)
def test_step_doses(dose: int, strategy: str, expected: tuple[int, ...]) -> None:
    assert step_doses(dose, strategy) == expected  # type: ignore[arg-type]


def test_gradual_plan_dates() -> None:
    result = run(strategy="gradual", current_dose_mg=50, step_days=2)
    assert [(s["start"], s["end"], s["dose_mg"], s["tablets"]) for s in result["steps"]] == [
        ("2026-04-01", "2026-04-02", 25, "half of one 50 mg tablet"),
    ]
    assert result["last_dose"] == "2026-04-02"
    assert result["blockade_ends"] == "2026-04-03"
    assert result["follow_up"][0] == "2026-04-09"


def test_xr_stop_counts_from_the_end_of_blockade() -> None:
    # source: VIVITROL — count blockade as ended 28 days after the last injection
    result = run(
        formulation="xr_injection",
        current_dose_mg=380,
        last_injection="2026-03-01",
        start="2026-03-29",
        strategy="stop",
        step_days=None,
    )
    assert result["steps"] == []
    assert result["last_dose"] == "2026-03-01"
    assert result["blockade_ends"] == "2026-03-29"
    # blockade ends on Sunday 03-29: the weekly contacts fall on Sundays, so on the Friday before
    assert result["follow_up"] == [
        "2026-04-03",
        "2026-04-10",
        "2026-04-24",
        "2026-05-26",
        "2026-06-26",
    ]
    switch = next(w for w in result["warnings"] if w["code"] == "switching_to_agonist_treatment")
    assert "2026-03-31" in switch["message"]  # source: ASAM2020 — about 30 days after
    no_taper = next(w for w in result["warnings"] if w["code"] == "no_taper_needed")
    assert "injection" in no_taper["message"]


def test_xr_stop_after_blockade_already_ended_counts_from_start() -> None:
    result = run(
        formulation="xr_injection",
        current_dose_mg=380,
        last_injection="2026-01-05",
        start="2026-03-01",
        strategy="stop",
    )
    assert result["blockade_ends"] == "2026-02-02"
    assert result["follow_up"][0] == "2026-03-06"  # 03-08 is a Sunday: the Friday before


def test_switch_to_agonist_after_oral() -> None:
    result = run()
    switch = next(w for w in result["warnings"] if w["code"] == "switching_to_agonist_treatment")
    assert switch["source"] == "ASAM2020+REVIA"
    assert "2026-04-04" in switch["message"]  # the day blockade ends after the last 25 mg
    assert "Start low" in switch["message"]


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_every_plan_carries_the_safety_warnings(strategy: str) -> None:
    result = run(strategy=strategy)
    found = {w["code"]: w for w in result["warnings"]}
    assert found["overdose_risk_after_stopping"]["severity"] == "block"
    assert found["naloxone"]["source"] == "VIVITROL+TIP63"
    assert "naloxone" in found["naloxone"]["message"]
    assert found["cravings_may_return"]["severity"] == "info"
    for warning in result["warnings"]:
        assert warning["code"] in RULES
        assert all(part in SOURCES for part in warning["source"].split("+"))


def test_taper_note_never_claims_to_prevent_withdrawal() -> None:
    # source: REVIA — no physical dependence, no withdrawal syndrome, no taper required
    for strategy in ("step_down", "gradual"):
        result = run(strategy=strategy)
        note = next(w for w in result["warnings"] if w["code"] == "taper_is_clinician_choice")
        assert note["source"] == "REVIA"
        assert "no withdrawal syndrome" in note["message"]
        assert "clinician's choice" in note["message"]
        for warning in result["warnings"]:
            text = warning["message"].lower()
            assert "prevent" not in text
            assert "avoid withdrawal" not in text


def test_reason_is_optional_and_kept_out_of_the_json() -> None:
    data = dict(EXAMPLE)
    del data["reason"]
    assert discontinuation_from_json(data).reason == ""
    plan = plan_discontinuation(discontinuation_from_json(dict(EXAMPLE)))
    assert plan.reason == EXAMPLE["reason"]


def test_step_days_is_ignored_for_stop() -> None:
    assert run(strategy="stop", step_days=5)["steps"] == []


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        pytest.param({"mood": "ok"}, "mood", "unknown field", id="unknown-field"),
        pytest.param({"start": "2026-02-30"}, "start", "YYYY-MM-DD", id="bad-date"),
        pytest.param({"formulation": "patch"}, "formulation", "one of", id="bad-formulation"),
        pytest.param({"strategy": "taper"}, "strategy", "one of", id="bad-strategy"),
        pytest.param({"current_dose_mg": 60}, "current_dose_mg", "25 or 50 mg", id="60mg"),
        pytest.param({"current_dose_mg": 175}, "current_dose_mg", "25 or 50 mg", id="175mg"),
        # source: REVIA — 75 and 125 mg are the dose of no schedule
        pytest.param({"current_dose_mg": 75}, "current_dose_mg", "25 or 50 mg", id="75mg"),
        pytest.param(
            {"current_dose_mg": 125, "strategy": "stop"}, "current_dose_mg", "25 or 50", id="125"
        ),
        pytest.param({"current_dose_mg": 0}, "current_dose_mg", "at least", id="0mg"),
        pytest.param({"current_dose_mg": 50.5}, "current_dose_mg", "whole", id="float"),
        pytest.param({"step_days": None}, "step_days", "required", id="no-step-days"),
        pytest.param({"step_days": 0}, "step_days", "from 1 to 28", id="0-days"),
        pytest.param({"step_days": 29}, "step_days", "from 1 to 28", id="29-days"),
        pytest.param({"last_injection": "2026-03-01"}, "last_injection", "only", id="oral-inj"),
        pytest.param({"reason": "x" * 501}, "reason", "500", id="long-reason"),
        pytest.param(
            {"formulation": "xr_injection", "current_dose_mg": 380, "last_injection": "2026-03-10"},
            "strategy",
            "cannot be tapered",
            id="xr-taper",
        ),
        pytest.param(
            {"formulation": "xr_injection", "current_dose_mg": 380, "strategy": "stop"},
            "last_injection",
            "required",
            id="xr-no-injection",
        ),
        pytest.param(
            {
                "formulation": "xr_injection",
                "current_dose_mg": 50,
                "strategy": "stop",
                "last_injection": "2026-03-10",
            },
            "current_dose_mg",
            "380",
            id="xr-dose",
        ),
        pytest.param(
            {
                "formulation": "xr_injection",
                "current_dose_mg": 380,
                "strategy": "stop",
                "last_injection": "2026-04-02",
            },
            "last_injection",
            "after start",
            id="xr-injection-after-start",
        ),
    ],
)
def test_input_errors_name_the_field(changes: dict[str, Any], field: str, message: str) -> None:
    with pytest.raises(InputError) as error:
        run(**changes)
    assert error.value.field == field
    assert message in error.value.message


@pytest.mark.parametrize("field", ["start", "formulation", "current_dose_mg", "strategy"])
def test_required_fields(field: str) -> None:
    data = dict(EXAMPLE)
    del data[field]
    with pytest.raises(InputError) as error:
        discontinuation_json(data)
    assert (error.value.field, error.value.message) == (field, "is required")


def test_python_door_validates_too() -> None:
    with pytest.raises(InputError) as error:
        plan_discontinuation(
            DiscontinuationInput(
                start=D("2026-04-01"), formulation="oral", current_dose_mg=40, strategy="stop"
            )
        )
    assert error.value.field == "current_dose_mg"


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        ("2026-05-01", 1, "2026-06-01"),
        ("2026-01-31", 1, "2026-02-28"),
        ("2024-01-31", 1, "2024-02-29"),
        ("2026-12-15", 1, "2027-01-15"),
        ("2026-11-30", 3, "2027-02-28"),
    ],
)
def test_add_months(day: str, months: int, expected: str) -> None:
    assert add_months(D(day), months) == D(expected)


def test_follow_up_policy_is_configurable() -> None:
    # source: NALTRACK — defaults are the clinic's policy
    assert follow_up_dates(D("2026-04-03")) == tuple(
        D(d) for d in ("2026-04-10", "2026-04-17", "2026-05-01", "2026-06-01", "2026-07-01")
    )
    weekly_only = FollowUpPolicy(days_after=(3, 7), monthly_contacts=0)
    assert follow_up_dates(D("2026-04-03"), weekly_only) == (D("2026-04-06"), D("2026-04-10"))
    plan = plan_discontinuation(discontinuation_from_json(dict(EXAMPLE)), follow_up=weekly_only)
    assert plan.follow_up == (D("2026-04-06"), D("2026-04-10"))
    for bad in (
        {"days_after": ()},
        {"days_after": (0, 7)},
        {"days_after": (14, 7)},
        {"monthly_contacts": -1},
    ):
        with pytest.raises(ValueError):
            FollowUpPolicy(**bad)


# --- properties --------------------------------------------------------------------------------

dates = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2035, 12, 31))


@settings(deadline=None, max_examples=300)
@given(
    start=dates,
    dose_and_strategy=st.one_of(
        st.tuples(st.sampled_from([25, 50]), st.sampled_from(STRATEGIES)),
        # source: REVIA — 100 and 150 mg are intermittent doses: stop from the last one given
        st.tuples(st.sampled_from([100, 150]), st.just("stop")),
    ),
    step_days=st.integers(1, 28),
    indication=st.sampled_from([None, *INDICATIONS]),
)
def test_oral_plan_properties(
    start: dt.date,
    dose_and_strategy: tuple[int, str],
    step_days: int,
    indication: str | None,
) -> None:
    dose, strategy = dose_and_strategy
    plan = plan_discontinuation(
        DiscontinuationInput(
            start=start,
            formulation="oral",
            current_dose_mg=dose,
            strategy=strategy,  # type: ignore[arg-type]
            step_days=step_days,
            indication=indication,  # type: ignore[arg-type]
        )
    )
    doses = [s.dose_mg for s in plan.steps]
    # achievable with 50 mg scored tablets, never rising (from the current dose on)
    assert all(d % 25 == 0 and 25 <= d <= dose for d in doses)
    assert doses == sorted(doses, reverse=True)
    assert all(s.tablets == tablets_for(s.dose_mg) for s in plan.steps)
    # contiguous steps starting at start, each step_days long
    expected_start = start
    for step in plan.steps:
        assert step.start == expected_start
        assert (step.end - step.start).days + 1 == step_days
        expected_start = step.end + dt.timedelta(days=1)
    assert plan.last_dose == expected_start - dt.timedelta(days=1)
    assert (strategy == "stop") == (plan.steps == ())
    # blockade ends 1-3 days after the last dose; follow-ups all after the last dose, increasing,
    # on weekdays, the first within 7 days (3 for opioid use disorder) and never later
    assert 1 <= (plan.blockade_ends - plan.last_dose).days <= 3
    opioid = indication in ("OUD", "OUD_AUD")
    assert plan.follow_up[0] <= plan.last_dose + dt.timedelta(days=3 if opioid else 7)
    assert all(day > plan.last_dose for day in plan.follow_up)
    assert all(day.weekday() < 5 for day in plan.follow_up)
    assert list(plan.follow_up) == sorted(set(plan.follow_up))
    assert len(plan.follow_up) == (7 if opioid else 5)
    found = {w.code for w in plan.warnings}
    if indication == "AUD":
        assert plan.warnings[0].code == "drinking_may_return_after_stopping"
        assert "overdose_risk_after_stopping" not in found
    else:
        assert plan.warnings[0].code == "overdose_risk_after_stopping"
        assert "naloxone" in found
    assert "cravings_may_return" in found


@settings(deadline=None, max_examples=200)
@given(last_injection=dates, gap=st.integers(0, 120))
def test_xr_plan_properties(last_injection: dt.date, gap: int) -> None:
    start = last_injection + dt.timedelta(days=gap)
    plan = plan_discontinuation(
        DiscontinuationInput(
            start=start,
            formulation="xr_injection",
            current_dose_mg=380,
            strategy="stop",
            last_injection=last_injection,
        )
    )
    assert plan.steps == ()
    assert plan.last_dose == last_injection
    assert plan.blockade_ends == last_injection + dt.timedelta(days=28)
    assert all(day > plan.blockade_ends and day > start for day in plan.follow_up)
    assert all(day.weekday() < 5 for day in plan.follow_up)
    assert list(plan.follow_up) == sorted(set(plan.follow_up))
