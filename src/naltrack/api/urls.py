"""The JSON API (django-ninja): one router per domain, OpenAPI docs at /api/docs."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI

from naltrack.accounts.access import staff_required
from naltrack.api import calculators

# The schema and its docs page show staff what the API takes; in production only signed-in staff
# see them (a public map of the endpoints helps nobody but an attacker).
api = NinjaAPI(
    title="Naltrack API",
    version="1",
    urls_namespace="api",
    docs_url="/docs",
    docs_decorator=None if settings.DEBUG else staff_required,
)
api.add_router("/v1/calculators", calculators.router)


@api.exception_handler(calculators.CalculatorInputError)
def calculator_input_error(
    request: HttpRequest, exc: calculators.CalculatorInputError
) -> HttpResponse:
    error = exc.error
    detail = [
        {"loc": ["body", *error.field.split(".")], "msg": error.message, "type": "value_error"}
    ]
    body: dict[str, object] = {"detail": detail, **error.to_json()}
    return api.create_response(request, body, status=exc.status)
