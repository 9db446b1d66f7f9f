"""Whether a consent is in force, and whether it covers a disclosure: decided here and only here.

The disclosure gate (still to be built) will ask these two questions before anything leaves the
clinic; the pages ask the first to show a consent as active, revoked or expired.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone

from naltrack.disclosure.models import Consent


@dataclass(frozen=True)
class Recipient:
    """Someone outside the clinic a record would go to: a name, and who they are to the patient
    (a ``Consent.Role`` value)."""

    name: str
    role: str


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def consent_is_active(consent: Consent, *, on: dt.datetime | None = None) -> bool:
    """Signed, not revoked, not expired at ``on`` (now by default).

    A revocation counts from the moment it is recorded (source: 42 CFR 2.31(a)(6)); an expiry
    date is the last day the consent holds (source: 42 CFR 2.31(a)(7)). An expiry event cannot
    be known by the system: a clinician revokes the consent when the event happens.
    """
    on = on or timezone.now()
    if consent.signed_at is None or consent.signed_at > on:
        return False
    if consent.revoked_at is not None and consent.revoked_at <= on:
        return False
    return consent.expires_on is None or timezone.localtime(on).date() <= consent.expires_on


def _covers_recipient(consent: Consent, recipient: Recipient) -> bool:
    if consent.recipient_kind == Consent.RecipientKind.NAMED:
        return _same_name(consent.recipient_name, recipient.name)
    # source: 42 CFR 2.31(a)(4)(i) — a general designation reaches the kinds of recipient it
    # names ("my treating providers"), and only for treatment, payment and operations
    return recipient.role in consent.recipient_roles


def _covers_purpose(consent: Consent, purpose: str) -> bool:
    if (
        consent.recipient_kind == Consent.RecipientKind.GENERAL_TPO
        and purpose not in Consent.TPO_PURPOSES
    ):
        return False
    return purpose in consent.purposes


def covers(
    consent: Consent,
    *,
    recipient: Recipient,
    purpose: str,
    categories: Iterable[str],
    on: dt.datetime | None = None,
) -> bool:
    """Whether ``consent``, in force at ``on``, lets this recipient have these categories of the
    record for this purpose (source: 42 CFR 2.31(a)(3), (a)(4), (a)(5))."""
    if not consent_is_active(consent, on=on):
        return False
    if not _covers_recipient(consent, recipient) or not _covers_purpose(consent, purpose):
        return False
    wanted = set(categories)
    return consent.all_records or wanted <= set(consent.categories)
