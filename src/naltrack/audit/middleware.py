"""A request id for every request, so audit events and logs of one request can be joined."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from naltrack.audit.context import RequestOrigin, current_origin
from naltrack.web.client_address import client_address

# Matched whole (fullmatch): with ``$`` a trailing newline passed, and echoing it in the response
# header is a 500. Only printable ASCII is ever echoed into a header.
_SAFE_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Trust an upstream proxy's id only when it looks like one.
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _SAFE_ID.fullmatch(incoming) else uuid.uuid4().hex
        request.request_id = request_id  # type: ignore[attr-defined]
        # The client's address, the same one the sign-in lockout and the enrollment limit count.
        origin = RequestOrigin(ip_address=client_address(request), request_id=request_id)
        token = current_origin.set(origin)
        try:
            response = self.get_response(request)
        finally:
            current_origin.reset(token)
        response["X-Request-ID"] = request.request_id  # type: ignore[attr-defined]
        return response
