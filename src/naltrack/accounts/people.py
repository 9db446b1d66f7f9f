"""A clinic admin's changes to the clinic's people: sign-ins on and off, staff roles, invitations.

Each change is audited with what it was and what it became. Nothing here touches a patient's
clinical record: deactivating a patient's sign-in only stops them signing in.
"""

from __future__ import annotations

from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.contrib.sessions.models import Session
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from naltrack.accounts.models import Membership, User
from naltrack.accounts.selectors import SignIn, active_admins, sign_in_status
from naltrack.accounts.services import invitation_send
from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_record, field_changes


class PeopleRuleError(ValueError):
    """A change the clinic's rules refuse; the message says why, for the admin."""


def _audit(*, person: User, by: User, **detail: object) -> None:
    membership = person.membership
    patient = getattr(person, "patient", None)
    audit_record(
        request=None,
        actor=by,
        action=AuditEvent.Action.UPDATE,
        obj=person,
        object_type="user",
        clinic_id=membership.clinic_id,
        patient_id=patient.pk if patient else None,
        detail=detail,
    )


def _keeps_an_admin(*, person: User, by: User, doing: str) -> None:
    """An admin cannot take their own access away, and the clinic keeps one admin who can sign
    in (source: NALTRACK — otherwise nobody is left to manage its people)."""
    if person.pk == by.pk:
        raise PeopleRuleError(f"You cannot {doing} yourself. Ask another clinic admin to do it.")
    membership = person.membership
    if membership.role != Membership.Role.ADMIN:
        return
    # Lock the admins' rows so two admins taking each other's access at once cannot both pass.
    others = list(active_admins(clinic=membership.clinic).exclude(pk=person.pk).select_for_update())
    if not others:
        raise PeopleRuleError(
            f"{person} is the clinic's only active admin: make someone else a clinic admin first."
        )


def _sessions_end(person: User) -> None:
    """Sign the person out everywhere now, so a later reactivation cannot revive an old session.

    While the account is inactive Django's ModelBackend.get_user already refuses its sessions;
    deleting them makes that permanent. Only a database session store can be searched by user;
    its rows are decoded one by one, which is fine for a rare admin action over sessions that
    live at most SESSION_COOKIE_AGE.
    """
    store = import_module(settings.SESSION_ENGINE).SessionStore
    if not issubclass(store, DatabaseSessionStore):
        return
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get(SESSION_KEY) == str(person.pk):
            store(session_key=session.session_key).delete()


@transaction.atomic
def sign_in_deactivate(*, person: User, by: User) -> User:
    """Stop a staff member or patient from signing in, and end the sessions they have open."""
    if not person.is_active:
        return person
    _keeps_an_admin(person=person, by=by, doing="deactivate")
    if not person.has_usable_password():
        # An invitation still out: its link's token hashes the password field, so a new random
        # unusable value kills the link for good, even if the person is reactivated later.
        person.set_unusable_password()
    changes = field_changes(person, is_active=False)
    person.links_valid_from = timezone.now()
    person.save(update_fields=["is_active", "password", "links_valid_from"])
    _sessions_end(person)
    _audit(person=person, by=by, changes=changes)
    return person


@transaction.atomic
def sign_in_reactivate(*, person: User, by: User) -> User:
    """Let a deactivated person sign in again (with the password they had, or an invitation)."""
    if person.is_active:
        return person
    changes = field_changes(person, is_active=True)
    person.save(update_fields=["is_active"])
    _audit(person=person, by=by, changes=changes)
    return person


@transaction.atomic
def staff_role_change(*, person: User, role: str, by: User) -> User:
    """Clinician to clinic admin or back."""
    membership = person.membership
    if membership.role not in Membership.STAFF_ROLES or role not in Membership.STAFF_ROLES:
        raise PeopleRuleError("Only staff roles can be changed: clinician or clinic admin.")
    if membership.role == role:
        return person
    if role != Membership.Role.ADMIN:
        _keeps_an_admin(person=person, by=by, doing="change the role of")
    changes = field_changes(membership, role=role)
    membership.save(update_fields=["role"])
    _audit(person=person, by=by, changes=changes)
    return person


def _invited(person: User) -> None:
    if sign_in_status(person) != SignIn.INVITED:
        raise PeopleRuleError(f"{person} has no invitation waiting to be accepted.")


def invitation_resend(*, person: User, by: User, request: HttpRequest | None, base_url: str) -> str:
    """A new invitation link; the ones sent before stop working.

    The link's token hashes the password field, and a new unusable password is a new random
    value, so every earlier token no longer matches.
    """
    with transaction.atomic():
        _invited(person)
        person.set_unusable_password()
        person.save(update_fields=["password"])
        _audit(person=person, by=by, invitation=["sent", "sent again; earlier links stopped"])
    return invitation_send(user=person, invited_by=by, request=request, base_url=base_url)


@transaction.atomic
def invitation_revoke(*, person: User, by: User) -> User:
    """Withdraw an invitation: its link stops working and the account is deactivated."""
    _invited(person)
    person.set_unusable_password()
    changes = field_changes(person, is_active=False)
    person.save(update_fields=["password", "is_active"])
    _audit(person=person, by=by, changes=changes, invitation=["sent", "revoked"])
    return person
