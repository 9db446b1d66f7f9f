"""A liver-test result typed from a lab report: impossible values refused, rare ones looked at
again, units from each test's own list."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from naltrack.clinical.contract import InputError
from naltrack.clinical.lab_values import LAB_BOUNDS, lab_value_check, unit_spelling


def check(test="ALT", value=40.0, unit="U/L", uln=40.0):
    return lab_value_check(test=test, value=value, unit=unit, upper_limit_normal=uln)


def test_an_ordinary_result_is_plausible():
    assert check(value=35).verdict == "plausible"
    assert check(test="bilirubin", value=0.8, unit="mg/dL", uln=1.2).verdict == "plausible"


def test_a_value_no_liver_produces_is_refused_on_the_value():
    with pytest.raises(InputError) as refused:
        check(value=999_999)
    assert refused.value.field == "value"
    assert "check the number and the unit" in refused.value.message


def test_a_rare_but_possible_value_asks_to_look_again():
    assert check(value=4_500).verdict == "look_again"
    assert check(test="bilirubin", value=25, unit="mg/dL", uln=1.2).verdict == "look_again"


def test_the_bounds_hold_in_every_accepted_unit():
    # 20 µkat/L is 1,200 U/L: rare, not impossible; 2,000 µkat/L is 120,000 U/L: impossible.
    assert check(value=20, unit="µkat/L", uln=0.7).verdict == "look_again"
    with pytest.raises(InputError):
        check(value=2_000, unit="µkat/L", uln=0.7)
    # 500 µmol/L of bilirubin is 29 mg/dL.
    assert check(test="bilirubin", value=500, unit="µmol/L", uln=21).verdict == "look_again"


@pytest.mark.parametrize(
    ("test", "typed", "spelling"),
    [
        ("ALT", "u/l", "U/L"),
        ("AST", " IU / L ", "IU/L"),
        ("bilirubin", "umol/l", "µmol/L"),
        ("bilirubin", "μmol/L", "µmol/L"),  # Greek mu, as phones type it
        ("GGT", "ukat/l", "µkat/L"),
    ],
)
def test_units_are_matched_however_they_are_typed(test, typed, spelling):
    assert unit_spelling(test, typed) == spelling


@pytest.mark.parametrize(
    ("test", "unit"), [("ALT", "<b>x</b>"), ("bilirubin", "U/L"), ("ALT", "mg/dL")]
)
def test_a_unit_the_test_is_not_reported_in_is_refused(test, unit):
    with pytest.raises(InputError) as refused:
        unit_spelling(test, unit)
    assert refused.value.field == "unit"


@pytest.mark.parametrize("uln", [0, 0.04, 4_000])
def test_an_upper_limit_of_normal_no_lab_prints_is_refused(uln):
    with pytest.raises(InputError) as refused:
        check(uln=uln)
    assert refused.value.field == "upper_limit_normal"


@given(
    test=st.sampled_from(sorted(LAB_BOUNDS)),
    value=st.floats(min_value=0, max_value=1e9, allow_nan=False),
    uln=st.floats(min_value=0, max_value=1e6, allow_nan=False),
)
def test_every_result_is_either_judged_or_refused_by_name(test, value, uln):
    unit = LAB_BOUNDS[test].unit
    try:
        result = lab_value_check(test=test, value=value, unit=unit, upper_limit_normal=uln)
    except InputError as refused:
        assert refused.field in {"value", "upper_limit_normal"}
    else:
        assert value <= LAB_BOUNDS[test].impossible_above
        assert result.verdict == (
            "look_again" if value > LAB_BOUNDS[test].confirm_above else "plausible"
        )
