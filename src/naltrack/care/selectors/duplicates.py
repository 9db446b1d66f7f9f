"""Patients who may be the person being registered: the one rule both doors ask (the desk's
registration and accepting an enrollment form), scoped to the clinician's own clinic.

The same person, likely: the same family and given name (ignoring case, accents, spaces and
punctuation) and date of birth; or the same email; or the same phone number. A clinician shown
one either opens that chart or registers anyway with a reason, which the audit trail keeps.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from naltrack.care.models import Patient
from naltrack.care.phones import phone_e164
from naltrack.care.selectors.access import patient_list_audit

SAME_NAME_AND_BIRTH = "name and date of birth"
SAME_EMAIL = "email"
SAME_PHONE = "phone number"


@dataclass(frozen=True)
class LikelyDuplicate:
    patient: Patient
    # What is the same, in the clinic's words: "name and date of birth", "email"…
    same: tuple[str, ...]


def name_key(name: str) -> str:
    """A name as compared: "José  de la Cruz" and "jose DELACRUZ" read the same."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if ch.isalnum()).casefold()


def likely_duplicates(
    *,
    user: Any,
    given_name: str,
    family_name: str,
    date_of_birth: dt.date | None,
    email: str = "",
    phone: Any = "",
) -> list[LikelyDuplicate]:
    """The patients ``user`` may see who are likely the person with these details (one query;
    the names shown are audited as a list)."""
    email = (email or "").strip()
    number = phone_e164(phone)
    wanted = Q(pk__in=[])
    if date_of_birth is not None:
        wanted |= Q(date_of_birth=date_of_birth)
    if email:
        wanted |= Q(email__iexact=email)
    if number:
        wanted |= Q(phone=number)
    names = (name_key(family_name), name_key(given_name))
    found: list[LikelyDuplicate] = []
    for other in Patient.objects.visible_to(user).filter(wanted).order_by("family_name", "pk"):
        same = []
        if (
            other.date_of_birth == date_of_birth
            and (name_key(other.family_name), name_key(other.given_name)) == names
        ):
            same.append(SAME_NAME_AND_BIRTH)
        if email and other.email.lower() == email.lower():
            same.append(SAME_EMAIL)
        if number and phone_e164(other.phone) == number:
            same.append(SAME_PHONE)
        if same:
            found.append(LikelyDuplicate(patient=other, same=tuple(same)))
    patient_list_audit(user=user, patients=[d.patient for d in found], query="likely duplicates")
    return found
