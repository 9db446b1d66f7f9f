"""The demo clinic's record: about 60 synthetic patients in every state of treatment.

Every row of the clinical record is written through ``care.services``, so the demo obeys the
rules a real record does (start checks, regimen calendars, stopping plans, follow-ups, audit) and
the clinician's day, charts and alerts look like a clinic's on first start. (Patients themselves
are created directly: there is no registration service yet.) Every person, number and payer is
invented.

The clinic is the cast of ``stories``. ``demo_history_build`` turns each story into months of
dated records ending on ``today`` (a course at a time here, its days in ``days``, single records
in ``records``) and draws every random choice from the ``rng`` it is given: the same seed gives
the same clinic, relative to the day it is built. ``deletion`` deletes it again.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from typing import Any

from naltrack.accounts.models import Clinic, User
from naltrack.care import selectors, services
from naltrack.care.models import Episode, LabResult, Patient
from naltrack.clinical import regimens as clinical_regimens
from naltrack.clinical.formulary import XR_DOSE_MG
from naltrack.clinical.start_check import ANALYTES
from naltrack.clinical.vocabulary import ORAL, XR_INJECTION
from naltrack.demo_clinic.days import DayWriter
from naltrack.demo_clinic.people import (
    FAMILY_NAMES,
    FEMALE_NAMES,
    FOLLOW_UP_METHODS,
    FOLLOW_UP_NOTES,
    MALE_NAMES,
    PAYERS,
    PROGRESS_NOTES,
)
from naltrack.demo_clinic.records import DAY
from naltrack.demo_clinic.stories import Course, Stop, Story, Twist, cast

# The panel a screening story's urine screen tested: all of it after Sublocade (a clinician still
# decides); opiates and oxycodone only, the opioid reported, for the one that missed fentanyl.
SCREEN_PANELS: dict[Twist, dict[str, str]] = {
    "er_buprenorphine": dict.fromkeys(ANALYTES, "negative"),
    "panel_incomplete": {"opiates": "negative", "oxycodone": "negative"},
}


class ChartWriter(DayWriter):
    """Writes one clinic's stories, a patient at a time, through the services."""

    def __init__(self, *, clinic: Clinic, clinician: User, today: dt.date, rng: random.Random):
        super().__init__(clinic=clinic, clinician=clinician, today=today, rng=rng)
        # Names drawn without repeats (there are more than patients): no two charts look alike.
        self.given_names = {
            Patient.Sex.FEMALE: rng.sample(FEMALE_NAMES, len(FEMALE_NAMES)),
            Patient.Sex.MALE: rng.sample(MALE_NAMES, len(MALE_NAMES)),
        }
        self.family_names = rng.sample(FAMILY_NAMES, len(FAMILY_NAMES))

    # - the patient ---------------------------------------------------------------------------

    def patient(self, story: Story, number: int, user: User | None) -> Patient:
        rng = self.rng
        if story.person is not None:
            given, family, born, sex = story.person
        else:
            sex = Patient.Sex.FEMALE if rng.random() < 0.4 else Patient.Sex.MALE
            if not self.given_names[sex]:
                sex = Patient.Sex.MALE if sex == Patient.Sex.FEMALE else Patient.Sex.FEMALE
            given, family = self.given_names[sex].pop(), self.family_names.pop()
            born = self.today - dt.timedelta(days=rng.randint(22 * 365, 66 * 365))
        payer = rng.choice(PAYERS) if rng.random() < 0.9 else ""
        member_id = f"{payer[:3].upper()}{rng.randrange(10**7, 10**8)}" if payer else ""
        relative = rng.choice(FEMALE_NAMES + MALE_NAMES)
        patient = services.patient_create(
            clinic=self.clinic,
            by=self.clinician,
            user=user,
            given_name=given,
            family_name=family,
            date_of_birth=born,
            sex=sex,
            pregnancy=Patient.Pregnancy.NOT_PREGNANT if sex == Patient.Sex.FEMALE else "",
            email=f"{given}.{family}@mail.example".lower(),
            phone=self.phone(),
            medical_record_number=f"RRC-{1000 + number}",
            emergency_contact_name=f"{relative} {family}",
            emergency_contact_phone=self.phone(),
            insurance_payer=payer,
            insurance_member_id=member_id,
            reminder_channel=rng.choice(Patient.Channel.values),
            reminder_time=dt.time(rng.choice((8, 9, 19, 20)), 0),
        )
        # Registered on the intake day, not today: otherwise every patient would count as new.
        intake = self.ago(story.courses[0].opened_ago)
        registered = dt.datetime.combine(intake, dt.time(9, 0), tzinfo=self.zone)
        Patient.objects.filter(pk=patient.pk).update(created_at=registered)
        patient.created_at = registered
        return patient

    def phone(self) -> str:
        # 555-0100 to 555-0199 (here in Chicago's area code): the range reserved for fictional
        # numbers. Written with the country code, so it reads the same whatever
        # NALTRACK_PHONE_REGION says.
        return f"+1 312 555 01{self.rng.randrange(100):02d}"

    def story(self, patient: Patient, story: Story) -> None:
        by_patient = patient.user
        for index, course in enumerate(story.courses):
            following = story.courses[index + 1] if index + 1 < len(story.courses) else None
            quiet_from = self.ago(following.opened_ago) if following else self.today + DAY
            self.course(patient, course, story, by_patient, quiet_from)

    # - one course of treatment ---------------------------------------------------------------

    def course(
        self,
        patient: Patient,
        course: Course,
        story: Story,
        by_patient: User | None,
        quiet_from: dt.date,
    ) -> None:
        """Intake, start, the days on treatment, then the stop and after (up to ``quiet_from``)."""
        rng, twists = self.rng, story.twists
        opened = self.ago(course.opened_ago)
        episode = services.episode_open(
            patient=patient, indication=course.indication, opened_on=opened, by=self.clinician
        )
        exposures = self.intake(patient, course, opened, twists)
        if course.kind is None or course.started_ago is None:
            self.screening(episode, course, opened, exposures, twists)
            self.sessions(patient, course, opened + 2 * DAY, self.today + 14 * DAY)
            return
        start = self.ago(course.started_ago)
        formulation = XR_INJECTION if course.kind == "xr_monthly" else ORAL
        self.drug_screen(patient, start, positive=False)
        services.start_check_run(
            episode=episode,
            inputs=self.start_inputs(patient, course, start, formulation, exposures),
            by=self.clinician,
        )
        regimen = services.regimen_start(
            episode=episode, kind=course.kind, start=start, prescriber=self.clinician
        )
        if course.indication != "AUD":
            self.cows(patient, start)
        label = clinical_regimens.REGIMENS[course.kind].label  # type: ignore[index]
        services.note_add(
            patient=patient,
            text=f"Start check ready; started {label.lower()}. Overdose risk and naloxone "
            "discussed, wallet card given.",
            by=self.clinician,
        )

        stop = course.stop
        plan_day = self.ago(stop.ago) if stop else None
        # Doses stop being recorded when a taper starts: ``dose_record`` would store the regimen's
        # 50 mg, not the step's 25 mg (the regimen's calendar knows nothing of the taper).
        on_until = min(self.today, plan_day - DAY) if plan_day else self.today
        injections = (
            self.injection_days(start, on_until, twists) if course.kind == "xr_monthly" else set()
        )
        switch_day = start + course.switch[1] * DAY if course.switch else None
        base_craving = rng.randint(5, 8)
        floor = rng.randint(0, 2)
        site = rng.choice(clinical_regimens.SITES)
        last_injection = None
        # The daily records are written in bulk: check-ins per course, doses per regimen.
        check_ins: list[services.CheckInEntry] = []
        doses: list[tuple[services.DoseEntry, bool]] = []
        day = start
        while day <= on_until:
            if course.switch and day == switch_day:
                self.doses_flush(regimen, doses, by_patient)
                regimen = services.regimen_start(
                    episode=episode, kind=course.switch[0], start=day, prescriber=self.clinician
                )
            if day in injections:
                services.injection_record(
                    regimen=regimen,
                    given_on=day,
                    site=site,
                    lot=f"NX{rng.randrange(10000, 99999)}",
                    given_by=self.clinician,
                )
                last_injection, site = day, clinical_regimens.next_site(site)
            elif formulation == ORAL:
                doses += self.dose(regimen, day, start, story)
            treated_days = (day - start).days
            check_ins += self.check_in(
                day,
                story,
                craving=floor + (base_craving - floor) * math.exp(-treated_days / 30),
                treated_days=treated_days,
                drinks_risk=course.indication != "OUD",
                injected=last_injection is not None and (day - last_injection).days <= 2,
            )
            self.periodic(patient, course, start, day, twists)
            day += DAY
        self.doses_flush(regimen, doses, by_patient)
        if "liver_high" in twists or "liver_very_high" in twists:
            self.liver_raised(patient, "liver_very_high" in twists)
        self.sessions(patient, course, start + 3 * DAY, plan_day or self.today + 21 * DAY)
        if rng.random() < 0.5:
            services.note_add(patient=patient, text=rng.choice(PROGRESS_NOTES), by=self.clinician)
        if stop is not None and plan_day is not None:
            self.stop(episode, stop, plan_day, formulation, last_injection)
            check_ins += self.after_stop(course, story, start, plan_day, quiet_from, floor)
        services.check_ins_record_many(patient=patient, check_ins=check_ins, by=by_patient)

    def after_stop(
        self,
        course: Course,
        story: Story,
        start: dt.date,
        plan_day: dt.date,
        quiet_from: dt.date,
        floor: int,
    ) -> list[services.CheckInEntry]:
        """Fewer check-ins once naltrexone stops, with cravings drifting back up."""
        assert course.stop is not None  # only called for a course that stops
        rng, check_ins = self.rng, []
        day = plan_day
        after_until = min(self.today, quiet_from - DAY)
        while day <= after_until:
            days_off = (day - plan_day).days
            # Lost to follow-up: no more check-ins; others fade out over the follow-up months.
            lost = course.stop.follow_ups_done == 0
            rate = 0 if lost else 0.5 if days_off < 14 else 0.15 if days_off < 60 else 0
            if rng.random() < rate or self.must_check_in(story, day):
                check_ins += self.check_in(
                    day,
                    story,
                    craving=floor + 1 + 2 * (1 - math.exp(-days_off / 20)),
                    treated_days=(day - start).days,
                    drinks_risk=course.indication != "OUD",
                    injected=False,
                    always=True,
                )
            day += DAY
        return check_ins

    def intake(
        self, patient: Patient, course: Course, opened: dt.date, twists: frozenset[Twist]
    ) -> list[dict[str, str]]:
        """The first visit: questionnaires, opioid history, baseline liver tests."""
        rng = self.rng
        if course.indication != "OUD":
            self.instrument(
                patient,
                "audit_c",
                {"q1": rng.randint(3, 4), "q2": rng.randint(2, 4), "q3": rng.randint(2, 4)},
                opened,
            )
            self.pacs(patient, rng.randint(16, 26), opened)
        self.phq9(patient, rng.randint(3, 13), opened)
        exposures = []
        if "er_buprenorphine" in twists:
            # Monthly Sublocade injections, the last one 3-6 months ago.
            last_use = self.ago(rng.randint(95, 175))
            services.opioid_exposure_record(
                patient=patient,
                kind="buprenorphine_extended_release",
                last_use=last_use,
                substance="Sublocade",
                by=self.clinician,
            )
            exposures.append(
                {"kind": "buprenorphine_extended_release", "last_use": last_use.isoformat()}
            )
        elif course.indication != "AUD":
            if "not_yet" in twists:
                kind, substance, days = "short_acting", "fentanyl", rng.randint(1, 3)
            elif "panel_incomplete" in twists:
                kind, substance, days = "short_acting", "oxycodone", rng.randint(12, 20)
            elif rng.random() < 0.25:
                kind, substance, days = (
                    "buprenorphine",
                    "buprenorphine-naloxone",
                    rng.randint(16, 30),
                )
            else:
                kind = "short_acting"
                substance = rng.choice(("heroin", "fentanyl", "oxycodone", "hydrocodone"))
                days = rng.randint(10, 25)
            start = self.ago(course.started_ago) if course.started_ago is not None else opened
            last_use = min(opened, start - days * DAY)
            services.opioid_exposure_record(
                patient=patient,
                kind=kind,
                last_use=last_use,
                substance=substance,
                by=self.clinician,
            )
            exposures.append({"kind": kind, "last_use": last_use.isoformat()})
        # A screening patient with a start check run has results; others may wait for them.
        if course.started_ago is None and not twists and rng.random() < 0.3:
            return exposures  # liver tests ordered, results not back yet
        self.labs(patient, opened, alt=rng.uniform(14, 38), ast=rng.uniform(15, 35))
        return exposures

    def screening(
        self,
        episode: Episode,
        course: Course,
        opened: dt.date,
        exposures: list[dict[str, str]],
        twists: frozenset[Twist],
    ) -> None:
        """A screening patient's urine screen and start check, when the story has one: with
        opioids used days ago it says not_yet; after Sublocade, or with a screen that did not test
        fentanyl, review. The check reads the screen and exposures from the record, as the
        clinician's page does."""
        if not twists & {"not_yet", "er_buprenorphine", "panel_incomplete"}:
            return
        patient = episode.patient
        positive = "screen_positive" in twists
        panel = next((SCREEN_PANELS[twist] for twist in twists if twist in SCREEN_PANELS), None)
        self.drug_screen(patient, opened, positive=positive, panel=panel)
        inputs = self.start_inputs(patient, course, opened, ORAL, exposures)
        record = selectors.start_check_record(patient=patient, on=opened).as_inputs()
        inputs["opioid_exposures"] = record["opioid_exposures"]
        inputs["urine_drug_screen"] = record["urine_drug_screen"]
        services.start_check_run(episode=episode, inputs=inputs, by=self.clinician)

    def start_inputs(
        self,
        patient: Patient,
        course: Course,
        day: dt.date,
        formulation: str,
        exposures: list[dict[str, str]],
    ) -> dict[str, Any]:
        """The start check's inputs (the form docs/calculators.md gives) from what the record holds."""
        labs = LabResult.objects.filter(patient=patient, collected_on__lte=day).order_by(
            "-collected_on"
        )
        inputs: dict[str, Any] = {
            "date": day.isoformat(),
            "indication": course.indication,
            "formulation": formulation,
            "opioid_exposures": exposures,
            "urine_drug_screen": {"date": day.isoformat(), "opioids_positive": False},
            "labs": [
                {
                    "test": lab.test,
                    "value": float(lab.value),
                    "upper_limit_normal": float(lab.upper_limit_normal),
                    "date": lab.collected_on.isoformat(),
                }
                for lab in labs[:4]
            ],
            "acute_hepatitis_or_liver_failure": False,
            "needs_opioid_analgesics": False,
            "pregnant": False,
            "naltrexone_hypersensitivity": False,
            "current_medications": [],
        }
        if exposures:
            inputs["naloxone_challenge"] = {"date": day.isoformat(), "withdrawal_signs": False}
        return inputs

    def stop(
        self,
        episode: Episode,
        stop: Stop,
        plan_day: dt.date,
        formulation: str,
        last_injection: dt.date | None,
    ) -> None:
        inputs: dict[str, Any] = {
            "start": plan_day.isoformat(),
            "formulation": formulation,
            "strategy": stop.strategy,
            "reason": stop.reason,
        }
        if formulation == XR_INJECTION:
            assert last_injection is not None  # a started injection course has one
            inputs |= {"current_dose_mg": XR_DOSE_MG, "last_injection": last_injection.isoformat()}
        else:
            inputs["current_dose_mg"] = clinical_regimens.DAILY_DOSE_MG
            if stop.strategy == "step_down":
                inputs["step_days"] = 7
        plan = services.discontinuation_plan_store(
            episode=episode, inputs=inputs, by=self.clinician
        )
        services.note_add(
            patient=episode.patient,
            text=f"Stopping plan made ({stop.reason.lower()}). Overdose risk after stopping "
            "explained; naloxone confirmed; follow-up contacts booked.",
            by=self.clinician,
        )
        due = plan.follow_ups.filter(due_on__lte=self.today).order_by("due_on")
        for follow_up in due[: stop.follow_ups_done]:
            services.follow_up_record(
                follow_up=follow_up,
                done_on=min(self.today, follow_up.due_on + self.rng.randint(0, 2) * DAY),
                method=self.rng.choice(FOLLOW_UP_METHODS),
                note=self.rng.choice(FOLLOW_UP_NOTES),
                by=self.clinician,
            )


def demo_history_build(
    *, clinic: Clinic, clinician: User, patient_user: User, today: dt.date, rng: random.Random
) -> list[Patient]:
    """Fill ``clinic`` with the cast's months of history up to ``today``; the patients written.

    ``patient_user`` signs in as the first patient, Jordan Lee, on oral naltrexone for opioids.
    """
    writer = ChartWriter(clinic=clinic, clinician=clinician, today=today, rng=rng)
    patients = []
    with services.alerts_deferred():
        for number, story in enumerate(cast(rng), start=1):
            patient = writer.patient(story, number, patient_user if story.signs_in else None)
            writer.story(patient, story)
            patients.append(patient)
        services.episodes_finish_tapers(today=today)
        # Every patient once, as of the demo's today: the deferred refreshes run as the block ends.
        for patient in patients:
            services.alerts_refresh(patient=patient, today=today)
    return patients
