"""The demo clinic's record: about 60 synthetic patients in every state of treatment.

Every row of the clinical record is written through ``care.services``, so the demo obeys the
rules a real record does (start checks, regimen calendars, stopping plans, follow-ups, audit) and
the clinician's day, charts and alerts look like a clinic's on first start. (Patients themselves
are created directly: there is no registration service yet.) Every person, number and payer is
invented.

The clinic is a cast of ``Story`` rows: one or two courses of treatment (a restart is a second
course), each with when it opened, started, on what, and whether and how it stopped; and a few
``twists`` that give the alerts a clinician must see (raised liver enzymes, an overdue injection,
rising cravings...). ``demo_history_build`` turns each story into months of dated records ending
on ``today`` and draws every random choice from the ``rng`` it is given: the same seed gives the
same clinic, relative to the day it is built.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal
from zoneinfo import ZoneInfo

from naltrack.accounts.models import Clinic, User
from naltrack.care import services
from naltrack.care.models import (
    Alert,
    CheckIn,
    ClinicalNote,
    DoseEvent,
    DrugScreen,
    Episode,
    FollowUp,
    Injection,
    InstrumentResponse,
    LabResult,
    OpioidExposure,
    Patient,
    Regimen,
    StartCheck,
    TaperPlan,
    TherapySession,
)
from naltrack.clinical import regimens as clinical_regimens
from naltrack.clinical.formulary import XR_DOSE_MG, XR_INTERVAL_DAYS

DAY = dt.timedelta(days=1)

Twist = Literal[
    "not_yet",  # screening: opioids used days ago, so the start check says not_yet
    "screen_positive",  # screening: and the urine screen was positive
    "induction_missed",  # the first day after the start dose was missed
    "liver_high",  # 3-month ALT above 3x the upper limit of normal
    "liver_very_high",  # 3-month ALT above 5x
    "injection_overdue",  # the last injection was more than 28 days ago
    "craving_rising",  # a bad last week
    "heavy_drinking",  # heavy drinking days in the last week
    "opioid_positive",  # an opioid-positive screen while on naltrexone
    "doses_missed",  # several oral doses missed in the last week
    "phq9_item9",  # the latest PHQ-9 answers item 9 above 0
    "opioid_use_after_stop",  # reports opioid use after stopping
]


@dataclass(frozen=True)
class Stop:
    """How a course ends: the plan is made ``ago`` days before today.

    For ``stop`` that is the first day without naltrexone (for the injection, the day the next one
    was due); for ``step_down`` the first day of the reduced dose (NALTRACK: 7 days, then stop).
    """

    ago: int
    reason: str
    strategy: Literal["stop", "step_down"] = "stop"
    follow_ups_done: int = 2


@dataclass(frozen=True)
class Course:
    """One episode: opened, then (unless still screening) started on ``kind``."""

    indication: Literal["AUD", "OUD", "OUD_AUD"]
    opened_ago: int
    kind: str | None = None
    started_ago: int | None = None
    switch: tuple[str, int] | None = None  # a supervised regimen, and days after the start
    stop: Stop | None = None


@dataclass(frozen=True)
class Story:
    courses: tuple[Course, ...]
    twists: frozenset[Twist] = frozenset()
    check_in_rate: float = 0.85
    # The demo patient who signs in: leaves today's check-in and dose for the visitor to record.
    signs_in: bool = False


# --- the synthetic people ----------------------------------------------------------------------

FEMALE_NAMES = (
    "Maria", "Aisha", "Rosa", "Emily", "Grace", "Hannah", "Keisha", "Lauren", "Megan", "Nadia",
    "Olivia", "Priya", "Rachel", "Sofia", "Tanya", "Vanessa", "Wendy", "Yolanda", "Zoe", "Brenda",
    "Carmen", "Diana", "Erin", "Fatima", "Gloria", "Helen", "Irene", "Julia", "Kara", "Leah",
    "Monica", "Naomi", "Paula",
)  # fmt: skip
MALE_NAMES = (
    "Devon", "Tom", "Marcus", "Andre", "Brian", "Carlos", "Daniel", "Eric", "Frank", "Gavin",
    "Hector", "Isaac", "Jamal", "Kevin", "Luis", "Mason", "Nathan", "Omar", "Patrick", "Ray",
    "Samuel", "Tyler", "Victor", "Wesley", "Caleb", "Derek", "Elijah", "Felix", "Glen", "Henry",
    "Ivan", "Joel", "Keith", "Lamar", "Miles", "Noah",
)  # fmt: skip
FAMILY_NAMES = (
    "Santos", "Clarke", "Bello", "Kowalski", "Jimenez", "Abbott", "Brennan", "Castillo", "Dawson",
    "Ellison", "Fischer", "Garrison", "Hale", "Ingram", "Jensen", "Keller", "Lindqvist", "Mercer",
    "Novak", "Okafor", "Pruitt", "Quinlan", "Ramsey", "Sorensen", "Thornton", "Underwood",
    "Valdez", "Whitaker", "Yates", "Zamora", "Ashby", "Bishop", "Conley", "Delgado", "Eastman",
    "Fairbanks", "Gutierrez", "Holloway", "Iverson", "Jacobs", "Kingsley", "Lacroix", "Marsh",
    "Nyberg", "Oduya", "Pacheco", "Rowland", "Sterling", "Tremblay", "Vance", "Winslow", "Yoder",
    "Ambrose", "Beckett", "Carver", "Dunmore", "Espinoza", "Farrow", "Gallagher", "Hargrove",
    "Kaminski", "Lowell", "Mendez", "Northcott",
)  # fmt: skip
PAYERS = (
    "Blue River Health",
    "Summit Care Plan",
    "Lakeshore Community Health",
    "Northfield Mutual",
    "Cedar Valley Health",
    "State Medical Assistance (demo)",
)
JORDAN = ("Jordan", "Lee", dt.date(1986, 4, 12), Patient.Sex.MALE)

# --- what a check-in, a note or a session says ---------------------------------------------------

SIDE_EFFECTS = ("nausea", "headache", "dizziness", "tiredness", "trouble_sleeping", "anxiety")
XR_SIDE_EFFECT = "injection_site_pain"
CHECK_IN_NOTES = (
    "Good week overall.",
    "Work was stressful, but I stayed on track.",
    "Slept badly last night.",
    "Went to my group meeting.",
    "Family visit went well.",
    "Hard day, called my sponsor.",
    "Feeling more like myself.",
    "Tired after a double shift.",
)
SESSION_NOTES = (
    "Worked on triggers and a plan for weekends.",
    "Reviewed coping skills; patient engaged.",
    "Discussed sleep and routine.",
    "Talked through a recent lapse without judgement; plan updated.",
    "Goal setting for the next month.",
)
PROGRESS_NOTES = (
    "Doing well on treatment. Cravings lower, attending sessions. Continue current plan.",
    "Reports mild nausea in the mornings; advised taking the tablet with food.",
    "Back at work part-time. Discussed what to do if cravings return.",
    "Reviewed naloxone: kit at home, partner knows how to use it.",
    "Wallet card checked: patient carries it. Reminded to tell any dentist or surgeon.",
)
STOP_REASONS = {
    "stable": "Patient's choice: feels stable after months of treatment",
    "moving": "Moving out of the area; referred to a clinic there",
    "nausea": "Persistent nausea; prefers to stop",
    "completed": "Completed the planned course",
    "lost": "Stopped attending; not reachable by phone",
}
FOLLOW_UP_NOTES = (
    "Doing well, no use. Naloxone at home.",
    "Some cravings at weekends; offered a restart appointment.",
    "Left a message, then spoke the next day: stable.",
    "Attends a mutual-help group twice a week.",
)
SUPERVISED_KINDS = {
    "weekday_50_sat_100",
    "alternate_day_100",
    "every_third_day_150",
    "mwf_100_100_150",
}
FOLLOW_UP_METHODS = ("phone", "phone", "visit", "video", "message")


def _cast(rng: random.Random) -> list[Story]:
    """The clinic's patients: how many of each kind, with their days drawn from ``rng``."""
    r = rng.randint

    def one(course: Course, *twists: Twist) -> Story:
        return Story((course,), frozenset(twists))

    def started(indication: Any, kind: str, days_ago: int, **kw: Any) -> Course:
        # Opened for intake and tests some days before the first dose.
        return Course(indication, days_ago + r(3, 12), kind, days_ago, **kw)

    def stopping(
        indication: Any, kind: str, days_ago: int, plan_ago: int, reason: str, **kw: Any
    ) -> Course:
        stop = Stop(plan_ago, STOP_REASONS[reason], **kw)
        return started(indication, kind, days_ago, stop=stop)

    supervised = ("mwf_100_100_150", "mwf_100_100_150", "weekday_50_sat_100", "alternate_day_100")
    return [
        Story((started("OUD", "oud_induction", 150),), check_in_rate=0.96, signs_in=True),
        # Screening: waiting for tests, or opioids used too recently to start.
        *(one(Course("AUD", r(1, 6))) for _ in range(3)),
        *(one(Course("OUD", r(0, 3)), "not_yet") for _ in range(2)),
        one(Course("OUD_AUD", 1), "not_yet", "screen_positive"),
        # Induction: started in the last days.
        one(started("OUD", "oud_induction", 0)),
        one(started("OUD", "oud_induction", 1)),
        one(started("AUD", "aud_daily", 1)),
        one(started("OUD", "oud_induction", 2), "induction_missed"),
        # Oral naltrexone for alcohol, 50 mg daily.
        *(one(started("AUD", "aud_daily", r(20, 175))) for _ in range(9)),
        one(started("AUD", "aud_daily", r(93, 100)), "liver_high"),
        one(started("AUD", "aud_daily", r(93, 100)), "liver_very_high"),
        one(started("AUD", "aud_daily", r(40, 120)), "craving_rising"),
        one(started("AUD", "aud_daily", r(30, 90)), "heavy_drinking"),
        one(started("AUD", "aud_daily", r(60, 150)), "phq9_item9"),
        # Oral naltrexone for opioids: 25 mg, then 50 mg daily.
        *(one(started("OUD", "oud_induction", r(14, 170))) for _ in range(5)),
        one(started("OUD_AUD", "oud_induction", r(30, 120))),
        one(started("OUD", "oud_induction", r(30, 120)), "opioid_positive"),
        one(started("OUD", "oud_induction", r(30, 120)), "doses_missed"),
        # Supervised schedules after a 50 mg daily start (REVIA; KJOME2011 for Mon/Wed/Fri).
        *(
            one(started("OUD", "oud_induction", r(40, 160), switch=(kind, r(7, 21))))
            for kind in supervised
        ),
        # The monthly injection; the overdue one was on time until the one due a week or so ago.
        *(one(started("AUD", "xr_monthly", r(10, 175))) for _ in range(5)),
        *(one(started("OUD", "xr_monthly", r(10, 175))) for _ in range(6)),
        one(started("OUD_AUD", "xr_monthly", 28 * r(2, 4) + r(33, 38)), "injection_overdue"),
        one(started("OUD", "xr_monthly", r(60, 150)), "opioid_positive"),
        # Tapering: a clinician's step-down in progress (NALTRACK).
        one(stopping("AUD", "aud_daily", r(100, 170), 2, "stable", strategy="step_down")),
        one(stopping("OUD", "oud_induction", r(100, 170), 4, "completed", strategy="step_down")),
        # Stopped: recently with follow-ups done, recently with none done, or long ago.
        one(stopping("AUD", "aud_daily", r(70, 120), 24, "lost", follow_ups_done=0)),
        one(stopping("OUD", "oud_induction", r(80, 140), 36, "stable", follow_ups_done=3)),
        one(stopping("OUD", "oud_induction", r(60, 100), 21, "moving"), "opioid_use_after_stop"),
        one(stopping("AUD", "aud_daily", r(25, 40), 12, "nausea", follow_ups_done=1)),
        one(stopping("AUD", "aud_daily", r(140, 178), r(95, 125), "stable", follow_ups_done=4)),
        one(stopping("AUD", "aud_daily", r(140, 178), r(95, 125), "moving", follow_ups_done=4)),
        one(stopping("OUD", "oud_induction", 175, 110, "completed", follow_ups_done=5)),
        one(stopping("OUD", "xr_monthly", 178, 122, "stable", follow_ups_done=3)),
        # Restarted: a stopped course, then a new episode linked to it.
        Story(
            (
                stopping("AUD", "aud_daily", 176, 130, "stable", follow_ups_done=5),
                started("AUD", "xr_monthly", 24),
            )
        ),
        Story(
            (
                stopping("OUD", "oud_induction", 170, 120, "stable", follow_ups_done=5),
                started("OUD", "xr_monthly", 8),
            )
        ),
    ]


# --- writing the record --------------------------------------------------------------------------


def _clamp(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))


class _ChartWriter:
    """Writes one clinic's stories, a patient at a time, through the services."""

    def __init__(self, *, clinic: Clinic, clinician: User, today: dt.date, rng: random.Random):
        self.clinic = clinic
        self.clinician = clinician
        self.today = today
        self.rng = rng
        self.zone = ZoneInfo(clinic.time_zone)
        # Names drawn without repeats (there are more than patients): no two charts look alike.
        self.given_names = {
            Patient.Sex.FEMALE: rng.sample(FEMALE_NAMES, len(FEMALE_NAMES)),
            Patient.Sex.MALE: rng.sample(MALE_NAMES, len(MALE_NAMES)),
        }
        self.family_names = rng.sample(FAMILY_NAMES, len(FAMILY_NAMES))

    def ago(self, days: int) -> dt.date:
        return self.today - days * DAY

    # - the patient ---------------------------------------------------------------------------

    def patient(self, story: Story, number: int, user: User | None) -> Patient:
        rng = self.rng
        if story.signs_in:
            given, family, born, sex = JORDAN
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
        # 555-0100 to 555-0199: the range reserved for fictional numbers.
        return f"(555) 555-01{self.rng.randrange(100):02d}"

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
        formulation = "xr_injection" if course.kind == "xr_monthly" else "oral"
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
            elif formulation == "oral":
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
        if course.indication != "AUD":
            if "not_yet" in twists:
                kind, substance, days = "short_acting", "fentanyl", rng.randint(1, 3)
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
        if course.started_ago is None and "not_yet" not in twists and rng.random() < 0.3:
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
        """A screening patient: with opioids used days ago, the start check says not_yet."""
        if "not_yet" not in twists:
            return
        positive = "screen_positive" in twists
        self.drug_screen(episode.patient, opened, positive=positive)
        inputs = self.start_inputs(episode.patient, course, opened, "oral", exposures)
        inputs["urine_drug_screen"] = {"date": opened.isoformat(), "opioids_positive": positive}
        services.start_check_run(episode=episode, inputs=inputs, by=self.clinician)

    def start_inputs(
        self,
        patient: Patient,
        course: Course,
        day: dt.date,
        formulation: str,
        exposures: list[dict[str, str]],
    ) -> dict[str, Any]:
        """The start check's inputs (CALCULATORS.md form) from what the record holds."""
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
                craving=_clamp(craving + rng.gauss(0, 0.9), 0, 10),
                drinks=drinks,
                opioid_use=self.opioid_use_day(story, day),
                side_effects=tuple(side_effects),
                mood=_clamp(
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
            self.phq9(patient, _clamp(8 * math.exp(-days / 60) + rng.gauss(1, 1.5), 0, 12), day)
            if course.indication != "OUD":
                self.pacs(patient, _clamp(18 * math.exp(-days / 45) + rng.gauss(2, 2), 0, 30), day)
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

    def liver_raised(self, patient: Patient, very: bool) -> None:
        """The 3-month liver tests came back raised (ULN 40 U/L): above 5x, or above 3x."""
        alt = self.rng.uniform(215, 240) if very else self.rng.uniform(128, 150)
        self.labs(patient, self.ago(3), alt=alt, ast=alt * 0.7)
        services.note_add(
            patient=patient,
            text="3-month liver tests raised. No symptoms of hepatitis reported; asked about "
            "alcohol and other medicines. Repeat tests booked.",
            by=self.clinician,
        )

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
        if formulation == "xr_injection":
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

    # - single records ------------------------------------------------------------------------

    def sessions(self, patient: Patient, course: Course, first: dt.date, until: dt.date) -> None:
        """Weekly therapy for two months, then every other week; past ones attended or missed."""
        rng = self.rng
        kinds = (
            ("cbt", "mi", "group") if course.indication == "AUD" else ("counselling", "cbt", "cm")
        )
        day, number = first, 0
        while day <= until:
            at = dt.datetime.combine(day, dt.time(rng.randint(9, 16), 0), tzinfo=self.zone)
            session = services.therapy_session_schedule(
                patient=patient,
                kind=rng.choice(kinds),
                scheduled_at=at,
                counsellor=self.clinician,
                by=self.clinician,
            )
            if day < self.today:
                attended = rng.random() < 0.85
                status = (
                    TherapySession.Status.ATTENDED if attended else TherapySession.Status.MISSED
                )
                services.therapy_session_mark(
                    session=session,
                    status=status,
                    notes=rng.choice(SESSION_NOTES) if attended and rng.random() < 0.4 else "",
                    by=self.clinician,
                )
            number += 1
            day += (7 if number < 8 else 14) * DAY

    def labs(self, patient: Patient, day: dt.date, *, alt: float, ast: float) -> None:
        rng = self.rng
        for test, value, uln, unit in (
            ("ALT", alt, 40, "U/L"),
            ("AST", ast, 40, "U/L"),
            ("bilirubin", rng.uniform(0.3, 1.0), 1.2, "mg/dL"),
        ):
            services.lab_record(
                patient=patient,
                test=test,
                value=Decimal(f"{value:.1f}"),
                upper_limit_normal=Decimal(str(uln)),
                collected_on=day,
                unit=unit,
                by=self.clinician,
            )

    def drug_screen(self, patient: Patient, day: dt.date, *, positive: bool) -> None:
        services.drug_screen_record(
            patient=patient,
            collected_on=day,
            opioids_positive=positive,
            other_findings="fentanyl" if positive else "",
            by=self.clinician,
        )

    def instrument(
        self, patient: Patient, instrument: str, answers: dict[str, int], day: dt.date
    ) -> None:
        services.instrument_record(
            patient=patient, instrument=instrument, answers=answers, taken_on=day, by=self.clinician
        )

    def phq9(self, patient: Patient, total: int, day: dt.date, *, item9: int = 0) -> None:
        """A PHQ-9 adding up to ``total``, spread over items 1-8 (0-3 each), item 9 as given."""
        answers = dict.fromkeys((f"q{n}" for n in range(1, 10)), 0)
        answers["q9"] = item9
        for _ in range(total - item9):
            open_items = [key for key in answers if key != "q9" and answers[key] < 3]
            answers[self.rng.choice(open_items)] += 1
        self.instrument(patient, "phq9", answers, day)

    def pacs(self, patient: Patient, total: int, day: dt.date) -> None:
        answers = dict.fromkeys((f"q{n}" for n in range(1, 6)), 0)
        for _ in range(total):
            answers[self.rng.choice([key for key in answers if answers[key] < 6])] += 1
        self.instrument(patient, "pacs", answers, day)

    def cows(self, patient: Patient, day: dt.date) -> None:
        """COWS before the first dose: no withdrawal (0-4, 'none')."""
        answers = dict.fromkeys(
            (
                "resting_pulse",
                "sweating",
                "restlessness",
                "pupil_size",
                "bone_joint_aches",
                "runny_nose_tearing",
                "gi_upset",
                "tremor",
                "yawning",
                "anxiety_irritability",
                "gooseflesh",
            ),
            0,
        )
        for key in self.rng.sample(["resting_pulse", "yawning", "anxiety_irritability"], 2):
            answers[key] = 1
        self.instrument(patient, "cows", answers, day)


def demo_history_build(
    *, clinic: Clinic, clinician: User, patient_user: User, today: dt.date, rng: random.Random
) -> list[Patient]:
    """Fill ``clinic`` with the cast's months of history up to ``today``; the patients written.

    ``patient_user`` signs in as the first patient, Jordan Lee, on oral naltrexone for opioids.
    """
    writer = _ChartWriter(clinic=clinic, clinician=clinician, today=today, rng=rng)
    patients = []
    with services.alerts_deferred():
        for number, story in enumerate(_cast(rng), start=1):
            patient = writer.patient(story, number, patient_user if story.signs_in else None)
            writer.story(patient, story)
            patients.append(patient)
        services.episodes_finish_tapers(today=today)
        # Every patient once, as of the demo's today: the deferred refreshes run as the block ends.
        for patient in patients:
            services.alerts_refresh(patient=patient, today=today)
    return patients


# Children before parents: every foreign key of the record protects what it points to.
_RECORD_CHILDREN_FIRST = (
    Alert,
    ClinicalNote,
    FollowUp,
    TaperPlan,
    TherapySession,
    CheckIn,
    InstrumentResponse,
    DrugScreen,
    LabResult,
    Injection,
    DoseEvent,
    Regimen,
    StartCheck,
    OpioidExposure,
)


def demo_history_delete(*, clinic: Clinic) -> None:
    """Delete ``clinic``'s whole clinical record and patients (its audit trail stays)."""
    for model in _RECORD_CHILDREN_FIRST:
        model.objects.filter(clinic=clinic).delete()
    episodes = Episode.objects.filter(clinic=clinic)
    # A restart protects the episode it restarts: delete the newest of each chain first.
    while episodes.exists():
        episodes.filter(restarted_as__isnull=True).delete()
    Patient.objects.filter(clinic=clinic).delete()
