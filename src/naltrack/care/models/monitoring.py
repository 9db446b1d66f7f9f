"""Monitoring between visits: labs, drug screens, questionnaires, check-ins, therapy, notes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models

from naltrack.clinical.instruments import INSTRUMENTS
from naltrack.clinical.start_check import LAB_TESTS

if TYPE_CHECKING:
    pass

from naltrack.care.models.patient import Patient, PatientRow


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
    # Which opioids the screen tested for and each result ({"fentanyl": "negative", …}; an
    # analyte not listed was not tested; empty: the panel was not recorded). A negative screen
    # proves only what it tested (TIP63, Part 3, drug testing).
    panel = models.JSONField(default=dict, blank=True)
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


class ClinicalNote(PatientRow):
    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="notes")
    text = models.TextField(max_length=10000)

    class Meta:
        ordering = ["-recorded_at", "-id"]
