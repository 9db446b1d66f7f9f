"""Each episode's figures of the day, stored: the row a report reads instead of every check-in
and dose.

A row is derived data, never the record: a write to any of the patient's rows deletes their
rows in the same transaction (``reports.figures``), a report recounts the missing ones and those
of another day, and the nightly work recounts every one for the new day.
"""

from __future__ import annotations

from django.db import models

from naltrack.accounts.models import Clinic, User
from naltrack.care.models import Episode, Patient


class StoredFigures(models.Model):
    episode = models.OneToOneField(
        Episode, on_delete=models.CASCADE, primary_key=True, related_name="stored_figures"
    )
    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="+")
    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="+")
    as_of = models.DateField()  # the day the figures were worked out for
    # The clinic settings they were counted under (heavy drinking thresholds, lapse rule).
    basis = models.CharField(max_length=64)

    # What a report filters and splits by.
    opened = models.DateField()
    started_on = models.DateField(null=True)
    formulation = models.CharField(max_length=16, blank=True)
    prescriber = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    therapy = models.BooleanField()
    age_band = models.CharField(max_length=8, blank=True)

    # clinical.outcomes.program.EpisodeFigures, field for field.
    indication = models.CharField(max_length=16)
    had_start_check = models.BooleanField()
    started = models.BooleanField()
    second_dose = models.BooleanField()
    days_in_treatment = models.IntegerField(null=True)
    ended = models.BooleanField(null=True)
    reached_30 = models.BooleanField(null=True)
    reached_90 = models.BooleanField(null=True)
    reached_180 = models.BooleanField(null=True)
    continuous_180 = models.BooleanField(null=True)
    days_covered_share = models.FloatField(null=True)
    injections_on_time = models.IntegerField()
    injections_due = models.IntegerField()
    heavy_per_30_first_month = models.FloatField(null=True)
    abstinent_per_30_first_month = models.FloatField(null=True)
    heavy_per_30_after = models.FloatField(null=True)
    abstinent_per_30_after = models.FloatField(null=True)
    opioid_use_per_30 = models.FloatField(null=True)
    screens = models.IntegerField()
    screens_negative = models.IntegerField()
    craving_change = models.FloatField(null=True)
    phq9_change = models.FloatField(null=True)
    stopped = models.BooleanField()
    follow_ups_due = models.IntegerField()
    follow_ups_made = models.IntegerField()
    follow_ups_on_time = models.IntegerField()
    days_to_return = models.IntegerField(null=True)

    class Meta:
        verbose_name_plural = "stored figures"

    def __str__(self) -> str:
        return f"figures of episode {self.episode_id} as of {self.as_of}"
