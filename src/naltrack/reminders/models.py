"""Notifications to patients, each patient's reminder preferences, and each clinic's defaults.

A notification's idempotency key is (patient, kind, due_at): the unique constraint, not the
code, decides that a second scheduler (or a retry after a crash) never creates it twice.
``due_at`` is the planned moment and never changes; ``send_after`` is when it may go out
(moved by quiet hours and by retry backoff), so moving it cannot open a hole in the key.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from naltrack.accounts.models import Clinic
from naltrack.care.models import Patient, PatientRow

# source: NALTRACK — the daily reminder goes out at 09:00 local time unless the clinic's admin or
# the patient chooses another time.
BUILT_IN_REMINDER_TIME: Final = dt.time(9, 0)


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
    handed_over_until = models.DateTimeField(
        null=True, blank=True, help_text="Queued for a worker: not queued again before this"
    )
    essential = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    reason = models.CharField(max_length=300, blank=True, help_text="Why skipped or failed")
    # Skipped because the patient has no address it could go to (no valid mobile number and no
    # email): like a failure, a problem for the clinic until someone handles it.
    unreachable = models.BooleanField(default=False)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    subject = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    # A failed notification is a problem for the clinic until someone handles it (for example,
    # calls the patient and corrects their number).
    handled_at = models.DateTimeField(null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    handled_note = models.CharField(max_length=500, blank=True)

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

    # Notifications the clinic should see: failed ones, and those no address could take.
    PROBLEMS = Q(status=Status.FAILED) | Q(status=Status.SKIPPED, unreachable=True)

    @property
    def needs_attention(self) -> bool:
        is_problem = self.status == self.Status.FAILED or (
            self.status == self.Status.SKIPPED and self.unreachable
        )
        return is_problem and self.handled_at is None

    @property
    def why_not_delivered(self) -> str:
        """The last delivery error, said the way a clinician would say it."""
        if self.unreachable:
            return (
                f"Nothing was sent: {self.reason}. Add a mobile number or an email address "
                "to their details."
            )
        return delivery_error_in_plain_words(channel=self.channel, last_error=self.last_error)


_PROVIDER_ANSWER = re.compile(r"provider answered (\d{3})")


def delivery_error_in_plain_words(*, channel: str, last_error: str) -> str:
    """Plain words for a delivery error stored as ``"<ExceptionType>: <message>"``."""
    error = last_error.lower()
    if channel == Notification.Channel.SMS:
        answer = _PROVIDER_ANSWER.search(error)
        code = int(answer.group(1)) if answer else None
        if code in (401, 403):
            return (
                "The text message service refused our account. Whoever runs Naltrack for the "
                "clinic needs to check its settings."
            )
        if code is not None and 400 <= code < 500 and code != 429:
            return (
                "The text message service would not take the message: the mobile number may be "
                "wrong."
            )
        if code is not None or "unreachable" in error or "timed out" in error:
            return "The text message service was down or could not be reached each time we tried."
        return "The text message could not be sent."
    if "recipient" in error:  # SMTPRecipientsRefused, "550 no such recipient"
        return "The email address was refused: it may be wrong."
    if any(word in error for word in ("connect", "refused", "timed out", "timeout", "oserror")):
        return "Our email server could not be reached each time we tried."
    return "The email could not be sent."


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


class PauseLink(PatientRow):
    """The secret behind a patient's one-click pause links (``reminders.pause_links``).

    The links carry it, never the patient's id. It is replaced whenever the patient pauses or
    resumes their reminders, so every link sent before stops working.
    """

    patient = models.OneToOneField(Patient, on_delete=models.PROTECT, related_name="pause_link")
    nonce = models.CharField(max_length=32, unique=True)

    def __str__(self) -> str:
        return f"pause link of patient {self.patient_id}"


class ClinicReminderDefaults(models.Model):
    """What a clinic's patients get until they choose for themselves; set by the clinic's admin.

    A clinic without a row has the built-in defaults (``defaults.clinic_defaults``).
    """

    clinic = models.OneToOneField(
        Clinic, on_delete=models.PROTECT, related_name="reminder_defaults"
    )
    channel = models.CharField(
        max_length=10,
        choices=Notification.Channel.choices,
        default=Notification.Channel.EMAIL,
        help_text="For new patients",
    )
    reminder_time = models.TimeField(default=BUILT_IN_REMINDER_TIME)
    quiet_start = models.TimeField(null=True, blank=True)
    quiet_end = models.TimeField(null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "clinic reminder defaults"
        constraints = [
            models.CheckConstraint(
                condition=Q(quiet_start__isnull=True, quiet_end__isnull=True)
                | (
                    Q(quiet_start__isnull=False, quiet_end__isnull=False)
                    & ~Q(quiet_start=F("quiet_end"))
                ),
                name="clinic_quiet_hours_both_or_neither",
            )
        ]

    def __str__(self) -> str:
        return f"reminder defaults of clinic {self.clinic_id}"


class SweepRun(models.Model):
    """One run of the alert sweep over every clinic's patients: the scheduler reads these to know
    whether tonight's sweep has finished (and queues it again if a run died part way)."""

    day = models.DateField(help_text="The local day swept")
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    patients = models.PositiveIntegerField(default=0)
    opened = models.PositiveIntegerField(default=0)
    closed = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["day", "finished_at"])]

    def __str__(self) -> str:
        state = f"finished {self.finished_at:%H:%M}" if self.finished_at else "not finished"
        return f"alert sweep of {self.day} ({state})"
