"""What a prospective patient sends through the public enrollment form, kept as they sent it.

Every valid submission is stored, also a second one by the same person: it is linked to the
first (``duplicate_of``) and flagged, never dropped. Accepting one creates the patient; the
submission stays, linked to that patient, so what the person told the clinic is never lost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from phonenumber_field.modelfields import PhoneNumberField

from naltrack.accounts.models import Clinic, Membership
from naltrack.care.phones import phone_display
from naltrack.clinical.start_check import EXPOSURE_KINDS
from naltrack.clinical.vocabulary import EXPOSURE_KIND_LABELS

if TYPE_CHECKING:
    from naltrack.accounts.models import User


class EnrollmentQuerySet(models.QuerySet["Enrollment"]):
    def visible_to(self, user: User | Any) -> EnrollmentQuerySet:
        """Staff see their own clinic's submissions; patients and everyone else see none."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        membership = user.clinic_membership
        if membership is None or membership.role not in Membership.STAFF_ROLES:
            return self.none()
        return self.filter(clinic_id=membership.clinic_id)


class Enrollment(models.Model):
    class Contact(models.TextChoices):
        EMAIL = "email", "Email"
        PHONE = "phone", "Phone call"
        TEXT = "text", "Text message"

    class TimeOfDay(models.TextChoices):
        MORNING = "morning", "Morning"
        AFTERNOON = "afternoon", "Afternoon"
        EVENING = "evening", "Evening"

    class HelpWith(models.TextChoices):
        ALCOHOL = "alcohol", "Alcohol"
        OPIOIDS = "opioids", "Opioids"
        BOTH = "both", "Both alcohol and opioids"

    class HeardFrom(models.TextChoices):
        FRIEND_FAMILY = "friend_family", "A friend or family member"
        DOCTOR = "doctor", "A doctor, nurse or counselor"
        HOSPITAL = "hospital", "A hospital or emergency room"
        PROGRAM = "program", "Another treatment program"
        COURT = "court", "A court, probation or parole officer"
        SEARCH = "search", "An internet search"
        SOCIAL = "social", "Social media"
        OTHER = "other", "Somewhere else"

    class Status(models.TextChoices):
        NEW = "new", "New"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"

    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="enrollments")
    submitted_at = models.DateTimeField(default=timezone.now)

    given_name = models.CharField(max_length=100)
    family_name = models.CharField(max_length=100)
    date_of_birth = models.DateField()
    email = models.EmailField(max_length=254, blank=True)
    phone = PhoneNumberField(max_length=40, blank=True)
    preferred_contact = models.CharField(max_length=10, choices=Contact.choices)
    preferred_time = models.CharField(max_length=10, choices=TimeOfDay.choices)

    wants_help_with = models.CharField(max_length=10, choices=HelpWith.choices)
    current_medications = models.TextField(max_length=2000, blank=True)

    recent_opioid_use = models.BooleanField()
    opioid_kind = models.CharField(
        max_length=30,
        choices=[(kind, EXPOSURE_KIND_LABELS[kind]) for kind in EXPOSURE_KINDS],
        blank=True,
    )
    opioid_what = models.CharField(max_length=120, blank=True)
    opioid_last_use = models.DateField(null=True, blank=True)

    insurance_payer = models.CharField(max_length=120, blank=True)
    insurance_member_id = models.CharField(max_length=60, blank=True)
    emergency_contact_name = models.CharField(max_length=200, blank=True)
    emergency_contact_phone = PhoneNumberField(max_length=40, blank=True)
    heard_from = models.CharField(max_length=20, choices=HeardFrom.choices, blank=True)
    heard_from_other = models.CharField(max_length=200, blank=True)

    consent_contact = models.BooleanField()
    consent_privacy = models.BooleanField()

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.CharField(max_length=500, blank=True)
    patient = models.ForeignKey(
        "care.Patient",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="enrollments",
    )

    # The same person's first submission to this clinic (same email, or same name and date of
    # birth). Set when the later one arrives; both stay in the queue.
    duplicate_of = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="later_submissions",
    )
    likely_duplicate = models.BooleanField(default=False)

    # For abuse review and the per-address limits only; never shown to the person.
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    objects = EnrollmentQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-id"]
        indexes = [
            models.Index(fields=["clinic", "status", "submitted_at"]),
            models.Index(fields=["ip_address", "submitted_at"]),
            # The per-email limit counts by the address as typed in any case.
            models.Index(Lower("email"), "submitted_at", name="enrollment_email_recent"),
            models.Index(fields=["clinic", "family_name", "given_name"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(consent_contact=True, consent_privacy=True),
                name="enrollment_consents_given",
            ),
            models.CheckConstraint(
                condition=models.Q(recent_opioid_use=False)
                | models.Q(opioid_last_use__isnull=False),
                name="enrollment_recent_use_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"Enrollment {self.pk}: {self.full_name} ({self.get_status_display()})"

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def contact_detail(self) -> str:
        """Where the clinic reaches the person the way they asked: their email or phone."""
        if self.preferred_contact == self.Contact.EMAIL:
            return self.email
        return phone_display(self.phone)
