"""A demo patient's days on treatment: the day's dose, check-in, screens and questionnaires due.

Each day's dose and check-in is drawn from the story (its twists decide the bad days) and
returned for writing in bulk; the periodic records are written as their day comes.
"""

from __future__ import annotations

import datetime as dt
import math

from naltrack.accounts.models import User
from naltrack.care import services
from naltrack.care.models import DoseEvent, Patient, Regimen
from naltrack.clinical import regimens as clinical_regimens
from naltrack.clinical.formulary import XR_INTERVAL_DAYS
from naltrack.demo_clinic.people import CHECK_IN_NOTES, SIDE_EFFECTS, XR_SIDE_EFFECT
from naltrack.demo_clinic.records import DAY, RecordWriter, clamp
from naltrack.demo_clinic.stories import Course, Story, Twist

SUPERVISED_KINDS = {
    "weekday_50_sat_100",
    "alternate_day_100",
    "every_third_day_150",
    "mwf_100_100_150",
}


class DayWriter(RecordWriter):
    """Writes what a day on treatment brings: doses, check-ins, the periodic records."""

    def injection_days(
        self, start: dt.date, until: dt.date, twists: frozenset[Twist]
    ) -> set[dt.date]:
        """Every 28 days (VIVITROL), give or take a day; overdue only if the story says so."""
        if "injection_overdue" in twists:
            # On time until the one due a week or so ago (the story starts 28k + 33-38 days back).
            given = (self.ago(33) - start).days // XR_INTERVAL_DAYS + 1
            return {start + k * XR_INTERVAL_DAYS * DAY for k in range(given)}
        days = []
        day = start
        while day <= until:
            days.append(day)
            due = day + XR_INTERVAL_DAYS * DAY
            day = due + self.rng.choice((-1, 0, 0, 0, 1, 2)) * DAY
            if due <= until < day:
                day = until  # came in on the day it fell due, not a day late
        return set(days)

    def dose(
        self, regimen: Regimen, day: dt.date, start: dt.date, story: Story
    ) -> list[tuple[services.DoseEntry, bool]]:
        """The day's scheduled dose, if any, and whether staff gave it (supervised doses)."""
        if day == self.today and (day != start or story.signs_in):
            return []  # today's dose is reported later in the day
        if clinical_regimens.due_on(regimen.as_clinical(), day) is None:
            return []
        rng = self.rng
        missed = rng.random() < 0.05
        if day == start:
            missed = False
        elif "induction_missed" in story.twists and (day - start).days == 1:
            missed = True
        elif "doses_missed" in story.twists and (self.today - day).days < 7:
            missed = rng.random() < 0.7
        supervised = regimen.kind in SUPERVISED_KINDS or day == start
        status = DoseEvent.Status.MISSED if missed else DoseEvent.Status.TAKEN
        return [(services.DoseEntry(day, status, observed=supervised and not missed), supervised)]

    def doses_flush(
        self,
        regimen: Regimen,
        doses: list[tuple[services.DoseEntry, bool]],
        by_patient: User | None,
    ) -> None:
        """Record the regimen's collected doses: supervised ones by staff, others by the patient."""
        for by_staff, by in ((True, self.clinician), (False, by_patient)):
            batch = [entry for entry, supervised in doses if supervised == by_staff]
            services.doses_record_many(regimen=regimen, doses=batch, by=by)
        doses.clear()

    def heavy_drinking_day(self, story: Story, day: dt.date) -> bool:
        return "heavy_drinking" in story.twists and (self.today - day).days in (1, 3, 4)

    def opioid_use_day(self, story: Story, day: dt.date) -> bool:
        twists = {"opioid_positive", "opioid_use_after_stop"} & story.twists
        return bool(twists) and day == self.ago(3)

    def must_check_in(self, story: Story, day: dt.date) -> bool:
        """A twist's day is always reported: heavy drinking days, the day opioids were used."""
        return self.heavy_drinking_day(story, day) or self.opioid_use_day(story, day)

    def check_in(
        self,
        day: dt.date,
        story: Story,
        *,
        craving: float,
        treated_days: int,
        drinks_risk: bool,
        injected: bool,
        always: bool = False,
    ) -> list[services.CheckInEntry]:
        """The day's check-in, unless the patient skipped it (``always``: the caller decided)."""
        rng, twists = self.rng, story.twists
        forced = self.must_check_in(story, day)
        if day == self.today and (story.signs_in or rng.random() < 0.5) and not forced:
            return []  # not checked in yet today
        if not (always or forced) and rng.random() > story.check_in_rate:
            return []
        if "craving_rising" in twists and (self.today - day).days < 7:
            craving += 4
        drinks = 0
        lapse = 0.12 * math.exp(-treated_days / 30) + 0.02
        if drinks_risk and rng.random() < lapse:
            drinks = rng.randint(1, 3)
        if self.heavy_drinking_day(story, day):
            drinks = rng.randint(6, 9)
        early = treated_days < 21
        side_effects = [
            effect
            for effect in SIDE_EFFECTS
            if rng.random() < (0.12 if early and effect in ("nausea", "headache") else 0.02)
        ]
        if injected and rng.random() < 0.5:
            side_effects.append(XR_SIDE_EFFECT)
        return [
            services.CheckInEntry(
                day=day,
                craving=clamp(craving + rng.gauss(0, 0.9), 0, 10),
                drinks=drinks,
                opioid_use=self.opioid_use_day(story, day),
                side_effects=tuple(side_effects),
                mood=clamp(
                    2.5 + 1.5 * (1 - math.exp(-treated_days / 40)) + rng.gauss(0, 0.7), 1, 5
                ),
                note=rng.choice(CHECK_IN_NOTES) if rng.random() < 0.06 else "",
            )
        ]

    def periodic(
        self,
        patient: Patient,
        course: Course,
        start: dt.date,
        day: dt.date,
        twists: frozenset[Twist],
    ) -> None:
        """Questionnaires every 4 weeks, urine screens, the 3-month liver tests."""
        rng = self.rng
        days = (day - start).days
        # The item-9 answer of the story must stay the latest PHQ-9.
        item9_due = "phq9_item9" in twists and day >= self.ago(2)
        if days and days % 28 == 0 and not item9_due:
            self.phq9(patient, clamp(8 * math.exp(-days / 60) + rng.gauss(1, 1.5), 0, 12), day)
            if course.indication != "OUD":
                self.pacs(patient, clamp(18 * math.exp(-days / 45) + rng.gauss(2, 2), 0, 30), day)
        screen_every = 14 if course.indication != "AUD" else 28
        if days and days % screen_every == 7:
            self.drug_screen(patient, day, positive=False)
        if "opioid_positive" in twists and day == self.ago(3):
            self.drug_screen(patient, day, positive=True)
        if "phq9_item9" in twists and day == self.ago(2):
            self.phq9(patient, rng.randint(15, 17), day, item9=1)
        liver_twist = "liver_high" in twists or "liver_very_high" in twists
        if days == 90 and not liver_twist:
            self.labs(patient, day, alt=rng.uniform(14, 40), ast=rng.uniform(15, 36))
