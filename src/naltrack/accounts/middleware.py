"""Staff must sign in with a second factor when ``NALTRACK_REQUIRE_2FA`` is on."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse


class StaffTwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            settings.NALTRACK_REQUIRE_2FA
            and user.is_authenticated
            and user.is_clinic_staff
            # OTPMiddleware gives every user is_verified().
            and not user.is_verified()  # type: ignore[attr-defined]
            and not self._exempt(request.path)
        ):
            return redirect(f"{reverse('accounts:two_factor')}?next={request.get_full_path()}")
        return self.get_response(request)

    @staticmethod
    def _exempt(path: str) -> bool:
        exempt = (reverse("accounts:two_factor"), reverse("accounts:logout"), settings.STATIC_URL)
        return path.startswith(exempt)
