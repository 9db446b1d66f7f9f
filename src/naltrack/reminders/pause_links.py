"""The one-click link in a reminder email that pauses everyday reminders.

Anyone holding the email can use the link: the patient, but also whoever reads their mailbox
or finds the email later. So the link tells nothing (it carries a random value kept on our side,
never the patient's id), works for a short time only, and stops working as soon as the patient
pauses or resumes their reminders: a link can change the state it was sent in, once.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Final

from django.core import signing

from naltrack.care.models import Patient
from naltrack.reminders.models import PauseLink

SALT: Final = "naltrack.reminders.pause-link"
# source: NALTRACK — a pause link works for 14 days after its email was sent: long enough for an
# email read after a week away, short enough that an old email found later cannot act.
MAX_AGE: Final = dt.timedelta(days=14)


def _new_nonce() -> str:
    return secrets.token_urlsafe(16)


def pause_link_token(*, patient: Patient) -> str:
    """The token for a new email to ``patient``: the patient's current secret, signed and dated
    (the signature with the install's key, so no one can make up a token)."""
    link, _ = PauseLink.objects.get_or_create(patient=patient, defaults={"nonce": _new_nonce()})
    return signing.TimestampSigner(salt=SALT).sign(link.nonce)


def pause_link_patient(*, token: str, for_update: bool = False) -> Patient | None:
    """The patient a link is for, or None when it is forged, expired or no longer current.

    ``for_update`` locks the link (inside a transaction) so two clicks on it cannot both act.
    """
    try:
        nonce = signing.TimestampSigner(salt=SALT).unsign(token, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    links = PauseLink.objects.select_related("patient__clinic").filter(nonce=nonce)
    link = (links.select_for_update() if for_update else links).first()
    return link.patient if link else None


def pause_links_revoke(*, patient: Patient) -> None:
    """Every pause link sent to ``patient`` so far stops working."""
    PauseLink.objects.filter(patient=patient).update(nonce=_new_nonce())
