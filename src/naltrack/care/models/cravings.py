"""The patient's own craving plan, and the cravings they log while working through it.

Both are the patient's record (``PatientRow``: their clinic, scoped by ``visible_to``), written
only through ``care.services.cravings``.
"""

from __future__ import annotations

from django.db import models

from naltrack.care.models.patient import Patient, PatientRow

# The plan's text fields: long enough for a few sentences, short enough to read on a phone.
PLAN_TEXT_MAX = 1000
PLAN_ITEM_MAX = 200
NAME_MAX = 100
PHONE_MAX = 40


class CravingPlan(PatientRow):
    """What the patient wrote once about their cravings (one per patient, editable)."""

    patient = models.OneToOneField(Patient, on_delete=models.PROTECT, related_name="craving_plan")
    triggers = models.TextField(blank=True, max_length=PLAN_TEXT_MAX)
    warning_signs = models.TextField(blank=True, max_length=PLAN_TEXT_MAX)
    help_1 = models.CharField("first thing that helps", max_length=PLAN_ITEM_MAX)
    help_2 = models.CharField("second thing that helps", max_length=PLAN_ITEM_MAX, blank=True)
    help_3 = models.CharField("third thing that helps", max_length=PLAN_ITEM_MAX, blank=True)
    person_1_name = models.CharField(max_length=NAME_MAX, blank=True)
    person_1_phone = models.CharField(max_length=PHONE_MAX, blank=True)
    person_2_name = models.CharField(max_length=NAME_MAX, blank=True)
    person_2_phone = models.CharField(max_length=PHONE_MAX, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    @property
    def helps(self) -> list[str]:
        return [text for text in (self.help_1, self.help_2, self.help_3) if text]

    @property
    def people(self) -> list[tuple[str, str]]:
        """(name, phone) of the people to call that the patient filled in."""
        return [
            (name, phone)
            for name, phone in (
                (self.person_1_name, self.person_1_phone),
                (self.person_2_name, self.person_2_phone),
            )
            if name or phone
        ]


class CravingEpisode(PatientRow):
    """One "I'm having a craving now": how strong, what the patient tried, and how it went."""

    class Outcome(models.TextChoices):
        EASED = "eased", "It passed or got easier"
        SAME = "same", "About the same"
        STRONGER = "stronger", "It got stronger"
        USED = "used", "I drank or used"

    class MightUse(models.TextChoices):
        NO = "no", "No"
        NOT_SURE = "not_sure", "I’m not sure"
        YES = "yes", "Yes"

    patient = models.ForeignKey(Patient, on_delete=models.PROTECT, related_name="craving_episodes")
    started_at = models.DateTimeField()
    start_rating = models.PositiveSmallIntegerField(help_text="Craving 0-10 at the start")
    might_use = models.CharField(max_length=10, choices=MightUse.choices)
    tried = models.JSONField(default=list, blank=True, help_text="What the patient tried, in order")
    tried_at = models.DateTimeField(null=True, blank=True)
    end_rating = models.PositiveSmallIntegerField(null=True, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["patient", "started_at"])]

    @property
    def is_finished(self) -> bool:
        return self.ended_at is not None
