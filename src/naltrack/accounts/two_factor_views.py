"""Two-step sign-in pages: set up an authenticator (only with proof of the mailbox), enter a
code at sign-in, and recovery codes. The rules live in ``naltrack.accounts.second_factor``."""

from __future__ import annotations

import base64
import io
from collections.abc import Callable
from functools import wraps
from typing import Any

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from naltrack.accounts import second_factor
from naltrack.accounts.access import current_user, safe_next
from naltrack.accounts.forms import SignInCodeForm, TokenForm
from naltrack.accounts.models import Membership, User
from naltrack.accounts.tokens import account_link_tokens
from naltrack.audit.services import audit_denied
from naltrack.web.views import posted

View = Callable[..., HttpResponse]
# Signing in right after choosing a password: nothing is left to check (axes' backend only
# counts failures), so the session names the plain model backend.
SIGN_IN_BACKEND = "naltrack.accounts.backends.ClinicMemberBackend"
NO_MATCH = "That code did not match. Check the time on your phone and try the newest code."


def second_factor_page(view: View) -> View:
    """Signed-in people who sign in with a second factor: clinic staff, and operators."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not second_factor.needs_second_factor(current_user(request)):
            audit_denied(user=request.user, what="page", path=request.path[:200])
            raise Http404("Not found")
        return view(request, *args, **kwargs)

    wrapped.access_roles = Membership.STAFF_ROLES  # type: ignore[attr-defined]
    return wrapped


class SetupAfterNewPassword(auth_views.PasswordResetConfirmView):
    """An invitation or reset link proves the mailbox and the new password was just chosen:
    staff with no authenticator yet are signed in and taken straight to set one up. This and
    the emailed setup link are the only ways to see a new authenticator's key."""

    setup_via = ""
    token_generator = account_link_tokens

    def form_valid(self, form: SetPasswordForm) -> HttpResponse:  # type: ignore[type-arg]
        response = super().form_valid(form)
        user = form.user
        if (
            settings.NALTRACK_REQUIRE_2FA
            and isinstance(user, User)
            and second_factor.needs_second_factor(user)
            and not second_factor.has_authenticator(user)
        ):
            auth_login(self.request, user, backend=SIGN_IN_BACKEND)
            second_factor.setup_allow(request=self.request, user=user, via=self.setup_via)
            return redirect("accounts:two_factor")
        return response


def _qr_data_uri(text: str) -> str:
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


@second_factor_page
def two_factor(request: HttpRequest) -> HttpResponse:
    """Ask for a code at sign-in; set up an authenticator only with the mark that proof of the
    mailbox leaves; otherwise email a setup link (a password alone never shows a key)."""
    user = current_user(request)
    next_url = safe_next(request) or reverse("home")
    if second_factor.has_authenticator(user):
        return _sign_in_code(request, user, next_url)
    device = second_factor.setup_device(request)
    if device is not None:
        return _setup(request, user, device, next_url)
    return _setup_link(request, user, next_url)


def _sign_in_code(request: HttpRequest, user: User, next_url: str) -> HttpResponse:
    if request.method == "GET" and user.is_verified():  # type: ignore[attr-defined]
        left = second_factor.recovery_codes_left(user)
        return render(request, "accounts/two_factor.html", {"step": "on", "left": left})
    form = SignInCodeForm(posted(request))
    if form.is_bound and form.is_valid():
        device = second_factor.sign_in_code_check(
            request=request, user=user, code=form.cleaned_data["token"]
        )
        if device is not None:
            otp_login(request, device)
            return redirect(next_url)
        form.add_error("token", f"{NO_MATCH} A recovery code works only once.")
    return render(
        request, "accounts/two_factor.html", {"step": "code", "form": form, "next": next_url}
    )


def _setup(request: HttpRequest, user: User, device: TOTPDevice, next_url: str) -> HttpResponse:
    form = TokenForm(posted(request))
    if form.is_bound and form.is_valid():
        if device.verify_is_allowed()[0] and device.verify_token(
            form.cleaned_data["token"].strip()
        ):
            codes = second_factor.setup_complete(request=request, user=user, device=device)
            otp_login(request, device)
            # Shown on this response only: the codes are not kept anywhere they could be shown
            # again.
            return render(
                request,
                "accounts/recovery_codes.html",
                {"codes": codes, "next": next_url, "first": True},
            )
        form.add_error("token", NO_MATCH)
    context = {
        "step": "setup",
        "form": form,
        "next": next_url,
        "qr": _qr_data_uri(device.config_url),
        "secret": base64.b32encode(device.bin_key).decode(),
    }
    return render(request, "accounts/two_factor.html", context)


def _setup_link(request: HttpRequest, user: User, next_url: str) -> HttpResponse:
    # One link per sign-in on its own (reloading the page sends nothing); asking again is a POST.
    sent = None
    if request.method == "POST" or request.session.get(second_factor.LINK_SENT_MARK) != user.pk:
        sent = second_factor.setup_link_send(
            request=request, user=user, base_url=request.build_absolute_uri("/")
        )
        request.session[second_factor.LINK_SENT_MARK] = user.pk
    context = {"step": "link", "sent": sent, "email": user.email, "next": next_url}
    return render(request, "accounts/two_factor.html", context)


@second_factor_page
def two_factor_link(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """The emailed setup link, opened while signed in as the person it was sent to (signed out,
    the gate asks them to sign in and comes back here)."""
    owner = second_factor.setup_link_user(uidb64=uidb64, token=token)
    if owner is None:
        return render(request, "accounts/two_factor_link.html", {"problem": "expired"})
    if owner.pk != request.user.pk:
        audit_denied(user=request.user, what="two_factor_link", owner_id=owner.pk)
        return render(
            request, "accounts/two_factor_link.html", {"problem": "other_account"}, status=403
        )
    second_factor.setup_allow(request=request, user=owner, via="email_link")
    return redirect("accounts:two_factor")


@second_factor_page
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """Make a fresh set of recovery codes (the old ones stop working), after a full sign-in."""
    user = current_user(request)
    if not (second_factor.has_authenticator(user) and user.is_verified()):  # type: ignore[attr-defined]
        return redirect(f"{reverse('accounts:two_factor')}?{urlencode({'next': request.path})}")
    if request.method == "POST":
        codes = second_factor.recovery_codes_make(request=request, user=user)
        return render(
            request, "accounts/recovery_codes.html", {"codes": codes, "next": reverse("home")}
        )
    left = second_factor.recovery_codes_left(user)
    return render(request, "accounts/recovery_codes.html", {"left": left})
