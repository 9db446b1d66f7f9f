"""Whether a liver-test result can be real: its unit, its value and its lab's upper limit.

A result is entered by hand from a lab report, so the mistakes are a slipped decimal point, an
extra digit or the wrong unit. A value no human liver has produced is refused; a value that is
possible but rare asks the clinician to look again before it is saved (it would raise an alert
and redraw the chart's scale).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from naltrack.clinical.contract import InputError
from naltrack.clinical.evidence import rule
from naltrack.clinical.start_check.inputs import LAB_TESTS, LabTest


@dataclass(frozen=True)
class LabBounds:
    unit: str  # the unit the bounds are in
    units: dict[str, float]  # accepted spellings → factor to ``unit``
    confirm_above: float  # possible, but rare: look again
    impossible_above: float  # beyond any reported value: a typing error
    normal_limit_range: tuple[float, float]  # a lab's upper limit of normal, in ``unit``


_ENZYME_UNITS: Final = {"U/L": 1.0, "IU/L": 1.0, "µkat/L": 60.0}
# source: NALTRACK — aminotransferases pass 1,000 U/L only in acute hepatitis (viral, toxic,
# ischaemic), where values of several thousand are reported; no report approaches 100,000 U/L.
# Upper limits of normal printed by labs lie between about 20 and 60 U/L.
_ENZYME = LabBounds(
    unit="U/L",
    units=_ENZYME_UNITS,
    confirm_above=1_000,
    impossible_above=100_000,
    normal_limit_range=(5, 300),
)
# source: NALTRACK — bilirubin above 20 mg/dL is seen only in severe jaundice and has not been
# reported above 100 mg/dL in adults; labs' upper limits of normal lie near 1-1.2 mg/dL.
_BILIRUBIN = LabBounds(
    unit="mg/dL",
    units={"mg/dL": 1.0, "µmol/L": 1 / 17.1},
    confirm_above=20,
    impossible_above=100,
    normal_limit_range=(0.3, 5),
)
LAB_BOUNDS: Final[dict[LabTest, LabBounds]] = {
    "ALT": _ENZYME,
    "AST": _ENZYME,
    "GGT": _ENZYME,
    "bilirubin": _BILIRUBIN,
}
assert set(LAB_BOUNDS) == set(LAB_TESTS)

LAB_PLAUSIBLE = rule(
    code="lab_value_plausible",
    area="monitoring",
    summary="A liver-test result is checked against what a human liver can produce",
    threshold="ALT/AST/GGT: look again above 1,000 U/L, refused above 100,000 U/L; bilirubin: look "
    "again above 20 mg/dL, refused above 100 mg/dL; units from a list per test",
    source="NALTRACK",
)


def _folded(unit: str) -> str:
    # casefold() turns the micro sign into the Greek mu; a plain "u" is how keyboards type both.
    text = unit.strip().replace(" ", "").casefold()
    return "μ" + text[1:] if text.startswith(("umol", "ukat")) else text


def unit_spelling(test: LabTest, unit: str) -> str:
    """The accepted spelling of ``unit`` for ``test`` (case, "u" or "μ" for "µ", spaces), or
    InputError naming the units the test is reported in."""
    wanted = _folded(unit)
    for spelling in LAB_BOUNDS[test].units:
        if _folded(spelling) == wanted:
            return spelling
    raise InputError("unit", f"{test} is reported in " + " or ".join(LAB_BOUNDS[test].units) + ".")


@dataclass(frozen=True)
class LabValueCheck:
    unit: str
    verdict: Literal["plausible", "look_again"]


def lab_value_check(
    *, test: LabTest, value: float, unit: str, upper_limit_normal: float
) -> LabValueCheck:
    """Refuse an impossible result (InputError on ``value`` or ``upper_limit_normal``); say
    whether a possible one is rare enough to look at again."""
    bounds = LAB_BOUNDS[test]
    unit = unit_spelling(test, unit)
    factor = bounds.units[unit]
    in_unit, limit = value * factor, upper_limit_normal * factor
    if value < 0:
        raise InputError("value", "A result can’t be below 0.")
    if in_unit > bounds.impossible_above:
        raise InputError(
            "value",
            f"{value:g} {unit} is more than any {test} ever reported "
            f"({bounds.impossible_above:,.0f} {bounds.unit}): check the number and the unit.",
        )
    low, high = bounds.normal_limit_range
    if not low <= limit <= high:
        raise InputError(
            "upper_limit_normal",
            f"A lab’s upper limit of normal for {test} lies between {low:g} and {high:g} "
            f"{bounds.unit}: check the number on the report and the unit.",
        )
    verdict: Literal["plausible", "look_again"] = (
        "look_again" if in_unit > bounds.confirm_above else "plausible"
    )
    return LabValueCheck(unit=unit, verdict=verdict)
