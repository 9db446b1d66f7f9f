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
        exempt = (
            reverse("accounts:two_factor"),
            reverse("accounts:logout"),
            reverse("healthz"),
            settings.STATIC_URL,
        )
        return path.startswith(exempt)


# Features no Naltrack page uses: the browser refuses them to any script that might run here.
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), "
    "browsing-topics=()"
)


def _signed_in(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


class PrivateResponseMiddleware:
    """A signed-in person's pages hold health records: no browser or proxy may keep a copy
    (``Cache-Control: no-store``), and every page denies the browser features it never needs.

    Patients use shared and borrowed phones. Every response to someone signed in when the
    request arrived or when it left is covered: pages, htmx fragments, files, redirects, error
    pages, the sign-out and the end of an expired session. It sits straight after the
    authentication middleware so the redirects of the ones after it pass through here too.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        signed_in = _signed_in(request)
        response = self.get_response(request)
        if signed_in or _signed_in(request):
            response["Cache-Control"] = "no-store"
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
