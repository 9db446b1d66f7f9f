"""Django's admin for the operator: superusers only, and with two-factor sign-in when required.

Clinic staff work in Naltrack's own pages; the admin is where an operator edits the education
library (and a clinic's own articles). ``is_staff`` alone is not enough to enter.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from naltrack.operations.version import naltrack_version


def _needs_second_factor(request: HttpRequest) -> bool:
    user = request.user
    return bool(settings.NALTRACK_REQUIRE_2FA) and not user.is_verified()  # type: ignore[union-attr]


class SuperuserAdminSite(admin.AdminSite):
    site_header = f"Naltrack operator admin · {naltrack_version()}"
    site_title = "Naltrack admin"
    index_title = "Library and records"

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(
            user.is_active
            and user.is_superuser
            and user.is_staff
            and not _needs_second_factor(request)
        )

    def login(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        user = request.user
        if user.is_authenticated and user.is_superuser and _needs_second_factor(request):
            target = request.GET.get("next") or reverse("admin:index")
            return redirect(f"{reverse('accounts:two_factor')}?{urlencode({'next': target})}")
        return super().login(request, extra_context)


class SuperuserAdminConfig(AdminConfig):
    """``django.contrib.admin`` with ``SuperuserAdminSite`` as its site (INSTALLED_APPS)."""

    default_site = "naltrack.education.admin_site.SuperuserAdminSite"
