from __future__ import annotations

import base64
import io
from typing import Any

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from naltrack.accounts.access import (
    admin_required,
    current_clinic,
    current_user,
    signed_in_required,
)
from naltrack.accounts.forms import (
    EmailLoginForm,
    InviteForm,
    ThrottledPasswordResetForm,
    TokenForm,
)
from naltrack.accounts.models import Membership, User
from naltrack.accounts.selectors import clinic_staff
from naltrack.accounts.services import AlreadyMember, staff_invite
from naltrack.web.views import posted

ROLE_HOMES: dict[str, str] = {
    Membership.Role.PATIENT: "patient:home",
    Membership.Role.CLINICIAN: "clinician:home",
    Membership.Role.ADMIN: "accounts:admin_home",
}


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = EmailLoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            idle_minutes=settings.NALTRACK_STAFF_IDLE_MINUTES,
            session_hours=settings.NALTRACK_SESSION_HOURS,
            **kwargs,
        )


class LogoutView(auth_views.LogoutView):
    pass


class PasswordResetView(auth_views.PasswordResetView):
    form_class = ThrottledPasswordResetForm
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class ActiveAccountLinkMixin:
    """A deactivated person's reset or invitation link answers like a used one: the account
    cannot be brought back to life from an email, and the page says nothing more."""

    def get_user(self, uidb64: str) -> User | None:
        user = super().get_user(uidb64)  # type: ignore[misc]
        return user if user is not None and user.is_active else None


class PasswordResetConfirmView(ActiveAccountLinkMixin, auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_set.html"
    success_url = reverse_lazy("accounts:password_reset_complete")
    extra_context = {"title": "Choose a new password"}


class InvitationAcceptView(ActiveAccountLinkMixin, auth_views.PasswordResetConfirmView):
    """An invitation is a first password reset: the link stops working once a password is set."""

    template_name = "accounts/password_set.html"
    success_url = reverse_lazy("accounts:password_reset_complete")
    extra_context = {"title": "Welcome: choose your password", "invitation": True}


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


@signed_in_required
def home(request: HttpRequest) -> HttpResponse:
    """Send each person to their role's home; someone with no clinic sees why."""
    role = request.user.role  # type: ignore[union-attr]
    if role in ROLE_HOMES:
        return redirect(ROLE_HOMES[role])
    return render(request, "accounts/no_clinic.html", status=403)


def _qr_data_uri(text: str) -> str:
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


@signed_in_required
def two_factor(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app the first time, then ask for its code at each sign-in."""
    user = request.user
    next_url = request.POST.get("next") or request.GET.get("next") or reverse("home")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("home")
    confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    device = confirmed or TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    form = TokenForm(posted(request))
    if form.is_bound and form.is_valid():
        if device.verify_is_allowed()[0] and device.verify_token(
            form.cleaned_data["token"].strip()
        ):
            if not device.confirmed:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return redirect(next_url)
        form.add_error(
            "token",
            "That code did not match. Check the time on your phone and try the newest code.",
        )
    context = {"form": form, "next": next_url, "setting_up": not device.confirmed}
    if not device.confirmed:
        context["qr"] = _qr_data_uri(device.config_url)
        context["secret"] = base64.b32encode(device.bin_key).decode()
    return render(request, "accounts/two_factor.html", context)


@admin_required
def admin_home(request: HttpRequest) -> HttpResponse:
    clinic = current_clinic(request)
    form = InviteForm(posted(request))
    if form.is_bound and form.is_valid():
        email = form.cleaned_data["email"].strip().lower()
        try:
            staff_invite(
                clinic=clinic,
                email=email,
                full_name=form.cleaned_data["full_name"],
                role=form.cleaned_data["role"],
                by=current_user(request),
                request=request,
                base_url=request.build_absolute_uri("/"),
            )
        except AlreadyMember as error:
            form.add_error("email", str(error))
        else:
            messages.success(request, f"Invitation sent to {email}.")
            return redirect("accounts:admin_home")
    staff = clinic_staff(clinic=clinic)
    patient_count = Membership.objects.filter(clinic=clinic, role=Membership.Role.PATIENT).count()
    return render(
        request,
        "accounts/admin_home.html",
        {
            "clinic": clinic,
            "form": form,
            "staff": staff,
            "patient_count": patient_count,
            "require_2fa": settings.NALTRACK_REQUIRE_2FA,
        },
    )
