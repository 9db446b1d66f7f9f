from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import SetPasswordForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy

from naltrack.accounts import second_factor
from naltrack.accounts.access import (
    admin_required,
    current_clinic,
    current_user,
    signed_in_required,
)
from naltrack.accounts.backends import ClinicMemberBackend
from naltrack.accounts.forms import (
    EmailLoginForm,
    InviteForm,
    ThrottledPasswordResetForm,
)
from naltrack.accounts.models import Membership, User
from naltrack.accounts.selectors import clinic_staff
from naltrack.accounts.services import AlreadyMember, staff_invite
from naltrack.accounts.tokens import account_link_tokens
from naltrack.accounts.two_factor_views import SIGN_IN_BACKEND, SetupAfterNewPassword
from naltrack.operations.health import clinic_system
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
    token_generator = account_link_tokens
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


class PasswordResetConfirmView(ActiveAccountLinkMixin, SetupAfterNewPassword):
    setup_via = "password_reset"
    template_name = "accounts/password_set.html"
    success_url = reverse_lazy("accounts:password_reset_complete")
    extra_context = {"title": "Choose a new password"}


class InvitationAcceptView(ActiveAccountLinkMixin, SetupAfterNewPassword):
    """An invitation is a first password reset: the link stops working once a password is set.

    A patient is signed in at once and lands on their home: the link proved the mailbox and the
    password was just chosen, and a patient has no second factor to set up. Staff keep the path
    of ``SetupAfterNewPassword`` (their authenticator first)."""

    setup_via = "invitation"
    template_name = "accounts/password_set.html"
    success_url = reverse_lazy("accounts:password_reset_complete")
    extra_context = {"title": "Welcome: choose your password", "invitation": True}

    def form_valid(self, form: SetPasswordForm) -> HttpResponse:  # type: ignore[type-arg]
        response = super().form_valid(form)
        user = form.user
        if not (
            isinstance(user, User)
            and user.role == Membership.Role.PATIENT
            and not second_factor.needs_second_factor(user)
            # The backend's own rule (a suspended clinic's people cannot sign in).
            and ClinicMemberBackend().user_can_authenticate(user)
        ):
            return response
        # Audited like any sign-in (accounts.signals.audit_login).
        auth_login(self.request, user, backend=SIGN_IN_BACKEND)
        membership = user.clinic_membership
        clinic = f" to {membership.clinic.name}" if membership else ""
        messages.success(
            self.request,
            f"Welcome{clinic}! Your password is saved and you are signed in. "
            "This is your home page.",
        )
        return redirect("patient:home")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


@signed_in_required
def home(request: HttpRequest) -> HttpResponse:
    """Send each person to their role's home; someone with no clinic sees why."""
    role = request.user.role  # type: ignore[union-attr]
    if role in ROLE_HOMES:
        return redirect(ROLE_HOMES[role])
    return render(request, "accounts/no_clinic.html", status=403)


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
            "system": clinic_system(user=request.user),
        },
    )
