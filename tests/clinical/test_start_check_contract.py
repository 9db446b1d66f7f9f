"""The start-check calculator's contract (docs/calculators.md): the example, the shape and order
of the findings, the JSON and Python doors, and properties of the status and earliest start."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.clinical.start_check_inputs import EXAMPLE, FULL_LABS, D, codes, finding, payload, run

from naltrack.clinical.contract import InputError
from naltrack.clinical.evidence import RULES, SOURCES
from naltrack.clinical.start_check import (
    EXPOSURE_KINDS,
    DrugScreen,
    LabResult,
    NaloxoneChallenge,
    OpioidExposure,
    StartCheckInput,
    start_check,
    start_check_from_json,
    start_check_json,
)

# --- the contract example ----------------------------------------------------------------------


def test_calculators_md_example() -> None:
    result = start_check_json(copy.deepcopy(EXAMPLE))
    assert result["status"] == "ready"
    assert result["earliest_start"] == "2026-03-15"
    assert set(result) == {"status", "earliest_start", "findings"}
    found = codes(result)
    for code in (
        "opioid_free_window_met",
        "urine_screen_negative",
        "naloxone_challenge_passed",
        "liver_tests_within_limits",
    ):
        assert code in found
    # only ALT was given: AST and bilirubin are part of the baseline (TIP63, AUDGUIDE)
    assert finding(result, "liver_panel_incomplete")["severity"] == "warning"
    # the screen does not say what it tested (TIP63)
    assert finding(result, "urine_screen_panel_not_recorded")["severity"] == "warning"
    for f in result["findings"]:
        assert set(f) == {"code", "severity", "message", "source"}
        assert f["severity"] in ("info", "warning", "block")
        assert all(part in SOURCES for part in f["source"].split("+"))
        assert f["message"].strip()


def test_full_baseline_is_ready_without_warnings() -> None:
    result = run()
    assert result["status"] == "ready"
    assert [f for f in result["findings"] if f["severity"] != "info"] == []


def test_block_and_warning_codes_are_registered_rules() -> None:
    results = [
        run(),
        run(acute_hepatitis_or_liver_failure=True, pregnant=None, labs=[]),
        run(urine_drug_screen=None, naloxone_challenge=None, pregnant=True),
        run(current_medications=["Suboxone", "loperamide", "Antabuse", "thioridazine"]),
        run(opioid_exposures=[{"kind": "methadone", "last_use": "2026-03-14"}]),
    ]
    for result in results:
        for f in result["findings"]:
            if f["severity"] != "info":
                assert f["code"] in RULES, f["code"]


def test_findings_are_ordered_block_warning_info() -> None:
    result = run(pregnant=None, urine_drug_screen=None)
    order = {"block": 0, "warning": 1, "info": 2}
    ranks = [order[f["severity"]] for f in result["findings"]]
    assert ranks == sorted(ranks)


# --- JSON contract -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        pytest.param({"notes": "x"}, "notes", id="unknown-top-level"),
        pytest.param({"date": "2026-13-01"}, "date", id="bad-date"),
        pytest.param({"date": "2026-3-1"}, "date", id="short-date"),
        pytest.param({"date": 20260315}, "date", id="number-date"),
        pytest.param({"indication": "opioids"}, "indication", id="bad-indication"),
        pytest.param({"formulation": "implant"}, "formulation", id="bad-formulation"),
        pytest.param({"pregnant": "no"}, "pregnant", id="bad-bool"),
        pytest.param({"needs_opioid_analgesics": None}, "needs_opioid_analgesics", id="null-bool"),
        pytest.param(
            {"opioid_exposures": [{"kind": "heroin", "last_use": "2026-03-01"}]},
            "opioid_exposures.0.kind",
            id="bad-exposure-kind",
        ),
        pytest.param(
            {"opioid_exposures": [{"kind": "short_acting", "last_use": "2026-03-01", "x": 1}]},
            "opioid_exposures.0.x",
            id="unknown-nested",
        ),
        pytest.param(
            {"labs": [{**FULL_LABS[0], "unit": "U/L"}]}, "labs.0.unit", id="unknown-lab-field"
        ),
        pytest.param({"labs": [{**FULL_LABS[0], "test": "CRP"}]}, "labs.0.test", id="lab-test"),
        pytest.param({"labs": [{**FULL_LABS[0], "value": -1}]}, "labs.0.value", id="lab-value"),
        pytest.param(
            {"labs": [{**FULL_LABS[0], "upper_limit_normal": 0}]},
            "labs.0.upper_limit_normal",
            id="lab-uln",
        ),
        pytest.param(
            {"labs": [{**FULL_LABS[0], "date": "2026-03-16"}]}, "labs.0.date", id="lab-future"
        ),
        pytest.param(
            {"urine_drug_screen": {"date": "2026-03-16", "opioids_positive": False}},
            "urine_drug_screen.date",
            id="screen-future",
        ),
        pytest.param(
            {"urine_drug_screen": {"date": "2026-03-15"}},
            "urine_drug_screen.opioids_positive",
            id="screen-missing-field",
        ),
        pytest.param(
            {"naloxone_challenge": {"date": "2026-03-16", "withdrawal_signs": False}},
            "naloxone_challenge.date",
            id="challenge-future",
        ),
        pytest.param({"current_medications": "aspirin"}, "current_medications", id="meds-text"),
        pytest.param({"current_medications": [5]}, "current_medications.0", id="meds-number"),
    ],
)
def test_input_errors_name_the_field(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(InputError) as error:
        start_check_json(payload(**changes))
    assert error.value.field == field
    assert error.value.to_json() == {"error": {"field": field, "message": error.value.message}}


@pytest.mark.parametrize("field", ["date", "indication", "pregnant", "current_medications"])
def test_required_fields(field: str) -> None:
    data = payload()
    del data[field]
    with pytest.raises(InputError) as error:
        start_check_json(data)
    assert error.value.field == field
    assert error.value.message == "is required"


def test_optional_fields_default() -> None:
    data = payload()
    for field in ("urine_drug_screen", "naloxone_challenge", "labs"):
        del data[field]
    inp = start_check_from_json(data)
    assert inp.urine_drug_screen is None and inp.naloxone_challenge is None and inp.labs == ()


def test_not_an_object() -> None:
    with pytest.raises(InputError) as error:
        start_check_json([])
    assert error.value.field == "$"


def test_python_door_matches_json_door() -> None:
    inp = StartCheckInput(
        date=D("2026-03-15"),
        indication="OUD",
        formulation="oral",
        opioid_exposures=(OpioidExposure("short_acting", D("2026-03-01")),),
        urine_drug_screen=DrugScreen(D("2026-03-15"), opioids_positive=False),
        naloxone_challenge=NaloxoneChallenge(D("2026-03-15"), withdrawal_signs=False),
        labs=(LabResult("ALT", 38, 40, D("2026-03-10")),),
        acute_hepatitis_or_liver_failure=False,
        needs_opioid_analgesics=False,
        pregnant=False,
        naltrexone_hypersensitivity=False,
        current_medications=("sertraline 50 mg",),
    )
    assert inp == start_check_from_json(copy.deepcopy(EXAMPLE))
    assert start_check(inp).to_json() == start_check_json(copy.deepcopy(EXAMPLE))
    with pytest.raises(InputError):
        start_check(
            dataclasses.replace(
                inp, opioid_exposures=(OpioidExposure("methadone", D("2026-04-01")),)
            )
        )


# --- properties --------------------------------------------------------------------------------

ER = "buprenorphine_extended_release"
# The kinds with an opioid-free window (extended-release buprenorphine has none: SUBLOCADE).
WINDOW_KINDS = tuple(kind for kind in EXPOSURE_KINDS if kind != ER)
exposure_lists = st.lists(
    st.tuples(st.sampled_from(WINDOW_KINDS), st.integers(0, 30)), min_size=0, max_size=4
)


def _input(date: dt.date, exposures: list[tuple[str, int]]) -> StartCheckInput:
    return StartCheckInput(
        date=date,
        indication="OUD",
        formulation="oral",
        opioid_exposures=tuple(
            OpioidExposure(kind, date - dt.timedelta(days=ago))  # type: ignore[arg-type]
            for kind, ago in exposures
        ),
        urine_drug_screen=DrugScreen(date, opioids_positive=False),
        naloxone_challenge=NaloxoneChallenge(date, withdrawal_signs=False),
        labs=(
            LabResult("ALT", 30, 40, date),
            LabResult("AST", 30, 40, date),
            LabResult("bilirubin", 1, 1.2, date),
        ),
        acute_hepatitis_or_liver_failure=False,
        needs_opioid_analgesics=False,
        pregnant=False,
        naltrexone_hypersensitivity=False,
        current_medications=(),
    )


@settings(deadline=None, max_examples=200)
@given(
    date=st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2035, 1, 1)),
    exposures=exposure_lists,
)
def test_earliest_start_is_ready_if_nothing_else_changes(
    date: dt.date, exposures: list[tuple[str, int]]
) -> None:
    result = start_check(_input(date, exposures))
    assert result.status in ("ready", "not_yet")
    assert result.earliest_start is not None and result.earliest_start >= date
    windows = {"short_acting": 7, "methadone": 10, "buprenorphine": 10, "other_long_acting": 10}
    unmet = [windows[kind] - ago for kind, ago in exposures if ago < windows[kind]]
    assert (result.status == "not_yet") == bool(unmet)
    assert result.earliest_start == date + dt.timedelta(days=max(unmet, default=0))
    # the same patient, with the same last uses, checked again on earliest_start (new tests that day)
    later = result.earliest_start
    shifted = [(kind, ago + (later - date).days) for kind, ago in exposures]
    again = start_check(_input(later, shifted))
    assert again.status == "ready"
    assert again.earliest_start == later


@settings(deadline=None, max_examples=200)
@given(
    date=st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2035, 1, 1)),
    exposures=exposure_lists,
    er_days_ago=st.integers(0, 365),
)
def test_extended_release_buprenorphine_within_a_year_is_never_ready(
    date: dt.date, exposures: list[tuple[str, int]], er_days_ago: int
) -> None:
    # source: SUBLOCADE, BRIXADI — no opioid-free window makes this start ready
    result = start_check(_input(date, [*exposures, (ER, er_days_ago)]))
    windows = {"short_acting": 7, "methadone": 10, "buprenorphine": 10, "other_long_acting": 10}
    unmet = any(ago < windows[kind] for kind, ago in exposures)
    assert result.status == ("not_yet" if unmet else "review")
    assert ER in [f.code for f in result.findings]


@settings(deadline=None, max_examples=100)
@given(
    date=st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2035, 1, 1)),
    exposures=exposure_lists,
    flag=st.sampled_from(
        [
            "acute_hepatitis_or_liver_failure",
            "needs_opioid_analgesics",
            "naltrexone_hypersensitivity",
        ]
    ),
)
def test_any_contraindication_wins(
    date: dt.date, exposures: list[tuple[str, int]], flag: str
) -> None:
    base = _input(date, exposures)
    result = start_check(dataclasses.replace(base, **{flag: True}))  # type: ignore[arg-type]
    assert result.status == "contraindicated"
    assert result.earliest_start is None
    assert result.findings[0].severity == "block"
