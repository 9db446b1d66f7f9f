"""The clinical record. Every table carries its clinic; every query starts from ``visible_to``.

Choices for regimens, instruments, exposures and alert severities come from ``naltrack.clinical``
so the record stores exactly what the clinical core understands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.db.models import Q

from naltrack.accounts.models import Clinic, Membership
from naltrack.clinical import regimens as clinical_regimens
from naltrack.clinical.formulary import XR_SITES
from naltrack.clinical.instruments import INSTRUMENTS
from naltrack.clinical.start_check import EXPOSURE_KINDS, LAB_TESTS

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
    phone = models.CharField(max_length=40, blank=True)
    medical_record_number = models.CharField(max_length=40, blank=True)
    emergency_contact_name = models.CharField(max_length=200, blank=True)
    emergency_contact_phone = models.CharField(max_length=40, blank=True)
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

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"


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


INDICATION_CHOICES = [
    ("AUD", "Alcohol use disorder"),
    ("OUD", "Opioid use disorder"),
    ("OUD_AUD", "Both"),
]


class Episode(PatientRow):
    """One course of naltrexone treatment; a restart is a new episode linked to the one before."""

    class State(models.TextChoices):
        SCREENING = "screening", "Screening"
        INDUCTION = "induction", "Induction"
        MAINTENANCE = "maintenance", "Maintenance"
        TAPERING = "tapering", "Tapering"
        STOPPED = "stopped", "Stopped"

    ACTIVE_STATES = (State.SCREENING, State.INDUCTION, State.MAINTENANCE, State.TAPERING)

    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="episodes")
    indication = models.CharField(max_length=10, choices=INDICATION_CHOICES)
    state = models.CharField(max_length=20, choices=State.choices, default=State.SCREENING)
    opened_on = models.DateField()
    started_on = models.DateField(null=True, blank=True, help_text="First naltrexone dose")
    stopped_on = models.DateField(null=True, blank=True)
    stop_reason = models.CharField(max_length=500, blank=True)
    restart_of = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="restarted_as"
    )

    class Meta:
        ordering = ["-opened_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["patient"],
                condition=~Q(state="stopped"),
                name="one_open_episode_per_patient",
            )
        ]
        indexes = [models.Index(fields=["clinic", "state"])]

    def __str__(self) -> str:
        return f"{self.get_indication_display()} episode from {self.opened_on} ({self.get_state_display()})"


EXPOSURE_KIND_LABELS = {
    "short_acting": "Short-acting opioid (heroin, fentanyl, oxycodone…)",
    "methadone": "Methadone",
    "buprenorphine": "Buprenorphine",
    "other_long_acting": "Other long-acting opioid",
}


class OpioidExposure(PatientRow):
    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="opioid_exposures")
    kind = models.CharField(
        max_length=30, choices=[(k, EXPOSURE_KIND_LABELS[k]) for k in EXPOSURE_KINDS]
    )
    substance = models.CharField(max_length=120, blank=True)
    last_use = models.DateField()

    class Meta:
        ordering = ["-last_use", "-id"]


class StartCheck(PatientRow):
    """A start (or restart) check: the inputs and the clinical core's full result, as given."""

    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="start_checks")
    episode = models.ForeignKey(Episode, on_delete=models.PROTECT, related_name="start_checks")
    checked_on = models.DateField()
    status = models.CharField(max_length=20)
    earliest_start = models.DateField(null=True, blank=True)
    inputs = models.JSONField()
    result = models.JSONField()

    class Meta:
        ordering = ["-checked_on", "-id"]


REGIMEN_KIND_CHOICES = [(kind, info.label) for kind, info in clinical_regimens.REGIMENS.items()]
SITE_CHOICES = [(site, site.replace("_", " ").capitalize()) for site in XR_SITES]


class Regimen(PatientRow):
    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="regimens")
    episode = models.ForeignKey(Episode, on_delete=models.PROTECT, related_name="regimens")
    kind = models.CharField(max_length=30, choices=REGIMEN_KIND_CHOICES)
    formulation = models.CharField(max_length=20)
    prescriber = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    start_check = models.ForeignKey(
        StartCheck, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    override_reason = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-start", "-id"]

    @property
    def info(self) -> clinical_regimens.RegimenInfo:
        return clinical_regimens.REGIMENS[self.kind]  # type: ignore[index]

    def as_clinical(self) -> clinical_regimens.Regimen:
        return clinical_regimens.Regimen(kind=self.kind, start=self.start, end=self.end)  # type: ignore[arg-type]


class DoseEvent(PatientRow):
    class Status(models.TextChoices):
        TAKEN = "taken", "Taken"
        MISSED = "missed", "Missed"

    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="dose_events")
    regimen = models.ForeignKey(Regimen, on_delete=models.PROTECT, related_name="dose_events")
    day = models.DateField()
    dose_mg = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=10, choices=Status.choices)
    observed = models.BooleanField(
        default=False, help_text="Seen by staff (otherwise self-reported)"
    )

    class Meta:
        ordering = ["-day", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["regimen", "day"], name="one_dose_event_per_day")
        ]
        indexes = [models.Index(fields=["patient", "day"])]


class Injection(PatientRow):
    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="injections")
    regimen = models.ForeignKey(Regimen, on_delete=models.PROTECT, related_name="injections")
    given_on = models.DateField()
    dose_mg = models.PositiveSmallIntegerField()
    site = models.CharField(max_length=20, choices=SITE_CHOICES)
    lot = models.CharField(max_length=40, blank=True)
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    next_due = models.DateField(help_text="From the regimen: 28 days after this injection")

    class Meta:
        ordering = ["-given_on", "-id"]
        indexes = [
            models.Index(fields=["clinic", "next_due"]),
            models.Index(fields=["patient", "given_on"]),
        ]


class LabResult(PatientRow):
    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="lab_results")
    test = models.CharField(max_length=20, choices=[(t, t) for t in LAB_TESTS])
    value = models.DecimalField(max_digits=8, decimal_places=2)
    unit = models.CharField(max_length=20, default="U/L")
    upper_limit_normal = models.DecimalField(max_digits=8, decimal_places=2)
    collected_on = models.DateField()

    class Meta:
        ordering = ["-collected_on", "-id"]
        indexes = [models.Index(fields=["patient", "test", "collected_on"])]

    @property
    def multiple_of_uln(self) -> float:
        return float(self.value / self.upper_limit_normal)


class DrugScreen(PatientRow):
    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="drug_screens")
    collected_on = models.DateField()
    opioids_positive = models.BooleanField()
    other_findings = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-collected_on", "-id"]


class InstrumentResponse(PatientRow):
    patient = models.ForeignKey(
        Patient, on_delete=models.PROTECT, related_name="instrument_responses"
    )
    instrument = models.CharField(
        max_length=20, choices=[(key, spec.name) for key, spec in INSTRUMENTS.items()]
    )
    taken_on = models.DateField()
    answers = models.JSONField()
    score = models.PositiveSmallIntegerField()
    max_score = models.PositiveSmallIntegerField()
    band = models.CharField(max_length=30, blank=True)
    flags = models.JSONField(default=list)

    class Meta:
        ordering = ["-taken_on", "-id"]
        indexes = [models.Index(fields=["patient", "instrument", "taken_on"])]


class CheckIn(PatientRow):
    """The patient's daily check-in (one a day, editable that day)."""

    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="check_ins")
    day = models.DateField()
    craving = models.PositiveSmallIntegerField()
    drinks = models.PositiveSmallIntegerField(null=True, blank=True)
    opioid_use = models.BooleanField(default=False)
    side_effects = models.JSONField(default=list, blank=True)
    mood = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="1 (very low) to 5 (very good)"
    )
    note = models.TextField(blank=True, max_length=2000)

    class Meta:
        ordering = ["-day", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["patient", "day"], name="one_check_in_per_day")
        ]
        indexes = [models.Index(fields=["clinic", "day"])]


class TherapySession(PatientRow):
    class Kind(models.TextChoices):
        CBT = "cbt", "Cognitive behavioural therapy"
        MI = "mi", "Motivational interviewing"
        CM = "cm", "Contingency management"
        COUNSELLING = "counselling", "Counselling"
        GROUP = "group", "Group session"

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        ATTENDED = "attended", "Attended"
        MISSED = "missed", "Missed"

    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="therapy_sessions")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    scheduled_at = models.DateTimeField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SCHEDULED)
    counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    notes = models.TextField(blank=True, max_length=4000)

    class Meta:
        ordering = ["-scheduled_at", "-id"]


class TaperPlan(PatientRow):
    """A stop or taper: the clinical core's plan, stored as it gave it."""

    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="taper_plans")
    episode = models.ForeignKey(Episode, on_delete=models.PROTECT, related_name="taper_plans")
    strategy = models.CharField(max_length=20)
    reason = models.CharField(max_length=500, blank=True)
    inputs = models.JSONField()
    plan = models.JSONField()
    last_dose = models.DateField()
    blockade_ends = models.DateField()

    class Meta:
        ordering = ["-recorded_at", "-id"]


class FollowUp(PatientRow):
    """A contact due after stopping (from the plan), and whether it happened."""

    class Method(models.TextChoices):
        PHONE = "phone", "Phone call"
        VISIT = "visit", "Clinic visit"
        VIDEO = "video", "Video call"
        MESSAGE = "message", "Message"

    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="follow_ups")
    episode = models.ForeignKey(Episode, on_delete=models.PROTECT, related_name="follow_ups")
    taper_plan = models.ForeignKey(
        TaperPlan, on_delete=models.PROTECT, null=True, blank=True, related_name="follow_ups"
    )
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)
    method = models.CharField(max_length=20, choices=Method.choices, blank=True)
    note = models.TextField(blank=True, max_length=2000)

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["clinic", "due_on"])]


class Alert(PatientRow):
    """An alert from the clinical core's rules; open until acknowledged or its cause passes."""

    class Severity(models.TextChoices):
        URGENT = "urgent", "Urgent"
        HIGH = "high", "High"
        ROUTINE = "routine", "Routine"

    SEVERITY_RANK = {"urgent": 0, "high": 1, "routine": 2}

    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="alerts")
    code = models.CharField(max_length=60)
    key = models.CharField(max_length=120, help_text="Identifies the cause, from the clinical core")
    severity = models.CharField(max_length=10, choices=Severity.choices)
    severity_rank = models.PositiveSmallIntegerField()
    message = models.TextField()
    evidence = models.JSONField(default=dict)
    source = models.CharField(max_length=100)
    opened_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True, help_text="Its cause has passed")
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    acknowledgement_note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["severity_rank", "-opened_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["patient", "key"],
                condition=Q(resolved_at__isnull=True),
                name="one_open_alert_per_cause",
            )
        ]
        indexes = [
            models.Index(fields=["clinic", "acknowledged_at", "resolved_at", "severity_rank"])
        ]

    @property
    def is_open(self) -> bool:
        return self.acknowledged_at is None and self.resolved_at is None


class ClinicalNote(PatientRow):
    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="notes")
    text = models.TextField(max_length=10000)

    class Meta:
        ordering = ["-recorded_at", "-id"]


from naltrack.care.models_craving import CravingEpisode, CravingPlan  # noqa: E402,F401
