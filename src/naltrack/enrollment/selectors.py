"""Reading enrollments: the public side's look-ups and the staff intake queue (scoped, audited)."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.http import Http404, HttpRequest
from django.utils import timezone

from naltrack.accounts.models import Clinic, User
from naltrack.accounts.selectors import SignIn, sign_in_status
from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_record
from naltrack.care.models import Patient
from naltrack.enrollment.models import Enrollment

# What the confirmation page promises and the queue counts down to: a reply within this many
# working days (Monday to Friday). A Naltrack default (source: NALTRACK), not a guideline.
REPLY_WORKING_DAYS = 2

# How many forms may be sent before the form asks people to wait. An address is often shared:
# a clinic's waiting-room Wi-Fi, a hospital or shelter network, a phone carrier that puts a
# whole town behind a few addresses. So the address limits are set by counting a busy intake
# day, and what a flood needs is stopped by the same numbers:
# - an hour: a full waiting room of 20 to 25 people, each filling the 5-minute form on their
#   phone in the same hour, stays under 30 (staff walking people through it one by one manage
#   4 to 6 an hour each);
# - a day: a busy clinic opens 20 to 40 new intakes on its biggest days (an outreach or walk-in
#   day, 8 to 10 hours); 100 leaves room for that twice over, while a script from one address
#   is held to 100 forms a day instead of thousands an hour;
# - per email, a day: someone who sends the form again to correct a slip or who is not sure it
#   went sends 2 or 3; more is not a person (a repeat is kept and linked, never lost, see
#   ``earlier_submission_by_same_person``).
# source: NALTRACK — thresholds counted for a clinic's waiting-room network (docs/security.md);
# the settings NALTRACK_ENROLLMENT_HOURLY_LIMIT, NALTRACK_ENROLLMENT_DAILY_LIMIT and
# NALTRACK_ENROLLMENT_EMAIL_DAILY_LIMIT override them.
HOURLY_LIMIT_PER_ADDRESS = 30
DAILY_LIMIT_PER_ADDRESS = 100
DAILY_LIMIT_PER_EMAIL = 3

HOUR = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)


class Limit(enum.Enum):
    """Which limit a submission met: it decides what the person is told to do next."""

    ADDRESS_HOUR = "address_hour"
    ADDRESS_DAY = "address_day"
    EMAIL_DAY = "email_day"


# Decided submissions shown under the new ones in the queue.
RECENTLY_DECIDED = 50


# --- the public side ---------------------------------------------------------------------------


def clinics_enrolling() -> list[Clinic]:
    return list(Clinic.objects.open().order_by("name", "id"))


def clinic_for_enrollment(*, slug: str) -> Clinic:
    clinic = Clinic.objects.open().filter(slug=slug).first()
    if clinic is None:
        raise Http404("No such clinic")
    return clinic


def normalised_email(email: str) -> str:
    """An email as the limit counts it: ``Jane@Example.com `` and ``jane@example.com`` are one."""
    return email.strip().lower()


def _address_counts(*, ip_address: str, now: dt.datetime) -> tuple[int, int]:
    """Forms sent from one address in the last hour and the last day: those stored and those
    caught by the honeypot (audited with no object id), so a script cannot fill the audit trail
    either."""
    hour_ago, day_ago = now - HOUR, now - DAY
    stored = Enrollment.objects.filter(ip_address=ip_address, submitted_at__gte=day_ago).aggregate(
        hour=Count("pk", filter=Q(submitted_at__gte=hour_ago)), day=Count("pk")
    )
    discarded = AuditEvent.objects.filter(
        occurred_at__gte=day_ago,
        ip_address=ip_address,
        action=AuditEvent.Action.CREATE,
        object_type="enrollment",
        object_id="",
    ).aggregate(hour=Count("pk", filter=Q(occurred_at__gte=hour_ago)), day=Count("pk"))
    return stored["hour"] + discarded["hour"], stored["day"] + discarded["day"]


def _email_count(*, email: str, now: dt.datetime) -> int:
    count: int = (
        Enrollment.objects.alias(email_key=Lower("email"))
        .filter(email_key=email, submitted_at__gte=now - DAY)
        .count()
    )
    return count


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def submission_limit(*, ip_address: str | None, email: str = "") -> Limit | None:
    """The limit one more form from this address, with this email, would go past, or None.

    Without an address (a Unix socket) or an email there is nothing to count that one by.
    """
    now = timezone.now()
    if ip_address:
        hour, day = _address_counts(ip_address=ip_address, now=now)
        if hour >= _setting("NALTRACK_ENROLLMENT_HOURLY_LIMIT", HOURLY_LIMIT_PER_ADDRESS):
            return Limit.ADDRESS_HOUR
        if day >= _setting("NALTRACK_ENROLLMENT_DAILY_LIMIT", DAILY_LIMIT_PER_ADDRESS):
            return Limit.ADDRESS_DAY
    email = normalised_email(email)
    if email and _email_count(email=email, now=now) >= _setting(
        "NALTRACK_ENROLLMENT_EMAIL_DAILY_LIMIT", DAILY_LIMIT_PER_EMAIL
    ):
        return Limit.EMAIL_DAY
    return None


def reply_due(*, submitted_on: dt.date) -> dt.date:
    """The day by which the clinic promised to reply: ``REPLY_WORKING_DAYS`` weekdays later."""
    day, counted = submitted_on, 0
    while counted < REPLY_WORKING_DAYS:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            counted += 1
    return day


def earlier_submission_by_same_person(
    *, clinic: Clinic, email: str, given_name: str, family_name: str, date_of_birth: dt.date
) -> Enrollment | None:
    """The person's first submission to this clinic: same email, or same name and birth date
    (both case-insensitive). Only this clinic's: another clinic's queue is not ours to link."""
    same_person = Q(
        given_name__iexact=given_name.strip(),
        family_name__iexact=family_name.strip(),
        date_of_birth=date_of_birth,
    )
    if email.strip():
        same_person |= Q(email__iexact=email.strip())
    return (
        Enrollment.objects.filter(clinic=clinic)
        .filter(same_person)
        .order_by("submitted_at", "id")
        .first()
    )


# --- the intake queue --------------------------------------------------------------------------


@dataclass(frozen=True)
class IntakeQueue:
    new: list[Enrollment]
    recently_decided: list[Enrollment]


def intake_queue(*, request: HttpRequest) -> IntakeQueue:
    """New submissions first (longest waiting at the top), then the latest decided ones."""
    visible = Enrollment.objects.visible_to(request.user).select_related("duplicate_of")
    new = list(visible.filter(status=Enrollment.Status.NEW).order_by("submitted_at", "id"))
    decided = list(
        visible.exclude(status=Enrollment.Status.NEW)
        .select_related("decided_by", "patient")
        .order_by("-decided_at", "-id")[:RECENTLY_DECIDED]
    )
    shown = new + decided
    if shown:
        audit_record(
            request=request,
            action=AuditEvent.Action.LIST,
            object_type="enrollment",
            clinic_id=shown[0].clinic_id,
            detail={"enrollment_ids": [enrollment.pk for enrollment in shown]},
        )
    return IntakeQueue(new=new, recently_decided=decided)


def enrollment_get(*, request: HttpRequest, enrollment_id: int) -> Enrollment:
    """One submission of the user's clinic, audited; 404 otherwise so ids cannot be probed."""
    enrollment = (
        Enrollment.objects.visible_to(request.user)
        .select_related("clinic", "decided_by", "patient", "duplicate_of")
        .filter(pk=enrollment_id)
        .first()
    )
    if enrollment is None:
        raise Http404("No such enrollment")
    audit_record(request=request, action=AuditEvent.Action.READ, obj=enrollment)
    return enrollment


def same_person_submissions(*, enrollment: Enrollment) -> list[Enrollment]:
    """The other submissions linked to this one: its first one and every later duplicate."""
    first_id = enrollment.duplicate_of_id or enrollment.pk
    return list(
        Enrollment.objects.filter(clinic_id=enrollment.clinic_id)
        .filter(Q(pk=first_id) | Q(duplicate_of_id=first_id))
        .exclude(pk=enrollment.pk)
        .order_by("submitted_at", "id")
    )


@dataclass(frozen=True)
class ExistingAccount:
    """One of this clinic's accounts already holding an email: its patient, or a staff member."""

    email: str
    patient: Patient | None


def existing_account(*, clinic: Clinic, email: str) -> ExistingAccount | None:
    """Only this clinic's own accounts: an address known at another clinic is nobody's business
    here, so it reads as free (accepting then answers as for a new address)."""
    email = email.strip()
    if not email:
        return None
    user = User.objects.filter(email__iexact=email, membership__clinic=clinic).first()
    if user is None:
        return None
    patient = Patient.objects.filter(user=user, clinic=clinic).first()
    return ExistingAccount(email=user.email, patient=patient)


def email_held_elsewhere(*, clinic: Clinic, email: str) -> User | None:
    """The account holding ``email`` at another clinic (or none), for services only: what a
    clinic is shown never depends on it."""
    email = email.strip()
    if not email:
        return None
    return User.objects.filter(email__iexact=email).exclude(membership__clinic=clinic).first()


def invitation_waiting(*, patient: Patient | None) -> bool:
    """Whether the intake page offers to send the patient's invitation again: their account has
    no password yet, or their address has an account at another clinic (whose owner is sent the
    note again), so the page looks the same in both cases."""
    if patient is None or not patient.email:
        return False
    if patient.user is None:
        return email_held_elsewhere(clinic=patient.clinic, email=patient.email) is not None
    return sign_in_status(patient.user) == SignIn.INVITED
