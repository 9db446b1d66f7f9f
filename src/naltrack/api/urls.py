"""The JSON API (django-ninja): one router per domain, OpenAPI docs at /api/docs."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import ValidationError

from naltrack.accounts.access import staff_required
from naltrack.api import alerts, calculators, consents, daily, enrollments, monitoring, patients
from naltrack.care.errors import ClinicalRuleError

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
# The record API (docs/disclosure.md, "The record API"): the pages' services and selectors.
for router in (
    patients.router,
    daily.check_ins,
    daily.doses,
    monitoring.injections,
    monitoring.labs,
    monitoring.drug_screens,
    alerts.router,
    consents.router,
    enrollments.router,
):
    api.add_router("/v1", router)


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


def _refused(request: HttpRequest, problems: list[tuple[str, str]]) -> HttpResponse:
    """A 422 naming each field (``body`` alone for a refusal of the whole request)."""
    detail = [
        {
            "loc": ["body", *([field] if field and field != "__all__" else [])],
            "msg": message,
            "type": "value_error",
        }
        for field, message in problems
    ]
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """As ninja answers, but a body's field is at ``["body", field]``: the name of the view's
    body parameter means nothing to a caller."""
    for error in exc.errors:
        loc = list(error.get("loc", ()))
        if loc[:2] == ["body", "body"]:
            error["loc"] = [loc[0], *loc[2:]]
    return api.create_response(request, {"detail": exc.errors}, status=422)


@api.exception_handler(ClinicalRuleError)
def clinical_rule_error(request: HttpRequest, exc: ClinicalRuleError) -> HttpResponse:
    return _refused(request, [(exc.field, exc.message)])


@api.exception_handler(enrollments.FormRefused)
def enrollment_refused(request: HttpRequest, exc: enrollments.FormRefused) -> HttpResponse:
    return _refused(
        request,
        [(field, message) for field, messages in exc.errors.items() for message in messages],
    )
