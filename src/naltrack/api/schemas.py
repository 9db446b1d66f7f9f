"""JSON Schemas of the calculators' input and output, for the OpenAPI description.

The contract is docs/calculators.md, enforced by the clinical core's parsers; these schemas say
the same thing to OpenAPI clients and fuzzers, built from the core's own vocabularies and limits
so that a new value or a new limit reaches both at once. tests/api/test_calculator_schemas.py holds
the two to each other: every example of the docs validates here and is accepted by the core, and
every input these schemas allow is accepted by the core.

JSON Schema cannot compare two fields: a date that must not be after ``date`` (or ``start``) says
so in its description, and the core answers 422 when it is. It also counts ``50.0`` as an integer,
which the contract refuses ("whole numbers are JSON integers").
"""

from __future__ import annotations

import sys
from typing import Any, Final, get_args

from naltrack.clinical.contract import FIRST_DAY, LAST_DAY
from naltrack.clinical.discontinuation.inputs import STRATEGIES
from naltrack.clinical.discontinuation.rules import (
    DAILY_DOSES_MG,
    INTERMITTENT_DOSES_MG,
    REASON_MAX_LENGTH,
    STEP_DAYS_MAX,
    STEP_DAYS_MIN,
)
from naltrack.clinical.findings import Severity
from naltrack.clinical.formulary import FORMULATIONS, ORAL, XR_DOSE_MG, XR_INJECTION
from naltrack.clinical.instruments.spec import SEXES
from naltrack.clinical.instruments.table import INSTRUMENTS
from naltrack.clinical.regimens import INDICATIONS
from naltrack.clinical.start_check.check import Status
from naltrack.clinical.start_check.inputs import (
    AGE_MAX,
    AGE_MIN,
    ANALYTE_RESULTS,
    ANALYTES,
    EXPOSURE_KINDS,
    LAB_TESTS,
)
from naltrack.clinical.start_check.parse import (
    EXPOSURES_MAX,
    LAB_TEST_MAX_LENGTH,
    LABS_MAX,
    MEDICATION_MAX_LENGTH,
    MEDICATIONS_MAX,
)

JsonSchema = dict[str, Any]

# YYYY-MM-DD from FIRST_DAY to LAST_DAY (years 1900 to 2199), as the core's ``as_date`` reads it.
DATE: Final[JsonSchema] = {
    "type": "string",
    "format": "date",
    "pattern": "^(19|2[01])[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
    "description": f"a date as YYYY-MM-DD, from {FIRST_DAY} to {LAST_DAY}",
}
NOT_AFTER_DATE: Final[JsonSchema] = {**DATE, "description": "YYYY-MM-DD, not after `date`"}
BOOLEAN: Final[JsonSchema] = {"type": "boolean"}
# JSON has no infinity; above the largest float a number cannot be held exactly enough to judge.
FINITE_NUMBER: Final[JsonSchema] = {"type": "number", "maximum": sys.float_info.max}


def nullable(schema: JsonSchema) -> JsonSchema:
    return {"anyOf": [schema, {"type": "null"}]}


def choice(values: tuple[Any, ...]) -> JsonSchema:
    return {"enum": list(values)}


def record(
    properties: dict[str, JsonSchema], *, required: tuple[str, ...] | None = None
) -> JsonSchema:
    """An object with exactly these fields; all of them required unless ``required`` says."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties if required is None else required),
        "additionalProperties": False,
    }


def _any_case(word: str) -> str:
    return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else c for c in word)


# --- start-check ---------------------------------------------------------------------------------

_PANEL_RESULT = choice(ANALYTE_RESULTS)
_NOT_POSITIVE = choice(tuple(r for r in ANALYTE_RESULTS if r != "positive"))
_SCREEN_PROPERTIES: Final[dict[str, JsonSchema]] = {
    "date": NOT_AFTER_DATE,
    "opioids_positive": BOOLEAN,
    "panel": record({a: _PANEL_RESULT for a in ANALYTES}, required=()),
}
# With a panel, opioids_positive is true exactly when some analyte is positive.
_SCREEN: Final[JsonSchema] = {
    **record(_SCREEN_PROPERTIES, required=("date", "opioids_positive")),
    "oneOf": [
        {"not": {"required": ["panel"]}},
        {
            "required": ["panel"],
            "properties": {
                "opioids_positive": {"const": False},
                "panel": {"additionalProperties": _NOT_POSITIVE},
            },
        },
        {
            "required": ["panel"],
            "properties": {
                "opioids_positive": {"const": True},
                "panel": {
                    "anyOf": [
                        {"required": [a], "properties": {a: {"const": "positive"}}}
                        for a in ANALYTES
                    ]
                },
            },
        },
    ],
}

START_CHECK_INPUT: Final[JsonSchema] = record(
    {
        "date": DATE,
        "indication": choice(INDICATIONS),
        "formulation": choice(FORMULATIONS),
        "opioid_exposures": {
            "type": "array",
            "maxItems": EXPOSURES_MAX,
            "items": record({"kind": choice(EXPOSURE_KINDS), "last_use": NOT_AFTER_DATE}),
        },
        "urine_drug_screen": nullable(_SCREEN),
        "naloxone_challenge": nullable(
            record({"date": NOT_AFTER_DATE, "withdrawal_signs": BOOLEAN})
        ),
        "labs": {
            "type": "array",
            "maxItems": LABS_MAX,
            "items": record(
                {
                    "test": {
                        "type": "string",
                        "maxLength": LAB_TEST_MAX_LENGTH,
                        "pattern": "^(" + "|".join(_any_case(t) for t in LAB_TESTS) + ")$",
                        "description": "one of " + ", ".join(LAB_TESTS) + ", in any case",
                    },
                    "value": {**FINITE_NUMBER, "minimum": 0},
                    "upper_limit_normal": {**FINITE_NUMBER, "exclusiveMinimum": 0},
                    "date": NOT_AFTER_DATE,
                }
            ),
        },
        "acute_hepatitis_or_liver_failure": BOOLEAN,
        "needs_opioid_analgesics": BOOLEAN,
        "pregnant": nullable(BOOLEAN),
        "naltrexone_hypersensitivity": BOOLEAN,
        "current_medications": {
            "type": "array",
            "maxItems": MEDICATIONS_MAX,
            "items": {"type": "string", "maxLength": MEDICATION_MAX_LENGTH},
        },
        "age_years": nullable({"type": "integer", "minimum": AGE_MIN, "maximum": AGE_MAX}),
        "currently_drinking": nullable(BOOLEAN),
        "bleeding_risk": nullable(BOOLEAN),
    },
    required=(
        "date",
        "indication",
        "formulation",
        "opioid_exposures",
        "acute_hepatitis_or_liver_failure",
        "needs_opioid_analgesics",
        "pregnant",
        "naltrexone_hypersensitivity",
        "current_medications",
    ),
)

FINDING: Final[JsonSchema] = record(
    {
        "code": {"type": "string"},
        "severity": choice(get_args(Severity)),
        "message": {"type": "string"},
        "source": {"type": "string"},
    }
)
_OUTPUT_DATE: Final[JsonSchema] = {"type": "string", "format": "date"}

START_CHECK_OUTPUT: Final[JsonSchema] = record(
    {
        "status": choice(get_args(Status)),
        "earliest_start": nullable(_OUTPUT_DATE),
        "findings": {"type": "array", "items": FINDING},
    }
)

# --- discontinuation -----------------------------------------------------------------------------

_TAPERS = tuple(s for s in STRATEGIES if s != "stop")
_ANY_STEP_DAYS: Final[JsonSchema] = nullable({"type": "integer"})

DISCONTINUATION_INPUT: Final[JsonSchema] = {
    **record(
        {
            "start": DATE,
            "formulation": choice(FORMULATIONS),
            "current_dose_mg": {"type": "integer", "minimum": 1},
            "strategy": choice(STRATEGIES),
            "last_injection": nullable({**DATE, "description": "YYYY-MM-DD, not after `start`"}),
            "step_days": _ANY_STEP_DAYS,
            "reason": {"type": "string", "maxLength": REASON_MAX_LENGTH},
            "indication": nullable(choice(INDICATIONS)),
            "surgery_date": nullable(DATE),
        },
        required=("start", "formulation", "current_dose_mg", "strategy"),
    ),
    # The three kinds of plan: tablets stopped (a daily or intermittent dose), tablets tapered
    # (a daily dose, step_days required), and the injection (stopped from its last injection).
    "oneOf": [
        {
            "properties": {
                "formulation": {"const": ORAL},
                "strategy": {"const": "stop"},
                "current_dose_mg": choice(DAILY_DOSES_MG + INTERMITTENT_DOSES_MG),
                "last_injection": {"type": "null"},
            }
        },
        {
            "required": ["step_days"],
            "properties": {
                "formulation": {"const": ORAL},
                "strategy": choice(_TAPERS),
                "current_dose_mg": choice(DAILY_DOSES_MG),
                "last_injection": {"type": "null"},
                "step_days": {
                    "type": "integer",
                    "minimum": STEP_DAYS_MIN,
                    "maximum": STEP_DAYS_MAX,
                },
            },
        },
        {
            "required": ["last_injection"],
            "properties": {
                "formulation": {"const": XR_INJECTION},
                "strategy": {"const": "stop"},
                "current_dose_mg": {"const": XR_DOSE_MG},
                "last_injection": {"type": "string"},
            },
        },
    ],
}

DISCONTINUATION_OUTPUT: Final[JsonSchema] = record(
    {
        "steps": {
            "type": "array",
            "items": record(
                {
                    "start": _OUTPUT_DATE,
                    "end": _OUTPUT_DATE,
                    "dose_mg": {"type": "integer"},
                    "tablets": {"type": "string"},
                }
            ),
        },
        "last_dose": _OUTPUT_DATE,
        "blockade_ends": _OUTPUT_DATE,
        "follow_up": {"type": "array", "items": _OUTPUT_DATE},
        "surgery_opioids_from": _OUTPUT_DATE,
        "warnings": {"type": "array", "items": FINDING},
    },
    required=("steps", "last_dose", "blockade_ends", "follow_up", "warnings"),
)

# --- score ---------------------------------------------------------------------------------------

SCORE_INPUT: Final[JsonSchema] = {
    "oneOf": [
        record(
            {
                "instrument": {"const": spec.id},
                "answers": record({item.key: choice(item.allowed) for item in spec.items}),
                "sex": nullable(choice(SEXES)),
            },
            required=("instrument", "answers"),
        )
        for spec in INSTRUMENTS.values()
    ]
}

SCORE_OUTPUT: Final[JsonSchema] = record(
    {
        "instrument": choice(tuple(INSTRUMENTS)),
        "score": {"type": "integer", "minimum": 0},
        "max_score": {"type": "integer", "minimum": 0},
        "band": nullable({"type": "string"}),
        "flags": {"type": "array", "items": {"type": "string"}},
    }
)

# --- the operations ------------------------------------------------------------------------------

INPUTS: Final[dict[str, JsonSchema]] = {
    "start-check": START_CHECK_INPUT,
    "discontinuation": DISCONTINUATION_INPUT,
    "score": SCORE_INPUT,
}
OUTPUTS: Final[dict[str, JsonSchema]] = {
    "start-check": START_CHECK_OUTPUT,
    "discontinuation": DISCONTINUATION_OUTPUT,
    "score": SCORE_OUTPUT,
}

# The error body of docs/calculators.md, for every refusal of the body (400, 413, 422).
INPUT_ERROR: Final[JsonSchema] = record(
    {
        "detail": {
            "type": "array",
            "items": record(
                {
                    "loc": {"type": "array", "items": {"type": "string"}},
                    "msg": {"type": "string"},
                    "type": {"type": "string"},
                }
            ),
        },
        "error": record({"field": {"type": "string"}, "message": {"type": "string"}}),
    }
)
# What django-ninja answers when the caller may not call at all (401, 403).
REFUSAL: Final[JsonSchema] = record({"detail": {"type": "string"}})


def _json(schema: JsonSchema) -> dict[str, Any]:
    return {"application/json": {"schema": schema}}


def calculator_openapi(name: str) -> dict[str, Any]:
    """The OpenAPI of calculator ``name``: its body, its answer and every refusal it can give."""
    return {
        "requestBody": {"required": True, "content": _json(INPUTS[name])},
        "responses": {
            "200": {"description": "The result", "content": _json(OUTPUTS[name])},
            "400": {
                "description": "Not JSON that can be read: malformed, empty, not UTF-8, or "
                "nested too deeply",
                "content": _json(INPUT_ERROR),
            },
            "401": {"description": "Not signed in", "content": _json(REFUSAL)},
            "403": {
                "description": "Signed in with another role than clinician or admin, or "
                "without the CSRF token",
                "content": _json(REFUSAL),
            },
            "413": {"description": "The body is too large", "content": _json(INPUT_ERROR)},
            "422": {
                "description": "JSON the contract refuses: the field and why",
                "content": _json(INPUT_ERROR),
            },
        },
    }
