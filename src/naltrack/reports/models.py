"""Each episode's tally, stored: the summary row a report reads instead of every check-in and dose.

A row is derived data, never the record: a write to any of the patient's rows deletes their
tallies in the same transaction (``reports.tallies``), the next report recomputes the missing
ones, and the nightly sweep recomputes every one and mends any that differ.
"""

from __future__ import annotations

from django.db import models

from naltrack.accounts.models import Clinic, User
from naltrack.care.models import Episode, Patient


class StoredTally(models.Model):
    episode = models.OneToOneField(
        Episode, on_delete=models.CASCADE, primary_key=True, related_name="stored_tally"
    )
    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="+")
    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="+")
    # The clinic settings the tally was counted under (heavy drinking thresholds, lapse rule):
    # a tally counted under others is stale.
    basis = models.CharField(max_length=64)

    indication = models.CharField(max_length=16)
    opened = models.DateField()
    started = models.DateField(null=True)
    stopped = models.DateField(null=True)
    restarted_on = models.DateField(null=True)
    had_start_check = models.BooleanField()
    # The dated lists, days as ordinals, in one value (one parse per row):
    # [covered [[first, last, grace], ...], injection days [day, ...], follow-ups [[due, done], ...]]
    days = models.JSONField()
    doses = models.PositiveIntegerField()
    drinking_first_reported = models.PositiveIntegerField()
    drinking_first_heavy = models.PositiveIntegerField()
    drinking_first_abstinent = models.PositiveIntegerField()
    drinking_later_reported = models.PositiveIntegerField()
    drinking_later_heavy = models.PositiveIntegerField()
    drinking_later_abstinent = models.PositiveIntegerField()
    craving_first_total = models.PositiveIntegerField()
    craving_first_count = models.PositiveIntegerField()
    craving_later_total = models.PositiveIntegerField()
    craving_later_count = models.PositiveIntegerField()
    opioid_reported = models.PositiveIntegerField()
    opioid_used = models.PositiveIntegerField()
    screens = models.PositiveIntegerField()
    screens_negative = models.PositiveIntegerField()
    phq9_change = models.FloatField(null=True)

    # What a report splits and filters by.
    formulation = models.CharField(max_length=16, blank=True)
    prescriber = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    therapy = models.BooleanField()
    age_band = models.CharField(max_length=8, blank=True)

    class Meta:
        indexes = [models.Index(fields=["clinic", "opened"])]

    def __str__(self) -> str:
        return f"tally of episode {self.episode_id}"
