"""The course of treatment: episodes, opioid use before starting, start checks, regimens,
doses, injections, stop plans and the follow-up after them.

Choices come from ``naltrack.clinical`` so the record stores exactly what the clinical core
understands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q

from naltrack.clinical import regimens as clinical_regimens
from naltrack.clinical.formulary import XR_SITES
from naltrack.clinical.start_check import EXPOSURE_KINDS
from naltrack.clinical.vocabulary import EXPOSURE_KIND_LABELS, INDICATION_LABELS

if TYPE_CHECKING:
    pass

from naltrack.care.models.patient import Patient, PatientRow


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
    indication = models.CharField(max_length=10, choices=list(INDICATION_LABELS.items()))
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
        indexes = [
            models.Index(fields=["clinic", "state"]),
            # A patient's latest episode, read per patient by the lists' annotations
            # (care.selectors.patients_annotated): found without sorting their episodes.
            models.Index(fields=["patient", "-opened_on", "-id"], name="episode_latest"),
        ]

    def __str__(self) -> str:
        return f"{self.get_indication_display()} episode from {self.opened_on} ({self.get_state_display()})"


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
    # The start check's findings the prescriber overrode, each acknowledged: [{code, message}].
    override_findings = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-start", "-id"]
        # A patient's latest regimen, read per patient like their latest episode.
        indexes = [models.Index(fields=["patient", "-start", "-id"], name="regimen_latest")]

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
    # What the patient reported about a dose staff saw, when it differs: kept beside the staff's
    # entry (never over it) and flagged for review by the alert rules.
    patient_report = models.CharField(max_length=10, choices=Status.choices, blank=True)

    class Meta:
        ordering = ["-day", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["regimen", "day"], name="one_dose_event_per_day")
        ]
        indexes = [models.Index(fields=["patient", "day"])]


class WithdrawnDoseReport(PatientRow):
    """A patient's own report of a dose that they took back soon after (a mistaken tap).

    The report leaves the day's doses (so adherence and the alert rules read the day as not
    reported) but stays in the record here, with when it was made; ``recorded_by`` and
    ``recorded_at`` are who took it back and when.
    """

    patient = models.ForeignKey(
        Patient, on_delete=models.PROTECT, related_name="withdrawn_dose_reports"
    )
    regimen = models.ForeignKey(Regimen, on_delete=models.PROTECT, related_name="+")
    day = models.DateField()
    dose_mg = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=10, choices=DoseEvent.Status.choices)
    reported_at = models.DateTimeField()

    class Meta:
        ordering = ["-recorded_at", "-id"]


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
            # A patient's injections newest first: the next one due is the latest one's (Today's
            # "injections due"), found without sorting; range reads by day use it too.
            models.Index(fields=["patient", "-given_on", "-id"], name="injection_latest"),
        ]


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
