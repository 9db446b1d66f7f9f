"""People, the clinics they belong to, and the role each has there."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)

    def get_by_natural_key(self, username: str | None) -> User:
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """Anyone who signs in: patient or staff. The role comes from the clinic membership."""

    email = models.EmailField(unique=True)
    full_name = models.CharField(max_length=200, blank=True)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False, help_text="Operator access to Django's admin.")
    date_joined = models.DateTimeField(default=timezone.now)
    # Invitation and reset links sent before this moment no longer work (accounts.tokens).
    links_valid_from = models.DateTimeField(null=True, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []  # type: ignore[misc]

    def __str__(self) -> str:
        return self.full_name or self.email

    @property
    def role(self) -> str | None:
        membership = self.clinic_membership
        return membership.role if membership else None

    @property
    def clinic_membership(self) -> Membership | None:
        try:
            return self.membership
        except Membership.DoesNotExist:
            return None

    @property
    def is_clinic_staff(self) -> bool:
        return self.role in Membership.STAFF_ROLES


# The public page's intro is a short welcome, not a second library (source: NALTRACK — a page
# that stays short loads fast on a phone and is read to the end).
PUBLIC_INTRO_MAX_CHARS = 1500


class ClinicQuerySet(models.QuerySet["Clinic"]):
    def open(self) -> ClinicQuerySet:
        """Clinics a stranger may find and enrol with: not suspended by the operator."""
        return self.filter(suspended_at__isnull=True)


class Clinic(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    address = models.CharField(max_length=300, blank=True)
    # Shown on the clinic's public page (naltrack.public), edited by its admin.
    hours = models.CharField(max_length=200, blank=True)
    public_intro = models.TextField(max_length=PUBLIC_INTRO_MAX_CHARS, blank=True)
    time_zone = models.CharField(max_length=64, default="America/New_York")
    # Overrides of naltrack.clinical.alerts.Thresholds, e.g. {"craving_high": 8}; empty means the
    # cited defaults. Checked by the clinical core when read (care.selectors.clinic_thresholds).
    alert_thresholds = models.JSONField(default=dict, blank=True)
    # Set by the operator: the clinic's people cannot sign in; nothing is deleted.
    suspended_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ClinicQuerySet.as_manager()

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A user's place in one clinic. One clinic per user for now: it keeps every scope obvious."""

    class Role(models.TextChoices):
        PATIENT = "patient", "Patient"
        CLINICIAN = "clinician", "Clinician"
        ADMIN = "admin", "Clinic admin"

    STAFF_ROLES = frozenset({Role.CLINICIAN, Role.ADMIN})

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="membership")
    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["clinic", "role"])]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()}, {self.clinic})"
