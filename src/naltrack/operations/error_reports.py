"""Optional error reports to Sentry (``SENTRY_DSN``; nothing is sent without it).

An error report is built from the moment of the error: the request, the user, local values,
the log lines and queries before it. Of that, only what names no one leaves: the exception (its
message without emails or query strings), its stack without local values, the request's method,
the route (Sentry's transaction name is the URL pattern, not the path) and the user's id.
``scrubbed_event`` runs on every event before it is sent.
"""

from __future__ import annotations

import os
from typing import Any

from naltrack.operations.logs import scrubbed


def scrubbed_event(event: dict[str, Any], hint: dict[str, Any] | None = None) -> dict[str, Any]:
    """The event without the request's URL, body, cookies, headers or query string, without
    user details, extra data, breadcrumbs or local values; messages lose emails and query
    strings."""
    request = event.get("request") or {}
    event["request"] = {"method": request["method"]} if "method" in request else {}
    user = event.get("user") or {}
    event["user"] = {"id": user["id"]} if "id" in user else {}
    event.pop("extra", None)
    event.pop("server_name", None)
    contexts = event.get("contexts") or {}
    event["contexts"] = {
        key: value for key, value in contexts.items() if key in ("runtime", "trace", "os")
    }
    if isinstance(event.get("logentry"), dict):
        entry = event["logentry"]
        entry["message"] = scrubbed(str(entry.get("formatted") or entry.get("message") or ""))
        entry.pop("formatted", None)
        entry.pop("params", None)
    if "message" in event:
        event["message"] = scrubbed(str(event["message"]))
    for exception in (event.get("exception") or {}).get("values") or []:
        exception["value"] = scrubbed(str(exception.get("value") or ""))
        for frame in (exception.get("stacktrace") or {}).get("frames") or []:
            frame.pop("vars", None)
    # The log lines and queries before the error, as Sentry saw them: unscrubbed.
    event.pop("breadcrumbs", None)
    return event


def error_reports_start() -> bool:
    """Start reporting errors if ``SENTRY_DSN`` is set (called once, from the settings)."""
    dsn = os.environ.get("SENTRY_DSN", "").strip()
    if not dsn:
        return False
    import sentry_sdk

    sentry_sdk.init(
        dsn=dsn,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        before_send=scrubbed_event,  # type: ignore[arg-type]
        before_send_transaction=scrubbed_event,  # type: ignore[arg-type]
        max_breadcrumbs=0,
        traces_sample_rate=0.0,
    )
    return True
