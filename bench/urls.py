"""The project's URLs plus a bare view: the yardstick bench/pages.py measures pages against.

The bare view goes through the same middleware (sessions, authentication, CSRF, security
headers, CSP, audit request id) and answers "ok" without touching the database or a template.
It comes first so that resolving it costs one pattern, not a walk through the project's.
A second one reads the signed-in user (the session and the user: two queries), to tell what
signing in costs from what the page itself does.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import path

from naltrack.config.urls import urlpatterns as project_urlpatterns


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


def bare_signed_in(request: HttpRequest) -> HttpResponse:
    return HttpResponse(f"ok {request.user.pk}")


urlpatterns = [
    path("bench/bare/", bare, name="bench_bare"),
    path("bench/bare-signed-in/", bare_signed_in, name="bench_bare_signed_in"),
    *project_urlpatterns,
]
