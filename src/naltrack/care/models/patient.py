"""The patient, and what every row of their record has: its clinic, its patient, its author.

Every query for a patient's data starts from ``visible_to`` (the one access rule).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from phonenumber_field.modelfields import PhoneNumberField

from naltrack.accounts.models import Clinic, Membership

if TYPE_CHECKING:
    from naltrack.accounts.models import User


class PatientQuerySet(models.QuerySet["Patient"]):
    def visible_to(self, user: User | Any) -> PatientQuerySet:
        """The one access rule: patients see their own record, staff their clinic's, others none."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        membership = user.clinic_membership
        if membership is None:
            return self.none()
        if membership.role == Membership.Role.PATIENT:
            return self.filter(user=user, clinic_id=membership.clinic_id)
        if membership.role in Membership.STAFF_ROLES:
            return self.filter(clinic_id=membership.clinic_id)
        return self.none()


class Patient(models.Model):
    class Sex(models.TextChoices):
        FEMALE = "female", "Female"
        MALE = "male", "Male"
        UNKNOWN = "", "Not recorded"

    class Pregnancy(models.TextChoices):
        NOT_PREGNANT = "no", "Not pregnant"
        PREGNANT = "yes", "Pregnant"
        BREASTFEEDING = "breastfeeding", "Breastfeeding"
        UNKNOWN = "", "Unknown / not applicable"

    class Channel(models.TextChoices):
        EMAIL = "email", "Email"
        SMS = "sms", "Text message"

    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="patients")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="patient",
    )
    given_name = models.CharField(max_length=100)
    family_name = models.CharField(max_length=100)
    date_of_birth = models.DateField()
    sex = models.CharField(max_length=10, choices=Sex.choices, blank=True)
    pregnancy = models.CharField(max_length=20, choices=Pregnancy.choices, blank=True)
    email = models.EmailField(blank=True)
    # In E.164; a number typed without a country code is read as NALTRACK_PHONE_REGION's.
    phone = PhoneNumberField(max_length=40, blank=True)
    # Without case or spaces (``care.patient_rules``): unique among the clinic's patients.
    medical_record_number = models.CharField(max_length=40, blank=True)
    emergency_contact_name = models.CharField(max_length=200, blank=True)
    emergency_contact_phone = PhoneNumberField(max_length=40, blank=True)
    insurance_payer = models.CharField(max_length=120, blank=True)
    insurance_member_id = models.CharField(max_length=60, blank=True)
    reminder_channel = models.CharField(
        max_length=10, choices=Channel.choices, default=Channel.EMAIL
    )
    reminder_time = models.TimeField(null=True, blank=True)
    last_contact_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PatientQuerySet.as_manager()

    class Meta:
        ordering = ["family_name", "given_name", "id"]
        indexes = [
            models.Index(fields=["clinic", "family_name", "given_name"]),
            models.Index(fields=["clinic", "last_contact_at"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["clinic", "medical_record_number"],
                condition=~models.Q(medical_record_number=""),
                name="patient_record_number_unique_in_clinic",
            )
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return full_name_of(self.given_name, self.family_name)


def full_name_of(given_name: str, family_name: str) -> str:
    """How a patient's name is shown, for lists that read the two fields without the row."""
    return f"{given_name} {family_name}"


class ClinicalQuerySet(models.QuerySet[Any]):
    """Rows that belong to a patient: scoped through the same rule as the patient."""

    def visible_to(self, user: User | Any) -> ClinicalQuerySet:
        return self.filter(patient__in=Patient.objects.visible_to(user))


class PatientRow(models.Model):
    """What every piece of a patient's record has: its clinic, its patient, who made it, when."""

    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="+")
    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="+")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = ClinicalQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk} of patient {self.patient_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The clinic is the patient's: a row can never land in another clinic's shard.
        self.clinic_id = self.patient.clinic_id
        super().save(*args, **kwargs)
