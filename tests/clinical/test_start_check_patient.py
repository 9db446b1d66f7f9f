"""The start-check's questions about the patient: age, drinking before the injection, bleeding
risk with the injection, and pregnancy by indication (rows cite sources)."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from tests.clinical.start_check_inputs import D, codes, finding, payload, run

from naltrack.clinical.contract import InputError
from naltrack.clinical.start_check import (
    age_in_years,
    start_check,
    start_check_from_json,
)

# --- age (REVIA, VIVITROL §8.4) ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("born", "on", "years"),
    [
        pytest.param("2008-03-15", "2026-03-14", 17, id="day-before-18th-birthday"),
        pytest.param("2008-03-15", "2026-03-15", 18, id="18th-birthday"),
        pytest.param("2008-03-15", "2026-03-16", 18, id="day-after"),
        pytest.param("2008-02-29", "2026-02-28", 17, id="leap-born-28-feb"),
        pytest.param("2008-02-29", "2026-03-01", 18, id="leap-born-1-march"),
        pytest.param("2008-02-29", "2028-02-29", 20, id="leap-born-leap-year"),
        pytest.param("2026-03-15", "2026-03-15", 0, id="newborn"),
    ],
)
def test_age_in_years(born: str, on: str, years: int) -> None:
    assert age_in_years(D(born), D(on)) == years


def test_age_in_years_refuses_a_birth_after_the_date() -> None:
    with pytest.raises(ValueError):
        age_in_years(D("2026-03-16"), D("2026-03-15"))


@pytest.mark.parametrize(
    ("age", "status"),
    [
        pytest.param(0, "review", id="0"),
        pytest.param(16, "review", id="16"),
        pytest.param(17, "review", id="17"),
        pytest.param(18, "ready", id="18"),
        pytest.param(65, "ready", id="65"),
        pytest.param(130, "ready", id="130"),
        pytest.param(None, "ready", id="unknown"),
    ],
)
def test_under_18_needs_review(age: int | None, status: str) -> None:
    result = run(age_years=age)
    assert result["status"] == status
    assert result["earliest_start"] == "2026-03-15"
    if status == "review":
        f = finding(result, "age_under_18")
        assert (f["severity"], f["source"]) == ("block", "REVIA+VIVITROL")
        assert "under 18" in f["message"]
    else:
        assert "age_under_18" not in codes(result)


def test_age_from_a_date_of_birth_on_the_18th_birthday() -> None:
    on = D("2026-03-15")
    assert run(age_years=age_in_years(D("2008-03-16"), on))["status"] == "review"
    assert run(age_years=age_in_years(D("2008-03-15"), on))["status"] == "ready"


# --- drinking and the injection (VIVITROL §1, §14; AUDGUIDE) ----------------------------------


@pytest.mark.parametrize(
    ("indication", "formulation", "drinking", "status", "code"),
    [
        pytest.param("AUD", "xr_injection", True, "not_yet", "drinking_before_injection", id="a"),
        pytest.param(
            "OUD_AUD", "xr_injection", True, "not_yet", "drinking_before_injection", id="both"
        ),
        pytest.param("AUD", "oral", True, "ready", "drinking_at_oral_start", id="AUD-oral"),
        pytest.param("OUD_AUD", "oral", True, "ready", "drinking_at_oral_start", id="both-oral"),
        pytest.param("AUD", "xr_injection", False, "ready", None, id="AUD-xr-not-drinking"),
        pytest.param("AUD", "xr_injection", None, "ready", None, id="AUD-xr-unknown"),
        pytest.param("OUD", "xr_injection", True, "ready", None, id="OUD-only"),
    ],
)
def test_drinking(
    indication: str, formulation: str, drinking: bool | None, status: str, code: str | None
) -> None:
    result = run(indication=indication, formulation=formulation, currently_drinking=drinking)
    assert result["status"] == status
    found = [c for c in codes(result) if c.startswith("drinking_")]
    assert found == ([code] if code else [])
    if status == "not_yet":
        assert result["earliest_start"] is None
        f = finding(result, "drinking_before_injection")
        assert (f["severity"], f["source"]) == ("block", "VIVITROL")
    elif code:
        f = finding(result, code)
        assert (f["severity"], f["source"]) == ("info", "AUDGUIDE")
        assert result["earliest_start"] == "2026-03-15"


def test_drinking_before_the_injection_is_unknown_even_when_the_window_has_a_date() -> None:
    result = run(
        indication="AUD",
        formulation="xr_injection",
        currently_drinking=True,
        opioid_exposures=[{"kind": "short_acting", "last_use": "2026-03-12"}],
    )
    assert result["status"] == "not_yet"
    assert result["earliest_start"] is None


# --- bleeding risk and the injection (VIVITROL §5) ---------------------------------------------


@pytest.mark.parametrize(
    ("formulation", "bleeding", "warned"),
    [
        pytest.param("xr_injection", True, True, id="xr-bleeding"),
        pytest.param("xr_injection", False, False, id="xr-no"),
        pytest.param("xr_injection", None, False, id="xr-unknown"),
        pytest.param("oral", True, False, id="oral"),
    ],
)
def test_bleeding_risk_with_the_injection_is_a_warning(
    formulation: str, bleeding: bool | None, warned: bool
) -> None:
    result = run(formulation=formulation, bleeding_risk=bleeding)
    assert result["status"] == "ready"  # a warning: status unchanged
    if warned:
        f = finding(result, "injection_bleeding_risk")
        assert (f["severity"], f["source"]) == ("warning", "VIVITROL")
    else:
        assert "injection_bleeding_risk" not in codes(result)


# --- pregnancy (ASAM2020, TIP63; REVIA, VIVITROL) -----------------------------------------------


@pytest.mark.parametrize(
    ("indication", "source", "words"),
    [
        pytest.param("OUD", "ASAM2020+TIP63", "methadone or buprenorphine", id="OUD"),
        pytest.param("OUD_AUD", "ASAM2020+TIP63", "methadone or buprenorphine", id="OUD_AUD"),
        pytest.param("AUD", "REVIA+VIVITROL+TIP63", "data on naltrexone", id="AUD"),
    ],
)
def test_pregnancy_wording_by_indication(indication: str, source: str, words: str) -> None:
    result = run(indication=indication, pregnant=True)
    assert result["status"] == "review"
    f = finding(result, "pregnancy")
    assert (f["severity"], f["source"]) == ("block", source)
    assert words in f["message"].lower()
    if indication != "AUD":
        assert "without a prescriber's decision" in f["message"]


# --- the JSON contract of the three optional fields ---------------------------------------------


def test_optional_patient_fields_default_to_unknown() -> None:
    inp = start_check_from_json(payload())
    assert (inp.age_years, inp.currently_drinking, inp.bleeding_risk) == (None, None, None)
    nulls = start_check_from_json(
        payload(age_years=None, currently_drinking=None, bleeding_risk=None)
    )
    assert nulls == inp
    given = start_check_from_json(
        payload(age_years=40, currently_drinking=False, bleeding_risk=True)
    )
    assert (given.age_years, given.currently_drinking, given.bleeding_risk) == (40, False, True)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        pytest.param({"age_years": -1}, "age_years", id="age-negative"),
        pytest.param({"age_years": 131}, "age_years", id="age-too-high"),
        pytest.param({"age_years": 17.5}, "age_years", id="age-fraction"),
        pytest.param({"age_years": 18.0}, "age_years", id="age-float"),
        pytest.param({"age_years": "18"}, "age_years", id="age-text"),
        pytest.param({"age_years": True}, "age_years", id="age-bool"),
        pytest.param({"currently_drinking": "yes"}, "currently_drinking", id="drinking-text"),
        pytest.param({"currently_drinking": 1}, "currently_drinking", id="drinking-number"),
        pytest.param({"bleeding_risk": "false"}, "bleeding_risk", id="bleeding-text"),
        pytest.param({"bleeding_risk": 0}, "bleeding_risk", id="bleeding-number"),
        pytest.param({"date_of_birth": "2000-01-01"}, "date_of_birth", id="unknown-field"),
    ],
)
def test_patient_field_errors_name_the_field(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(InputError) as error:
        start_check_from_json(payload(**changes))
    assert error.value.field == field


@pytest.mark.parametrize("age", [-1, 131])
def test_python_door_checks_the_age(age: int) -> None:
    inp = dataclasses.replace(start_check_from_json(payload()), age_years=age)
    with pytest.raises(InputError) as error:
        start_check(inp)
    assert error.value.field == "age_years"
