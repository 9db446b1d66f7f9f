"""Each episode's facts for the program report, read from the record set by set: one query per
kind of row over the clinic's narrow projection, never a query per patient or episode. This is
the full recomputation: ``reports.figures`` stores what it gives and reads that back.

Rows of a patient that no episode names (check-ins, screens, questionnaires, therapy sessions)
belong to the episode whose days they fall in: from its opening to its stop (or today).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, Final, NamedTuple

from django.db.models import QuerySet
from django.utils import timezone

from naltrack.accounts.models import Clinic
from naltrack.care.models import (
    CheckIn,
    DoseEvent,
    DrugScreen,
    Episode,
    FollowUp,
    Injection,
    InstrumentResponse,
    Regimen,
    StartCheck,
    TherapySession,
)
from naltrack.care.selectors.snapshot import clinic_thresholds
from naltrack.clinical.outcomes.coverage import LapseRule
from naltrack.clinical.outcomes.program import EpisodeFigures, episode_figures
from naltrack.clinical.outcomes.tally import EpisodeFacts, tally
from naltrack.reports.cohorts import Filters, age_band

# The rows episode_facts reads, each naming its patient (it reads the patient too): a write to
# any of them changes that patient's figures (reports.figures forgets them).
COUNTED_FROM: Final = (
    CheckIn,
    DoseEvent,
    DrugScreen,
    Episode,
    FollowUp,
    Injection,
    InstrumentResponse,
    Regimen,
    StartCheck,
    TherapySession,
)

# A PHQ-9 taken up to this long before the episode opened is still its baseline
# (source: NALTRACK — the intake questionnaire is often done at the enrollment visit).
BASELINE_LOOKBACK: Final = dt.timedelta(days=30)


class ReportEpisode(NamedTuple):
    """An episode's figures as of the report's day, with what the report filters and splits
    cohorts by. (A named tuple: a report reads a hundred thousand.)"""

    figures: EpisodeFigures
    patient: int
    opened: dt.date
    started_on: dt.date | None
    formulation: str | None
    prescriber: int | None
    therapy: str  # "any" | "none"
    age_band: str | None


class _ByPatient:
    """One kind of a patient's dated rows, sorted, to slice by an episode's days."""

    def __init__(self, rows: Iterable[tuple[Any, ...]]) -> None:
        grouped: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
        for patient, day, *rest in rows:
            grouped[patient].append((day, *rest))
        self.rows = {p: sorted(r, key=lambda row: row[0]) for p, r in grouped.items()}
        self.days = {p: [row[0] for row in r] for p, r in self.rows.items()}

    def between(self, patient: int, first: dt.date, last: dt.date) -> list[tuple[Any, ...]]:
        days = self.days.get(patient, [])
        lo, hi = bisect.bisect_left(days, first), bisect.bisect_right(days, last)
        return self.rows.get(patient, [])[lo:hi]


def _pairs(rows: Iterable[tuple[int, dt.date]]) -> dict[int, list[dt.date]]:
    grouped: dict[int, list[dt.date]] = defaultdict(list)
    for key, day in rows:
        grouped[key].append(day)
    return grouped


def episode_facts(
    clinic: Clinic,
    *,
    today: dt.date,
    rule: LapseRule,
    patients: list[int] | None = None,
) -> list[ReportEpisode]:
    """Every episode of ``clinic`` opened by ``today`` (of ``patients`` only, when given: a few
    hundred of the clinic's patients at most), with its figures as of ``today`` under ``rule``."""

    def clinic_rows(model: Any, **where: Any) -> QuerySet[Any]:
        # The patients' rows by the patient index alone: with the clinic's too, SQLite's planner
        # may walk every row of the clinic.
        scope = {"clinic": clinic} if patients is None else {"patient_id__in": patients}
        chosen: QuerySet[Any] = model.objects.filter(**scope, **where)
        return chosen

    episodes = list(
        clinic_rows(Episode, opened_on__lte=today).values_list(
            "id",
            "patient_id",
            "indication",
            "opened_on",
            "started_on",
            "stopped_on",
            "restart_of_id",
            "patient__date_of_birth",
            "patient__sex",
        )
    )
    first_regimen: dict[int, tuple[str, int | None]] = {}
    for episode, formulation, prescriber in (
        clinic_rows(Regimen)
        .order_by("start", "id")
        .values_list("episode_id", "formulation", "prescriber_id")
    ):
        first_regimen.setdefault(episode, (formulation, prescriber))
    checked = set(clinic_rows(StartCheck).values_list("episode_id", flat=True))
    tablets = _pairs(
        clinic_rows(DoseEvent, status=DoseEvent.Status.TAKEN).values_list(
            "regimen__episode_id", "day"
        )
    )
    injections = _pairs(clinic_rows(Injection).values_list("regimen__episode_id", "given_on"))
    follow_ups: dict[int, list[tuple[dt.date, dt.date | None]]] = defaultdict(list)
    for episode, due, done in clinic_rows(FollowUp).values_list("episode_id", "due_on", "done_on"):
        follow_ups[episode].append((due, done))
    check_ins = _ByPatient(
        clinic_rows(CheckIn).values_list("patient_id", "day", "drinks", "opioid_use", "craving")
    )
    screens = _ByPatient(
        clinic_rows(DrugScreen).values_list("patient_id", "collected_on", "opioids_positive")
    )
    phq9 = _ByPatient(
        clinic_rows(InstrumentResponse, instrument="phq9").values_list(
            "patient_id", "taken_on", "score"
        )
    )
    # a session counts on the day it was held where the clinic is, as the record shows it
    sessions = _ByPatient(
        (patient, timezone.localdate(at), 1)
        for patient, at in clinic_rows(
            TherapySession, status=TherapySession.Status.ATTENDED
        ).values_list("patient_id", "scheduled_at")
    )
    restarted_on = {
        restart_of: opened for _, _, _, opened, _, _, restart_of, _, _ in episodes if restart_of
    }
    thresholds = clinic_thresholds(clinic)

    built = []
    for episode, patient, indication, opened, started, stopped, _, born, sex in episodes:
        last = min(stopped, today) if stopped else today
        rows = check_ins.between(patient, opened, last)
        heavy_at = (
            thresholds.heavy_drinking_drinks_male
            if sex == "male"
            else thresholds.heavy_drinking_drinks_female
        )
        facts = EpisodeFacts(
            episode=episode,
            indication=indication,
            opened=opened,
            started=started,
            stopped=stopped,
            had_start_check=episode in checked,
            tablet_days=tuple(sorted(tablets.get(episode, ()))),
            injection_days=tuple(sorted(injections.get(episode, ()))),
            restarted_on=restarted_on.get(episode),
            heavy_at=heavy_at,
            drinks=tuple((day, drinks) for day, drinks, _, _ in rows if drinks is not None),
            opioid_use=tuple((day, used) for day, _, used, _ in rows),
            craving=tuple((day, craving) for day, _, _, craving in rows),
            screens=tuple(
                (day, positive) for day, positive in screens.between(patient, opened, last)
            ),
            phq9=tuple(
                (day, score)
                for day, score in phq9.between(patient, opened - BASELINE_LOOKBACK, last)
            ),
            follow_ups=tuple(sorted(follow_ups.get(episode, ()))),
        )
        formulation, prescriber = first_regimen.get(episode, (None, None))
        age = None
        if started and born:
            age = started.year - born.year - ((started.month, started.day) < (born.month, born.day))
        built.append(
            ReportEpisode(
                figures=episode_figures(tally(facts, rule), today=today),
                opened=opened,
                started_on=started,
                patient=patient,
                formulation=formulation,
                prescriber=prescriber,
                therapy="any" if sessions.between(patient, opened, last) else "none",
                age_band=age_band(age) if age is not None else None,
            )
        )
    return built


def select(episodes: list[ReportEpisode], filters: Filters) -> list[ReportEpisode]:
    """The episodes ``filters`` take. The start period takes episodes by their first dose, and
    episodes never started by the day they were opened (so the funnel's screened count)."""

    def in_period(item: ReportEpisode) -> bool:
        day = item.started_on or item.opened
        if filters.started_from and day < filters.started_from:
            return False
        return not (filters.started_to and day > filters.started_to)

    return [
        item
        for item in episodes
        if in_period(item)
        and (filters.indication is None or item.figures.indication == filters.indication)
        and (filters.formulation is None or item.formulation == filters.formulation)
        and (filters.prescriber is None or item.prescriber == filters.prescriber)
        and (filters.therapy is None or item.therapy == filters.therapy)
        and (filters.age_band is None or item.age_band == filters.age_band)
    ]
