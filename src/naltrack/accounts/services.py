"""Creating people and inviting them in."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from naltrack.accounts.models import Clinic, Membership, User
from naltrack.accounts.tokens import account_link_tokens
from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_record


class AlreadyMember(ValueError):
    """The email already has an account at this clinic: the admin's own people, said plainly."""


class HeldElsewhere(Exception):
    """The email already has an account that is not this clinic's.

    Never shown to the clinic: the caller answers exactly as for a new person (same message, same
    page) and ``held_elsewhere_notify`` tells the address's owner instead. One account belongs to
    one clinic; linking it to a second clinic would be a deliberate step the person consents to,
    which Naltrack does not offer yet, so nothing is created or linked here.
    """

    def __init__(self, owner: User) -> None:
        super().__init__("the email has an account elsewhere")
        self.owner = owner


@transaction.atomic
def member_create(
    *, clinic: Clinic, email: str, full_name: str, role: str, password: str | None = None
) -> User:
    """A user with a role at ``clinic``; without a password they sign in through an invitation.

    Raises ``AlreadyMember`` when the email is already one of this clinic's people, and
    ``HeldElsewhere`` when it belongs to anyone else (which the clinic must not be told).
    """
    email = email.strip().lower()
    existing = User.objects.filter(email__iexact=email).select_related("membership").first()
    if existing is not None:
        membership = existing.clinic_membership
        if membership is not None and membership.clinic_id == clinic.pk:
            raise AlreadyMember(f"{email} already has an account at this clinic")
        raise HeldElsewhere(existing)
    user = User.objects.create_user(email, password, full_name=full_name.strip())
    Membership.objects.create(user=user, clinic=clinic, role=role)
    return user


def staff_invite(
    *,
    clinic: Clinic,
    email: str,
    full_name: str,
    role: str,
    by: User,
    request: HttpRequest | None,
    base_url: str,
) -> None:
    """Invite a staff member by email. An address that has an account at another clinic gets a
    neutral note instead, and the admin sees the same as for anyone new."""
    try:
        user = member_create(clinic=clinic, email=email, full_name=full_name, role=role)
    except HeldElsewhere as held:
        held_elsewhere_notify(owner=held.owner, clinic=clinic, by=by, joining_as=role)
        return
    invitation_send(user=user, invited_by=by, request=request, base_url=base_url)


def held_elsewhere_notify(*, owner: User, clinic: Clinic, by: User | None, joining_as: str) -> None:
    """Tell an address's owner that ``clinic`` tried to add it, and whom to contact.

    The trail keeps the attempt for operators only (no clinic id): filed under the trying clinic
    it would show that the address is known elsewhere, filed under the owner's clinic it would
    show another clinic's intake.
    """
    context = {
        "user": owner,
        "clinic": clinic,
        "as_patient": joining_as == Membership.Role.PATIENT,
    }
    send_mail(
        subject=f"{clinic.name} tried to add this email address to Naltrack",
        message=render_to_string("accounts/email/held_elsewhere.txt", context),
        from_email=None,
        recipient_list=[owner.email],
    )
    audit_record(
        request=None,
        actor=by,
        action=AuditEvent.Action.INVITE,
        obj=owner,
        object_type="user",
        clinic_id=None,
        detail={"held_elsewhere": True, "by_clinic": clinic.pk, "role": joining_as},
    )


def invitation_url(*, user: User, base_url: str) -> str:
    """A link to choose a password. The token dies once used: it hashes the password itself."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = account_link_tokens.make_token(user)
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
