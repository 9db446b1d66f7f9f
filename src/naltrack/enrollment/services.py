"""Writing enrollments: a submission from the public form, and staff accepting or declining it.

A submission is stored whole, whatever else is wrong with it: a repeat by the same person is
linked and flagged, never dropped. Accepting turns it into a patient (through care's services,
so the record's rules and audit apply) with an account and an emailed invitation.
"""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.formats import date_format

from naltrack.accounts.models import Clinic, Membership, User
from naltrack.accounts.people import invitation_resend
from naltrack.accounts.services import HeldElsewhere, held_elsewhere_notify, member_create
from naltrack.accounts.services import invitation_send as accounts_invitation_send
from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_record
from naltrack.care import services as care_services
from naltrack.care.models import Patient
from naltrack.care.phones import not_textable
from naltrack.enrollment import selectors
from naltrack.enrollment.models import Enrollment
from naltrack.reminders.defaults import new_patient_channel

logger = logging.getLogger(__name__)


class SubmissionLimited(Exception):
    """Too many forms from one address, or with one email, lately (``selectors.Limit``)."""

    def __init__(self, limit: selectors.Limit) -> None:
        super().__init__(limit.value)
        self.limit = limit


class EnrollmentAlreadyDecided(Exception):
    """Someone accepted or declined this submission first."""


# --- the public form ---------------------------------------------------------------------------


@transaction.atomic
def enrollment_submit(*, clinic: Clinic, ip_address: str | None, **answers: Any) -> Enrollment:
    """Store one submission (the form's cleaned answers) and audit it; no actor, it is public.

    The limits are checked here, inside the transaction that writes, so two forms sent at once
    from one address cannot both slip under them on SQLite (writes are serialised).
    """
    limit = selectors.submission_limit(ip_address=ip_address, email=answers.get("email", ""))
    if limit is not None:
        raise SubmissionLimited(limit)
    enrollment = Enrollment(clinic=clinic, ip_address=ip_address, **answers)
    enrollment.duplicate_of = selectors.earlier_submission_by_same_person(
        clinic=clinic,
        email=enrollment.email,
        given_name=enrollment.given_name,
        family_name=enrollment.family_name,
        date_of_birth=enrollment.date_of_birth,
    )
    enrollment.likely_duplicate = enrollment.duplicate_of is not None
    enrollment.full_clean()
    enrollment.save()
    audit_record(
        request=None,
        actor=None,
        action=AuditEvent.Action.CREATE,
        obj=enrollment,
        clinic_id=clinic.pk,
        detail={"likely_duplicate_of": enrollment.duplicate_of_id},
    )
    return enrollment


def enrollment_honeypot_caught(*, clinic: Clinic, ip_address: str | None) -> None:
    """A form that filled the field only a script can see: store nothing, but leave a trace.

    The audit event has no object id (nothing was stored); it counts towards the address's
    limits, so a script that keeps trying is slowed down like any other sender. Past them it
    leaves only the log line: a script must not be able to fill the audit trail.
    """
    logger.warning("Enrollment honeypot filled: clinic=%s address=%s", clinic.pk, ip_address)
    if selectors.submission_limit(ip_address=ip_address) is not None:
        return
    audit_record(
        request=None,
        actor=None,
        action=AuditEvent.Action.CREATE,
        object_type="enrollment",
        object_id="",
        clinic_id=clinic.pk,
        detail={"discarded": "honeypot"},
    )


# --- the intake queue ------------------------------------------------------------------------


@dataclass(frozen=True)
class Acceptance:
    patient: Patient
    user: User | None
    invitation_sent: bool
    # Where the invitation went, as staff are told: also set when the address has an account at
    # another clinic and its owner got a neutral note instead (see accounts.HeldElsewhere).
    invited_email: str = ""


def _lock_new(enrollment: Enrollment) -> Enrollment:
    locked = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    if locked.status != Enrollment.Status.NEW:
        raise EnrollmentAlreadyDecided(locked.get_status_display())
    return locked


def _intake_note(enrollment: Enrollment) -> str:
    """What the form said that the patient's record has no field for, for the chart."""
    lines = [
        f"From the enrollment form sent {date_format(timezone.localtime(enrollment.submitted_at), 'j M Y')} "
        f"(intake #{enrollment.pk}).",
        f"Wants help with: {enrollment.get_wants_help_with_display()}.",
        f"Prefers: {enrollment.get_preferred_contact_display()}, "
        f"{enrollment.get_preferred_time_display().lower()}.",
        f"Current medicines: {enrollment.current_medications.strip() or 'none given'}.",
    ]
    if enrollment.recent_opioid_use:
        what = f" ({enrollment.opioid_what})" if enrollment.opioid_what else ""
        last = (
            date_format(enrollment.opioid_last_use, "j M Y")
            if enrollment.opioid_last_use
            else "not given"
        )
        kind = enrollment.get_opioid_kind_display() or "kind not given"
        lines.append(f"Recent opioid use: {kind}{what}, last use {last}.")
    else:
        lines.append("Recent opioid use: none reported.")
    return "\n".join(lines)


def _answers_to_chart(enrollment: Enrollment, patient: Patient, by: User) -> None:
    """What the form told the clinic, onto the patient's chart: the opioid use reported (the
    start check reads it) and the rest of the answers as a note."""
    if enrollment.recent_opioid_use and enrollment.opioid_kind and enrollment.opioid_last_use:
        care_services.opioid_exposure_record(
            patient=patient,
            kind=enrollment.opioid_kind,
            last_use=enrollment.opioid_last_use,
            substance=enrollment.opioid_what,
            by=by,
        )
    care_services.note_add(patient=patient, text=_intake_note(enrollment), by=by)


def _decided(enrollment: Enrollment, patient: Patient, by: User, **detail: Any) -> None:
    enrollment.status = Enrollment.Status.ACCEPTED
    enrollment.decided_by = by
    enrollment.decided_at = timezone.now()
    enrollment.patient = patient
    enrollment.save(update_fields=["status", "decided_by", "decided_at", "patient"])
    audit_record(
        request=None,
        actor=by,
        action=AuditEvent.Action.UPDATE,
        obj=enrollment,
        patient_id=patient.pk,
        detail={"status": "accepted", **detail},
    )


@transaction.atomic
def enrollment_link(*, enrollment: Enrollment, patient: Patient, by: User) -> Enrollment:
    """The form came from one of the clinic's patients already: accept it onto their record
    (its answers go onto their chart) instead of creating a second patient. No account is
    made and no invitation sent: the patient has what they had."""
    locked = _lock_new(enrollment)
    if patient.clinic_id != locked.clinic_id:
        raise ValueError("An enrollment links only to a patient of its own clinic.")
    _answers_to_chart(locked, patient, by)
    _decided(locked, patient, by, linked_to_existing_patient=True)
    return locked


def enrollment_accept(
    *,
    enrollment: Enrollment,
    by: User,
    email: str,
    base_url: str,
    request: HttpRequest | None = None,
    likely_duplicates: Sequence[Patient] = (),
    different_person_reason: str = "",
) -> Acceptance:
    """Create the patient (with an account when there is an email) and invite them.

    All writes happen in one transaction: an email that is already one of this clinic's accounts
    raises ``AlreadyMember`` before anything is kept. An email with an account at another clinic
    is answered like a new one: the patient is created without an account (linking the two is
    the person's consented step, not built yet) and the owner gets a neutral note. Emails go once
    the writes are committed, so a mail server that fails cannot undo the patient; an invitation
    can be sent again from the queue. When the clinic may already have this person
    (``likely_duplicates``), it takes the clinician's reason they are a different one.
    """
    email = email.strip().lower()
    held_by: User | None = None
    with transaction.atomic():
        locked = _lock_new(enrollment)
        user = None
        if email:
            try:
                user = member_create(
                    clinic=locked.clinic,
                    email=email,
                    full_name=locked.full_name,
                    role=Membership.Role.PATIENT,
                )
            except HeldElsewhere as held:
                held_by = held.owner
        patient = care_services.patient_create(
            clinic=locked.clinic,
            by=by,
            user=user,
            given_name=locked.given_name,
            family_name=locked.family_name,
            date_of_birth=locked.date_of_birth,
            email=email,
            phone=locked.phone,
            emergency_contact_name=locked.emergency_contact_name,
            emergency_contact_phone=locked.emergency_contact_phone,
            insurance_payer=locked.insurance_payer,
            insurance_member_id=locked.insurance_member_id,
            reminder_channel=_reminder_channel(locked),
            likely_duplicates=likely_duplicates,
            different_person_reason=different_person_reason,
        )
        _answers_to_chart(locked, patient, by)
        _decided(locked, patient, by, account_email=user.email if user else "")
    if held_by is not None:
        sent = _notify_owner(owner=held_by, clinic=locked.clinic, by=by)
    else:
        sent = _invite(user=user, by=by, request=request, base_url=base_url)
    return Acceptance(patient=patient, user=user, invitation_sent=sent, invited_email=email)


def _reminder_channel(enrollment: Enrollment) -> str:
    """What the person asked for on the form (texts need a mobile number), else the clinic's
    default."""
    if (
        enrollment.preferred_contact == Enrollment.Contact.TEXT
        and not_textable(enrollment.phone) is None
    ):
        return Patient.Channel.SMS
    if enrollment.preferred_contact == Enrollment.Contact.EMAIL:
        return Patient.Channel.EMAIL
    return new_patient_channel(clinic=enrollment.clinic, phone=enrollment.phone)


def _invite(*, user: User | None, by: User, request: HttpRequest | None, base_url: str) -> bool:
    if user is None:
        return False
    try:
        accounts_invitation_send(user=user, invited_by=by, request=request, base_url=base_url)
    except (smtplib.SMTPException, OSError):
        logger.exception("Invitation email to user %s could not be sent", user.pk)
        return False
    return True


def _notify_owner(*, owner: User, clinic: Clinic, by: User) -> bool:
    try:
        held_elsewhere_notify(owner=owner, clinic=clinic, by=by, joining_as=Membership.Role.PATIENT)
    except (smtplib.SMTPException, OSError):
        logger.exception("Note to the owner of user %s could not be sent", owner.pk)
        return False
    return True


def enrollment_invitation_resend(
    *, enrollment: Enrollment, by: User, base_url: str, request: HttpRequest | None = None
) -> bool:
    """Email a fresh invitation to an accepted patient who has not chosen a password yet (the
    earlier links stop working), or the note again to the owner of an address held elsewhere."""
    patient = enrollment.patient
    if patient is None or not selectors.invitation_waiting(patient=patient):
        return False
    if patient.user is None:
        owner = selectors.email_held_elsewhere(clinic=patient.clinic, email=patient.email)
        return owner is not None and _notify_owner(owner=owner, clinic=patient.clinic, by=by)
    try:
        invitation_resend(person=patient.user, by=by, request=request, base_url=base_url)
    except (smtplib.SMTPException, OSError):
        logger.exception("Invitation email to user %s could not be sent", patient.user.pk)
        return False
    return True


@transaction.atomic
def enrollment_decline(*, enrollment: Enrollment, by: User, reason: str) -> Enrollment:
    reason = reason.strip()
    if not reason:
        raise ValueError("A reason is required to decline.")
    locked = _lock_new(enrollment)
    locked.status = Enrollment.Status.DECLINED
    locked.decided_by = by
    locked.decided_at = timezone.now()
    locked.decline_reason = reason
    locked.save(update_fields=["status", "decided_by", "decided_at", "decline_reason"])
    audit_record(
        request=None,
        actor=by,
        action=AuditEvent.Action.UPDATE,
        obj=locked,
        detail={"status": "declined"},
    )
    return locked
