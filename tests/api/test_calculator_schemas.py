"""The calculators' OpenAPI schemas and the clinical core's parsers say the same thing: what the
schema allows the core accepts, what the docs show validates, and what the core refuses for a
reason a schema can state, the schema refuses too."""

from __future__ import annotations

import copy

import jsonschema_rs
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from naltrack.api.schemas import INPUTS, OUTPUTS
from naltrack.api.urls import api
from naltrack.clinical.calculators import calculate
from naltrack.clinical.contract import InputError
from tests.api.calculator_inputs import as_written, doc_input_examples
from tests.clinical.test_calc_cli import START_CHECK

CALCULATORS = tuple(INPUTS)
OPENAPI = api.get_openapi_schema(path_prefix="/api/")
PATHS = {name: f"/api/v1/calculators/{name}" for name in CALCULATORS}


def validator(schema):
    return jsonschema_rs.validator_for(schema, validate_formats=True)


def test_each_operation_describes_its_body_and_every_answer():
    for name, url in PATHS.items():
        operation = OPENAPI["paths"][url]["post"]
        body = operation["requestBody"]["content"]["application/json"]["schema"]
        assert body == INPUTS[name]
        assert set(operation["responses"]) == {"200", "400", "401", "403", "413", "422"}
        answer = operation["responses"]["200"]["content"]["application/json"]["schema"]
        assert answer == OUTPUTS[name]


EXAMPLES = doc_input_examples()


def test_the_docs_show_an_example_of_each_calculator():
    assert {name for name, _ in EXAMPLES} == set(CALCULATORS)
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize(("name", "body"), EXAMPLES)
def test_every_example_of_the_docs_fits_the_schema_and_the_core(name, body):
    validator(INPUTS[name]).validate(body)
    answer = calculate(name, body)
    validator(OUTPUTS[name]).validate(answer)


DISCONTINUATION = {
    "start": "2026-04-01",
    "formulation": "xr_injection",
    "current_dose_mg": 380,
    "strategy": "stop",
    "last_injection": "2026-03-20",
}


def _with(body, path, value):
    body = copy.deepcopy(body)
    *parents, last = path
    target = body
    for key in parents:
        target = target[key]
    if value is KeyError:
        del target[last]
    else:
        target[last] = value
    return body


SCREEN = ("urine_drug_screen",)
REFUSED = [
    ("start-check", ("extra",), 1),
    ("start-check", ("pregnant",), KeyError),
    ("start-check", ("date",), "2026-3-15"),
    ("start-check", ("date",), "2026-W11-1"),
    ("start-check", ("date",), "2026-02-30"),
    ("start-check", ("date",), "1899-12-31"),
    ("start-check", ("date",), "2200-01-01"),
    ("start-check", ("date",), "２０２６-03-15"),
    ("start-check", ("indication",), "oud"),
    ("start-check", ("pregnant",), 0),
    ("start-check", ("age_years",), 131),
    ("start-check", ("labs", 0, "value"), -1),
    ("start-check", ("labs", 0, "upper_limit_normal"), 0),
    ("start-check", ("labs", 0, "test"), "ALTT"),
    ("start-check", ("current_medications",), ["x" * 201]),
    ("start-check", ("opioid_exposures",), [{"kind": "methadone", "last_use": "2026-03-01"}] * 51),
    ("start-check", (*SCREEN, "panel"), None),
    ("start-check", (*SCREEN, "panel"), {"opiates": "positive"}),
    ("start-check", (*SCREEN, "panel"), {"cocaine": "negative"}),
    ("discontinuation", ("strategy",), "step_down"),
    ("discontinuation", ("current_dose_mg",), 50),
    ("discontinuation", ("last_injection",), None),
    ("discontinuation", ("formulation",), "oral"),
    ("discontinuation", ("reason",), "x" * 501),
    ("score", ("answers", "craving"), 11),
    ("score", ("answers", "q1"), 1),
    ("score", ("sex",), "other"),
    ("score", ("instrument",), "phq9"),
]
BASES = {
    "start-check": START_CHECK,
    "discontinuation": DISCONTINUATION,
    "score": {"instrument": "craving_vas", "answers": {"craving": 7}},
}


@pytest.mark.parametrize("name", CALCULATORS)
def test_the_bases_of_the_refusals_are_valid(name):
    validator(INPUTS[name]).validate(BASES[name])
    calculate(name, BASES[name])


@pytest.mark.parametrize(("name", "path", "value"), REFUSED)
def test_what_the_core_refuses_the_schema_refuses(name, path, value):
    body = _with(BASES[name], path, value)
    with pytest.raises(InputError):
        calculate(name, body)
    assert not validator(INPUTS[name]).is_valid(body)


@pytest.mark.parametrize("day", ["1900-01-01", "2199-12-31", "2024-02-29"])
def test_the_first_and_last_days_are_valid_for_both(day):
    body = {**DISCONTINUATION, "start": day, "last_injection": day}
    assert validator(INPUTS["discontinuation"]).is_valid(body)
    calculate("discontinuation", body)


GENERATED = schemathesis.openapi.from_dict(OPENAPI)


@pytest.mark.parametrize("name", CALCULATORS)
def test_every_input_the_schema_allows_the_core_accepts(name):
    operation = GENERATED[PATHS[name]]["POST"]
    accepts = validator(INPUTS[name])
    answers = validator(OUTPUTS[name])

    @settings(
        max_examples=150,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(case=operation.as_strategy())
    def accepted(case):
        body = as_written(name, case.body)
        assert accepts.is_valid(body)
        try:
            answer = calculate(name, body)
        except InputError as error:
            pytest.fail(f"schema-valid input refused: {error} in {body!r}")
        answers.validate(answer)

    accepted()
