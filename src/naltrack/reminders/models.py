"""Notifications to patients, and each patient's reminder preferences.

A notification's idempotency key is (patient, kind, due_at): the unique constraint, not the
code, decides that a second scheduler (or a retry after a crash) never creates it twice.
``due_at`` is the planned moment and never changes; ``send_after`` is when it may go out
(moved by quiet hours and by retry backoff), so moving it cannot open a hole in the key.
"""

from __future__ import annotations

from django.db import models

from naltrack.care.models import Patient, PatientRow


class Notification(PatientRow):
    class Kind(models.TextChoices):
        DOSE = "dose", "Daily dose"
        INJECTION_7D = "injection_7d", "Injection in 7 days"
        INJECTION_1D = "injection_1d", "Injection tomorrow"
        INJECTION_DAY = "injection_day", "Injection today"
        INJECTION_OVERDUE = "injection_overdue", "Injection overdue"
        LIVER_TESTS = "liver_tests", "Liver tests due"
        SESSION_DAY_BEFORE = "session_day_before", "Session tomorrow"
        SESSION_2H = "session_2h", "Session in 2 hours"
        CHECK_IN_NUDGE = "check_in_nudge", "Check-in nudge"
        FOLLOW_UP = "follow_up", "Follow-up contact"

    # Sent even to a patient who paused reminders: these are where patients get hurt.
    ESSENTIAL_KINDS = frozenset({Kind.INJECTION_OVERDUE, Kind.FOLLOW_UP})

    class Channel(models.TextChoices):
        EMAIL = "email", "Email"
        SMS = "sms", "Text message"

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        SKIPPED = "skipped", "Skipped"

    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="notifications")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    due_at = models.DateTimeField(help_text="The planned moment: part of the idempotency key")
    send_after = models.DateTimeField(help_text="Not before: quiet hours and retries move it")
    essential = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    reason = models.CharField(max_length=300, blank=True, help_text="Why skipped or failed")
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    subject = models.CharField(max_length=200, blank=True)
    body = models.TextField()

    class Meta:
        ordering = ["-due_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["patient", "kind", "due_at"], name="one_notification_per_key"
            )
        ]
        indexes = [
            models.Index(fields=["status", "send_after"]),
            models.Index(fields=["clinic", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} for patient {self.patient_id} at {self.due_at:%Y-%m-%d %H:%M}"


class ReminderPreference(PatientRow):
    """How and when a patient wants to hear from the clinic (absent: the defaults)."""

    patient = models.OneToOneField(
        Patient, on_delete=models.PROTECT, related_name="reminder_preference"
    )
    channel = models.CharField(
        max_length=10, choices=Notification.Channel.choices, default=Notification.Channel.EMAIL
    )
    reminder_time = models.TimeField(null=True, blank=True, help_text="Blank: the default time")
    quiet_start = models.TimeField(null=True, blank=True)
    quiet_end = models.TimeField(null=True, blank=True)
    paused_non_essential = models.BooleanField(default=False)
    time_zone = models.CharField(max_length=64, blank=True, help_text="Blank: the clinic's")
    opted_in_details = models.BooleanField(
        default=False, help_text="Messages may name the medicine and the treatment"
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"reminder preferences of patient {self.patient_id}"
