from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_GET

from naltrack.accounts.access import (
    admin_required,
    current_clinic,
    current_user,
    signed_in_required,
)
from naltrack.accounts.forms import (
    AuditFilterForm,
    EmailLoginForm,
    InviteForm,
    ThrottledPasswordResetForm,
)
from naltrack.accounts.models import Membership, User
from naltrack.accounts.services import AlreadyMember, invitation_send, member_create
from naltrack.accounts.two_factor_views import SetupAfterNewPassword
from naltrack.audit.models import AuditEvent
from naltrack.audit.selectors import audit_events_filtered
from naltrack.audit.services import audit_record
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


class PasswordResetConfirmView(SetupAfterNewPassword):
    setup_via = "password_reset"
    template_name = "accounts/password_set.html"
    success_url = reverse_lazy("accounts:password_reset_complete")
    extra_context = {"title": "Choose a new password"}


class InvitationAcceptView(SetupAfterNewPassword):
    """An invitation is a first password reset: the link stops working once a password is set."""

    setup_via = "invitation"
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


@admin_required
def admin_home(request: HttpRequest) -> HttpResponse:
    clinic = current_clinic(request)
    form = InviteForm(posted(request))
    if form.is_bound and form.is_valid():
        try:
            user = member_create(
                clinic=clinic,
                email=form.cleaned_data["email"],
                full_name=form.cleaned_data["full_name"],
                role=form.cleaned_data["role"],
            )
        except AlreadyMember as error:
            form.add_error("email", str(error))
        else:
            invitation_send(
                user=user,
                invited_by=current_user(request),
                request=request,
                base_url=request.build_absolute_uri("/"),
            )
            messages.success(request, f"Invitation sent to {user.email}.")
            return redirect("accounts:admin_home")
    staff = (
        User.objects.filter(membership__clinic=clinic, membership__role__in=Membership.STAFF_ROLES)
        .select_related("membership")
        .order_by("full_name", "email")
    )
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


@require_GET
@admin_required
def audit_log(request: HttpRequest) -> HttpResponse:
    clinic = current_clinic(request)
    form = AuditFilterForm(request.GET or None)
    events = audit_events_filtered(
        clinic_id=clinic.pk, filters=form.cleaned_data if form.is_valid() else {}
    )
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    # Reading the trail is itself audited, with the filters used.
    audit_record(
        request=request,
        action=AuditEvent.Action.READ,
        object_type="audit_log",
        clinic_id=clinic.pk,
        detail={"filters": {k: v for k, v in request.GET.items() if k != "page"}},
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/audit_log.html",
        {"form": form, "page": page, "query": query.urlencode(), "clinic": clinic},
    )
