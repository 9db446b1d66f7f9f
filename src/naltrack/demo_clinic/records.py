"""Single records of a demo patient's chart: therapy sessions, liver tests, drug screens and
questionnaires, each written through ``care.services`` by the demo's clinician."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from zoneinfo import ZoneInfo

from naltrack.accounts.models import Clinic, User
from naltrack.care import services
from naltrack.care.models import Patient, TherapySession
from naltrack.demo_clinic.people import SESSION_NOTES
from naltrack.demo_clinic.stories import Course

DAY = dt.timedelta(days=1)


def clamp(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))


class RecordWriter:
    """Writes single records for one clinic, dated relative to ``today``, drawing from ``rng``."""

    def __init__(self, *, clinic: Clinic, clinician: User, today: dt.date, rng: random.Random):
        self.clinic = clinic
        self.clinician = clinician
        self.today = today
        self.rng = rng
        self.zone = ZoneInfo(clinic.time_zone)

    def ago(self, days: int) -> dt.date:
        return self.today - days * DAY

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

    def drug_screen(
        self,
        patient: Patient,
        day: dt.date,
        *,
        positive: bool,
        panel: dict[str, str] | None = None,
    ) -> None:
        """A urine drug screen; ``panel``: what it tested, when the story says."""
        services.drug_screen_record(
            patient=patient,
            collected_on=day,
            opioids_positive=positive,
            panel=panel,
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
