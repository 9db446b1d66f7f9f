"""Creating people and inviting them in."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from naltrack.accounts.models import Clinic, Membership, User
from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_record


class AlreadyMember(ValueError):
    pass


@transaction.atomic
def member_create(
    *, clinic: Clinic, email: str, full_name: str, role: str, password: str | None = None
) -> User:
    """A user with a role at ``clinic``; without a password they sign in through an invitation."""
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise AlreadyMember(f"{email} already has an account")
    user = User.objects.create_user(email, password, full_name=full_name.strip())
    Membership.objects.create(user=user, clinic=clinic, role=role)
    return user


def invitation_url(*, user: User, base_url: str) -> str:
    """A link to choose a password. The token dies once used: it hashes the password itself."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return base_url.rstrip("/") + reverse(
        "accounts:invitation", kwargs={"uidb64": uid, "token": token}
    )


def invitation_send(
    *, user: User, invited_by: User | None, request: HttpRequest | None, base_url: str
) -> str:
    url = invitation_url(user=user, base_url=base_url)
    membership = user.clinic_membership
    clinic = membership.clinic if membership else None
    context = {
        "user": user,
        "url": url,
        "clinic": clinic,
        "days": settings.PASSWORD_RESET_TIMEOUT // 86400,
    }
    send_mail(
        subject=f"Your invitation to {clinic.name if clinic else 'Naltrack'}",
        message=render_to_string("accounts/email/invitation.txt", context),
        from_email=None,
        recipient_list=[user.email],
    )
    audit_record(
        request=request,
        actor=invited_by,
        action=AuditEvent.Action.INVITE,
        obj=user,
        object_type="user",
        clinic_id=clinic.pk if clinic else None,
        patient_id=getattr(getattr(user, "patient", None), "pk", None),
        detail={"role": user.role},
    )
    return url
