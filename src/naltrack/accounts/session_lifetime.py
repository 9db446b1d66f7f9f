"""How long a sign-in lasts.

Every session ends a fixed time after sign-in, however busy (``NALTRACK_SESSION_HOURS``), and a
staff session also ends after a quiet spell (``NALTRACK_STAFF_IDLE_MINUTES``): staff leave shared
clinic computers signed in with many patients' records a click away. A patient's own phone is
theirs, so their session only has the fixed lifetime (and ends when the browser closes).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

SIGNED_IN_AT = "naltrack_signed_in_at"
LAST_SEEN = "naltrack_last_seen"
# Recording activity writes the session: once a minute is precise enough for a 30-minute limit.
LAST_SEEN_RESOLUTION_SECONDS = 60


def session_started(request: HttpRequest) -> None:
    now = int(time.time())
    request.session[SIGNED_IN_AT] = now
    request.session[LAST_SEEN] = now


def _ending(request: HttpRequest) -> str | None:
    """Why this session must end now ("expired" or "idle"), or None."""
    now = int(time.time())
    signed_in_at = request.session.setdefault(SIGNED_IN_AT, now)
    if now - signed_in_at > settings.NALTRACK_SESSION_HOURS * 3600:
        return "expired"
    if request.user.is_clinic_staff:  # type: ignore[union-attr]
        last_seen = request.session.setdefault(LAST_SEEN, now)
        if now - last_seen > settings.NALTRACK_STAFF_IDLE_MINUTES * 60:
            return "idle"
        if now - last_seen >= LAST_SEEN_RESOLUTION_SECONDS:
            request.session[LAST_SEEN] = now
    return None


class SessionLifetimeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and (reason := _ending(request)):
            request.session_end_reason = reason  # type: ignore[attr-defined]  # for the audit
            logout(request)
            query = urlencode({"next": request.get_full_path(), "signed_out": reason})
            login = f"{reverse('accounts:login')}?{query}"
            if request.headers.get("HX-Request"):
                # htmx would swap a login page into a fragment: have it load the page instead.
                response = HttpResponse(status=204)
                response["HX-Redirect"] = login
                return response
            return redirect(login)
        return self.get_response(request)
