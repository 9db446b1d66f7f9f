"""Logs to standard output, one JSON object a line (or plain text in development), carrying the
request id and never a name, an email, a note or a clinical value.

What keeps health data out: the request line names the route's pattern, never the path a person
typed or a link carried (ids, tokens, a clinic's slug) and never the query string (searches by
name, emails); every record passes ``PrivacyFilter``, which drops query strings and email
addresses from any message, including Django's and the libraries'; sign-in failures are logged
without the email tried (``axes_client_str``). ``tests/operations/test_logs_without_health_data.py``
walks every route with marker values in a patient's record and the forms and finds none of them
in the output.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import time
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse

from naltrack.audit.context import current_origin

request_logger = logging.getLogger("naltrack.requests")

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A query string inside a message ("GET /patients/?q=… HTTP/1.1", "Not Found: /x?email=…").
_QUERY = re.compile(r"\?[^\s\"']*")
_NUMBER = re.compile(r"^\d+$")
_WORD = re.compile(r"^[a-z][a-z0-9_.-]{0,40}$")
# What a record may carry into a JSON line from ``extra``: the request line's fields and
# Django's status code. Other libraries' extras (a query's parameters, a request) are left out.
EXTRA_FIELDS = ("method", "route", "path", "status", "status_code", "duration_ms")


def scrubbed(text: str) -> str:
    """``text`` without query strings or email addresses."""
    return _EMAIL.sub("[email]", _QUERY.sub("?[query]", text))


def path_shape(request: HttpRequest) -> str:
    """The path as its route's pattern ("/clinic/patients/{patient_id}/"), or, for a path no
    route matched, with numbers as ``{id}`` and anything but a plain lowercase word as
    ``{value}``."""
    match = getattr(request, "resolver_match", None)
    if match is not None and match.route:
        return "/" + re.sub(r"<(?:[^>:]+:)?([^>]+)>", r"{\1}", match.route).lstrip("^").rstrip("$")
    parts = request.path.split("/")
    return "/".join(
        part if part == "" or _WORD.match(part) else "{id}" if _NUMBER.match(part) else "{value}"
        for part in parts
    )


class RequestIdFilter(logging.Filter):
    """Gives every record the id of the request it happened in ("-" outside one)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            origin = current_origin.get()
            request = getattr(record, "request", None)
            record.request_id = (
                origin.request_id if origin else getattr(request, "request_id", None) or "-"
            )
        return True


class PrivacyFilter(logging.Filter):
    """Drops query strings and email addresses from every message and exception text.

    Django's own warnings ("Not Found: <path>", a refused CSRF check) carry the path, which
    becomes its shape (``path_shape``), and libraries' messages may carry what was typed: the
    message is formatted once here and scrubbed, so no handler can print the raw arguments.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # arguments that do not fit: keep the bare template
            message = str(record.msg)
        request = getattr(record, "request", None)
        if isinstance(request, HttpRequest) and request.path:
            # "Not Found: /enroll/<a clinic's slug>/": the path as the request line shows it.
            message = message.replace(request.path, path_shape(request))
        record.msg = scrubbed(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrubbed(record.exc_text)
        # Django attaches the request itself; no formatter may reach into it.
        record.request = None
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time (UTC), level, logger, message, request id, what the record
    carried in ``extra`` (the request line's method, route, status…), and the traceback."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, tz=dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
        }
        for key in EXTRA_FIELDS:
            if getattr(record, key, None) is not None:
                entry[key] = getattr(record, key)
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exception"] = record.exc_text
        return json.dumps(entry, default=str)


class RequestLogMiddleware:
    """One line per request: request id, method, route name and pattern, status, duration.

    Outermost, so the time includes every other middleware; the request id is read from the
    response header the request-id middleware sets.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        match = getattr(request, "resolver_match", None)
        route = match.view_name if match is not None else ""
        path = path_shape(request)
        request_logger.info(
            "%s %s %s %sms",
            request.method,
            path,
            response.status_code,
            duration_ms,
            extra={
                "request_id": response.get("X-Request-ID", "-"),
                "method": request.method,
                "route": route,
                "path": path,
                "status": response.status_code,
                "duration_ms": duration_ms,
            },
        )
        return response


def axes_client_str(
    username: str, ip_address: str, user_agent: str, path_info: str, request: HttpRequest
) -> str:
    """How django-axes names a client in its log lines: by address, never by the email tried
    (the failure is in the audit trail with the account it named)."""
    return f"client {ip_address}"
