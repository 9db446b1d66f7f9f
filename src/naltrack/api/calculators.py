"""The HTTP door to the clinical calculators (docs/calculators.md): staff only.

The body is parsed by the clinical core itself, as for the CLI, so both doors accept and refuse
exactly the same input; a refusal is a 422 naming the field. A body that cannot be read as JSON
at all (too large, too deep, malformed) is refused before the core sees it: 413 or 400.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router

from naltrack.api.auth import staff_auth
from naltrack.api.json_body import BodyError, read_json_body
from naltrack.api.schemas import calculator_openapi
from naltrack.clinical.calculators import calculate
from naltrack.clinical.contract import InputError

router = Router(tags=["calculators"], auth=staff_auth)


class CalculatorInputError(Exception):
    def __init__(self, error: InputError, status: int = 422) -> None:
        self.error = error
        self.status = status


def _run(name: str, request: HttpRequest) -> dict[str, Any]:
    try:
        payload = read_json_body(request)
    except BodyError as error:
        raise CalculatorInputError(InputError("$", error.message), error.status) from error
    try:
        return calculate(name, payload)
    except InputError as error:
        raise CalculatorInputError(error) from error


@router.post(
    "/start-check",
    openapi_extra=calculator_openapi("start-check"),
    summary="Can this patient start naltrexone?",
)
def start_check(request: HttpRequest) -> dict[str, Any]:
    return _run("start-check", request)


@router.post(
    "/discontinuation",
    openapi_extra=calculator_openapi("discontinuation"),
    summary="A plan for stopping",
)
def discontinuation(request: HttpRequest) -> dict[str, Any]:
    return _run("discontinuation", request)


@router.post("/score", openapi_extra=calculator_openapi("score"), summary="Score an instrument")
def score(request: HttpRequest) -> dict[str, Any]:
    return _run("score", request)
