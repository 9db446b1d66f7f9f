"""The clinical record. Every table carries its clinic; every query starts from ``visible_to``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models

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
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    medical_record_number = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PatientQuerySet.as_manager()

    class Meta:
        ordering = ["family_name", "given_name", "id"]
        indexes = [models.Index(fields=["clinic", "family_name", "given_name"])]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"
