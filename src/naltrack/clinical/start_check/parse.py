"""The start check's JSON doors: parse the input of docs/calculators.md, answer in JSON."""

from __future__ import annotations

from typing import Any, Final

from naltrack.clinical.contract import (
    InputError,
    as_bool,
    as_choice,
    as_date,
    as_int,
    as_list,
    as_number,
    as_object,
    as_optional_bool,
    as_str,
    path,
)
from naltrack.clinical.formulary import FORMULATIONS
from naltrack.clinical.liver import LiverThresholds
from naltrack.clinical.regimens import INDICATIONS
from naltrack.clinical.start_check.check import start_check, validate
from naltrack.clinical.start_check.inputs import (
    AGE_MAX,
    AGE_MIN,
    ANALYTE_RESULTS,
    ANALYTES,
    EXPOSURE_KINDS,
    LAB_TESTS,
    DrugScreen,
    LabResult,
    LabTest,
    NaloxoneChallenge,
    OpioidExposure,
    ScreenPanel,
    StartCheckInput,
    StartCheckPolicy,
)

_REQUIRED: Final = (
    "date",
    "indication",
    "formulation",
    "opioid_exposures",
    "acute_hepatitis_or_liver_failure",
    "needs_opioid_analgesics",
    "pregnant",
    "naltrexone_hypersensitivity",
    "current_medications",
)
_OPTIONAL: Final = (
    "urine_drug_screen",
    "naloxone_challenge",
    "labs",
    "age_years",
    "currently_drinking",
    "bleeding_risk",
)
# The longest lists and texts the start check reads (docs/calculators.md).
EXPOSURES_MAX: Final = 50
LABS_MAX: Final = 100
MEDICATIONS_MAX: Final = 100
MEDICATION_MAX_LENGTH: Final = 200
LAB_TEST_MAX_LENGTH: Final = 20
_LAB_NAMES: Final[dict[str, LabTest]] = {test.casefold(): test for test in LAB_TESTS}


def _lab_test(value: Any, field_path: str) -> LabTest:
    text = as_str(value, field_path, max_length=LAB_TEST_MAX_LENGTH)
    test = _LAB_NAMES.get(text.strip().casefold())
    if test is None:
        raise InputError(field_path, "must be one of " + ", ".join(repr(t) for t in LAB_TESTS))
    return test


def _exposures(value: Any) -> tuple[OpioidExposure, ...]:
    out = []
    for i, item in enumerate(as_list(value, "opioid_exposures", max_items=EXPOSURES_MAX)):
        where = path("opioid_exposures", i)
        obj = as_object(item, where, required=("kind", "last_use"))
        out.append(
            OpioidExposure(
                kind=as_choice(obj["kind"], path(where, "kind"), EXPOSURE_KINDS),
                last_use=as_date(obj["last_use"], path(where, "last_use")),
            )
        )
    return tuple(out)


def _panel(value: Any, where: str) -> ScreenPanel:
    """The optional ``panel`` of a screen: an object (not ``null``); an absent key is not tested."""
    obj = as_object(value, where, required=(), optional=ANALYTES)
    results = {
        analyte: as_choice(obj[analyte], path(where, analyte), ANALYTE_RESULTS)
        for analyte in ANALYTES
        if analyte in obj
    }
    return ScreenPanel(**results)


def _screen(value: Any) -> DrugScreen | None:
    if value is None:
        return None
    where = "urine_drug_screen"
    obj = as_object(value, where, required=("date", "opioids_positive"), optional=("panel",))
    return DrugScreen(
        date=as_date(obj["date"], path(where, "date")),
        opioids_positive=as_bool(obj["opioids_positive"], path(where, "opioids_positive")),
        panel=_panel(obj["panel"], path(where, "panel")) if "panel" in obj else None,
    )


def _challenge(value: Any) -> NaloxoneChallenge | None:
    if value is None:
        return None
    where = "naloxone_challenge"
    obj = as_object(value, where, required=("date", "withdrawal_signs"))
    return NaloxoneChallenge(
        date=as_date(obj["date"], path(where, "date")),
        withdrawal_signs=as_bool(obj["withdrawal_signs"], path(where, "withdrawal_signs")),
    )


def _labs(value: Any) -> tuple[LabResult, ...]:
    out = []
    for i, item in enumerate(as_list(value, "labs", max_items=LABS_MAX)):
        where = path("labs", i)
        obj = as_object(item, where, required=("test", "value", "upper_limit_normal", "date"))
        uln_path = path(where, "upper_limit_normal")
        uln = as_number(obj["upper_limit_normal"], uln_path)
        if uln <= 0:
            raise InputError(uln_path, "must be greater than 0")
        out.append(
            LabResult(
                test=_lab_test(obj["test"], path(where, "test")),
                value=as_number(obj["value"], path(where, "value"), minimum=0),
                upper_limit_normal=uln,
                date=as_date(obj["date"], path(where, "date")),
            )
        )
    return tuple(out)


def _medications(value: Any) -> tuple[str, ...]:
    items = as_list(value, "current_medications", max_items=MEDICATIONS_MAX)
    return tuple(
        as_str(item, path("current_medications", i), max_length=MEDICATION_MAX_LENGTH)
        for i, item in enumerate(items)
    )


def _age(value: Any) -> int | None:
    if value is None:
        return None
    return as_int(value, "age_years", minimum=AGE_MIN, maximum=AGE_MAX)


def start_check_from_json(payload: Any) -> StartCheckInput:
    """Parse the start-check JSON object (docs/calculators.md); raise ``InputError`` on problems."""
    obj = as_object(payload, "", required=_REQUIRED, optional=_OPTIONAL)
    inp = StartCheckInput(
        date=as_date(obj["date"], "date"),
        indication=as_choice(obj["indication"], "indication", INDICATIONS),
        formulation=as_choice(obj["formulation"], "formulation", FORMULATIONS),
        opioid_exposures=_exposures(obj["opioid_exposures"]),
        urine_drug_screen=_screen(obj.get("urine_drug_screen")),
        naloxone_challenge=_challenge(obj.get("naloxone_challenge")),
        labs=_labs(obj.get("labs", [])),
        acute_hepatitis_or_liver_failure=as_bool(
            obj["acute_hepatitis_or_liver_failure"], "acute_hepatitis_or_liver_failure"
        ),
        needs_opioid_analgesics=as_bool(obj["needs_opioid_analgesics"], "needs_opioid_analgesics"),
        pregnant=as_optional_bool(obj["pregnant"], "pregnant"),
        naltrexone_hypersensitivity=as_bool(
            obj["naltrexone_hypersensitivity"], "naltrexone_hypersensitivity"
        ),
        current_medications=_medications(obj["current_medications"]),
        age_years=_age(obj.get("age_years")),
        currently_drinking=as_optional_bool(obj.get("currently_drinking"), "currently_drinking"),
        bleeding_risk=as_optional_bool(obj.get("bleeding_risk"), "bleeding_risk"),
    )
    validate(inp)
    return inp


def start_check_json(
    payload: Any,
    *,
    liver: LiverThresholds | None = None,
    policy: StartCheckPolicy | None = None,
) -> dict[str, Any]:
    """Parse, check and answer in JSON (the CLI and HTTP doors); raises ``InputError``."""
    return start_check(start_check_from_json(payload), liver=liver, policy=policy).to_json()
