"""The clinic admin's changes to the clinic's public details, audited with old and new values."""

from __future__ import annotations

from django.db import transaction

from naltrack.accounts.models import Clinic, User
from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_record, field_changes
from naltrack.care.phones import phone_display, phone_parse
from naltrack.care.plain_text import without_bidi_controls

FRONT_PAGE_FIELDS = ("name", "phone", "email", "address", "hours", "public_intro")


class FrontPageError(ValueError):
    """A value the public page cannot show; ``field`` names the input."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@transaction.atomic
def clinic_front_page_save(
    *,
    clinic: Clinic,
    by: User,
    name: str,
    phone: object,
    email: str,
    address: str,
    hours: str,
    public_intro: str,
) -> Clinic:
    """Save what the clinic's public page shows; audit each field that changed."""
    name = without_bidi_controls(name).strip()
    if not name:
        raise FrontPageError("name", "Give the clinic's name.")
    number = phone_parse(phone)
    if phone and number is None:
        raise FrontPageError("phone", "Enter a phone number the clinic can be called on.")
    locked = Clinic.objects.select_for_update().get(pk=clinic.pk)
    changes = field_changes(
        locked,
        name=name,
        # Kept as people read it: the clinic's number is shown as text on many pages (the
        # patient's help, enrollment, the wallet card); a valid number also makes its tel: link.
        phone=phone_display(number) if number else "",
        email=email.strip().lower(),
        address=without_bidi_controls(address).strip(),
        hours=without_bidi_controls(hours).strip(),
        # Windows line ends from a textarea become one kind, so an unchanged intro stays so.
        public_intro=without_bidi_controls(public_intro).replace("\r\n", "\n").strip(),
    )
    if changes:
        locked.save(update_fields=list(changes))
        audit_record(
            request=None,
            actor=by,
            action=AuditEvent.Action.UPDATE,
            obj=locked,
            clinic_id=locked.pk,
            detail={"changes": changes, "page": "public"},
        )
    for field in FRONT_PAGE_FIELDS:
        setattr(clinic, field, getattr(locked, field))
    return locked
