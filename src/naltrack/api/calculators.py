"""The HTTP door to the clinical calculators (docs/calculators.md): staff only.

The body is parsed by the clinical core itself, as for the CLI, so both doors accept and refuse
exactly the same input; a refusal is a 422 naming the field.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest
from ninja import Router

from naltrack.api.auth import staff_auth
from naltrack.clinical.calculators import calculate
from naltrack.clinical.contract import InputError

router = Router(tags=["calculators"], auth=staff_auth)


class CalculatorInputError(Exception):
    def __init__(self, error: InputError) -> None:
        self.error = error


def _run(name: str, request: HttpRequest) -> dict[str, Any]:
    try:
        try:
            payload = json.loads(request.body or b"null")
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise InputError("$", f"not valid JSON: {error}") from error
        return calculate(name, payload)
    except InputError as error:
        raise CalculatorInputError(error) from error


_OPENAPI = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {"type": "object"}}},
    }
}


@router.post("/start-check", openapi_extra=_OPENAPI, summary="Can this patient start naltrexone?")
def start_check(request: HttpRequest) -> dict[str, Any]:
    return _run("start-check", request)


@router.post("/discontinuation", openapi_extra=_OPENAPI, summary="A plan for stopping")
def discontinuation(request: HttpRequest) -> dict[str, Any]:
    return _run("discontinuation", request)


@router.post("/score", openapi_extra=_OPENAPI, summary="Score an instrument")
def score(request: HttpRequest) -> dict[str, Any]:
    return _run("score", request)
