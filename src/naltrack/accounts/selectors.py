"""Reading a clinic's people for its admin: staff and patients' sign-ins, scoped to the clinic.

A person is looked up through their membership of the admin's clinic, never by id alone, so an
id from another clinic answers 404 like a missing one (and the refusal is audited).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.http import Http404

from naltrack.accounts.models import Clinic, Membership, User
from naltrack.audit.services import audit_denied
from naltrack.care.models import Patient
from naltrack.care.selectors.access import patient_list_audit, patient_search

# Patients listed at once on the People page; a search narrows the rest.
PATIENTS_SHOWN = 50


class SignIn:
    """Where a person's sign-in stands, in the admin's words."""

    ACTIVE = "active"
    INVITED = "invited"
    DEACTIVATED = "deactivated"

    LABELS = {
        ACTIVE: "Active",
        INVITED: "Invited, not yet accepted",
        DEACTIVATED: "Deactivated",
    }


def sign_in_status(user: User) -> str:
    if not user.is_active:
        return SignIn.DEACTIVATED
    if not user.has_usable_password():
        return SignIn.INVITED
    return SignIn.ACTIVE


@dataclass(frozen=True)
class PersonRow:
    user: User
    status: str
    patient: Patient | None = None

    @property
    def status_label(self) -> str:
        return SignIn.LABELS[self.status]


def clinic_staff(*, clinic: Clinic) -> list[PersonRow]:
    users = (
        User.objects.filter(membership__clinic=clinic, membership__role__in=Membership.STAFF_ROLES)
        .select_related("membership")
        .order_by("full_name", "email")
    )
    return [PersonRow(user=user, status=sign_in_status(user)) for user in users]


def patient_sign_ins(*, admin: User, query: str) -> list[PersonRow]:
    """The clinic's patients who have an account, by name (or record number, or email); the
    names shown are audited like any patient list."""
    patients = list(
        patient_search(user=admin, query=query)
        .filter(user__isnull=False)
        .select_related("user")
        .order_by("family_name", "given_name", "id")[:PATIENTS_SHOWN]
    )
    patient_list_audit(user=admin, patients=patients, query=query)
    return [
        PersonRow(user=patient.user, status=sign_in_status(patient.user), patient=patient)
        for patient in patients
        if patient.user is not None
    ]


def person_get(*, admin: Any, clinic: Clinic, user_id: int) -> User:
    """A member of the admin's clinic (staff or patient); 404 otherwise so ids cannot be probed."""
    person = (
        User.objects.filter(pk=user_id, membership__clinic=clinic)
        .select_related("membership", "membership__clinic")
        .first()
    )
    if person is None:
        audit_denied(user=admin, what="user", id_asked=user_id)
        raise Http404("No such person")
    return person


def active_admins(*, clinic: Clinic) -> Any:
    """The clinic's admins who can sign in now (an invitation not yet accepted does not count)."""
    return User.objects.filter(
        membership__clinic=clinic, membership__role=Membership.Role.ADMIN, is_active=True
    ).exclude(password__startswith=UNUSABLE_PASSWORD_PREFIX)
