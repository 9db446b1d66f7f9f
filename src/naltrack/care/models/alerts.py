"""Alerts raised by the clinical core's rules on a patient's record."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q

if TYPE_CHECKING:
    pass

from naltrack.care.models.patient import Patient, PatientRow


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
            models.Index(fields=["clinic", "acknowledged_at", "resolved_at", "severity_rank"]),
            # The open alerts in the order Today and the alert queue show them: the first rows
            # come from the index instead of sorting every open alert.
            models.Index(
                fields=["severity_rank", "-opened_at"],
                condition=Q(resolved_at__isnull=True, acknowledged_at__isnull=True),
                name="open_alerts_by_severity",
            ),
        ]

    @property
    def is_open(self) -> bool:
        return self.acknowledged_at is None and self.resolved_at is None
