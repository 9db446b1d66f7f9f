from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_safe

from naltrack.operations.health import health_report


@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """For a load balancer or a monitor: no sign-in, plain HTTP allowed, nothing about anyone.
    200 when every part is doing its work, 503 (with what is wrong) when one is not."""
    report = health_report()
    response = JsonResponse(report.as_json(), status=200 if report.healthy else 503)
    response["Cache-Control"] = "no-store"
    return response
