"""Clinics, for the install's operator: create one with its first admin, suspend and resume it,
and send its admin a fresh invitation. Each is audited."""

from __future__ import annotations

import zoneinfo

from django.core.exceptions import ValidationError
from django.core.validators import validate_email, validate_slug
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from naltrack.accounts.models import Clinic, Membership, User
from naltrack.accounts.people import invitation_resend
from naltrack.accounts.selectors import SignIn, sign_in_status
from naltrack.accounts.services import AlreadyMember, HeldElsewhere, invitation_send, member_create
from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_record


class ClinicError(ValueError):
    """A clinic the operator asked for cannot be made as asked; ``field`` names the input."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def clinic_checked(*, name: str, slug: str, time_zone: str, admin_email: str) -> None:
    if not name.strip():
        raise ClinicError("name", "Give the clinic's name.")
    try:
        validate_slug(slug)
    except ValidationError as error:
        raise ClinicError(
            "slug", "The short name may use only letters, numbers, hyphens and underscores."
        ) from error
    if Clinic.objects.filter(slug=slug).exists():
        raise ClinicError("slug", f"A clinic with the short name “{slug}” already exists.")
    if time_zone not in zoneinfo.available_timezones():
        raise ClinicError(
            "time_zone",
            f"“{time_zone}” is not a time zone: use a name such as America/Chicago.",
        )
    try:
        validate_email(admin_email)
    except ValidationError as error:
        raise ClinicError("admin_email", f"“{admin_email}” is not an email address.") from error


def _audit(*, clinic: Clinic, by: User | None, action: str, **detail: object) -> None:
    audit_record(
        request=None, actor=by, action=action, obj=clinic, clinic_id=clinic.pk, detail=detail
    )


def clinic_create(
    *,
    name: str,
    slug: str,
    time_zone: str,
    admin_email: str,
    admin_name: str = "",
    by: User | None,
    request: HttpRequest | None = None,
    base_url: str,
) -> tuple[Clinic, str]:
    """A new clinic and its first admin, invited by email; returns the clinic and the link."""
    name, slug, admin_email = name.strip(), slug.strip().lower(), admin_email.strip().lower()
    clinic_checked(name=name, slug=slug, time_zone=time_zone, admin_email=admin_email)
    with transaction.atomic():
        clinic = Clinic.objects.create(name=name, slug=slug, time_zone=time_zone)
        try:
            admin = member_create(
                clinic=clinic,
                email=admin_email,
                full_name=admin_name,
                role=Membership.Role.ADMIN,
            )
        except (AlreadyMember, HeldElsewhere) as error:
            # An operator runs the whole install: saying the address is taken tells no clinic.
            raise ClinicError(
                "admin_email", f"{admin_email} already has a Naltrack account."
            ) from error
        _audit(clinic=clinic, by=by, action=AuditEvent.Action.CREATE, admin=admin_email)
    url = invitation_send(user=admin, invited_by=by, request=request, base_url=base_url)
    return clinic, url


@transaction.atomic
def clinic_suspend(*, clinic: Clinic, by: User | None) -> Clinic:
    """Its people can no longer sign in (sessions end on their next request); nothing is
    deleted, and resuming lets them back in."""
    if clinic.suspended_at is None:
        clinic.suspended_at = timezone.now()
        clinic.save(update_fields=["suspended_at"])
        _audit(
            clinic=clinic,
            by=by,
            action=AuditEvent.Action.UPDATE,
            changes={"suspended": ["no", "yes"]},
        )
    return clinic


@transaction.atomic
def clinic_resume(*, clinic: Clinic, by: User | None) -> Clinic:
    if clinic.suspended_at is not None:
        clinic.suspended_at = None
        clinic.save(update_fields=["suspended_at"])
        _audit(
            clinic=clinic,
            by=by,
            action=AuditEvent.Action.UPDATE,
            changes={"suspended": ["yes", "no"]},
        )
    return clinic


def clinic_admins_invite_again(
    *, clinic: Clinic, by: User | None, request: HttpRequest | None, base_url: str
) -> list[str]:
    """A fresh invitation to each of the clinic's admins who has not accepted one yet (older
    links stop working, as on the People page); returns the links."""
    admins = User.objects.filter(membership__clinic=clinic, membership__role=Membership.Role.ADMIN)
    return [
        invitation_resend(person=admin, by=by, request=request, base_url=base_url)  # type: ignore[arg-type]
        for admin in admins.select_related("membership")
        if sign_in_status(admin) == SignIn.INVITED
    ]
