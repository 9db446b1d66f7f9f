"""A program's measures over a cohort of episodes: what the Reports pages, files and command show.

Three steps, each a pure function: an episode's facts are added up (``tally.tally``, whatever
the day), its figures are worked out as of a day (``episode_figures``: how long it stayed, how
much was covered, what fell due...), and the program's measures add the figures of a cohort up
(``program_measures``), each with its n and, where one applies, its 95% interval. The ``reports``
app stores each episode's figures of the day, so a report over a network adds up one row per
episode. docs/outcomes.md gives each definition in words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final, NamedTuple

from naltrack.clinical.outcomes.coverage import (
    ADHERENT_SHARE,
    CONTINUITY_DAYS,
    injections_on_time,
    longest_continuous_run,
    proportion_of_days_covered,
    time_in_treatment,
)
from naltrack.clinical.outcomes.estimates import Mean, Share, mean_interval, wilson
from naltrack.clinical.outcomes.survival import Curve, kaplan_meier
from naltrack.clinical.outcomes.tally import EpisodeTally
from naltrack.clinical.outcomes.use import drinking_rates, per_30

# The days at which retention is read off the curve (the 30/90/180).
RETENTION_DAYS: Final = (30, 90, 180)  # EpisodeFigures has a reached_ field for each
# source: NALTRACK — a follow-up contact made within 7 days of its due day is on time
FOLLOW_UP_ON_TIME_DAYS: Final = 7


@dataclass(frozen=True)
class Retention:
    curve: Curve
    at: dict[int, tuple[float, float, float] | None]  # day -> (estimate, lower, upper)
    median_days: int | None
    continuity: Share  # NQF 3175: 180 days on medication without a gap over 7 days


@dataclass(frozen=True)
class Induction:
    checked: int  # episodes with a start check
    started: Share  # of those checked, how many started
    second_dose: Share  # of those started, how many had a second dose or injection


@dataclass(frozen=True)
class Adherence:
    mean_pdc: Mean
    adherent: Share  # PDC of 80% or more
    injections_on_time: Share


@dataclass(frozen=True)
class Use:
    heavy_first_month: Mean  # heavy drinking days per 30 reported, first month
    heavy_later: Mean
    abstinent_first_month: Mean
    abstinent_later: Mean
    heavy_change: Mean  # later minus first month, per patient with both
    screens_negative: Share  # urine screens negative for opioids, OUD episodes
    opioid_use_days: Mean  # opioid use days per 30 reported, OUD episodes
    craving_change: Mean  # later minus first month, mean of the 0-10 check-in scale
    phq9_change: Mean  # latest minus baseline


@dataclass(frozen=True)
class AfterStopping:
    stopped: int
    follow_ups_on_time: Share
    returned: Share  # stopped episodes followed by a restart
    days_to_return: Mean
    lost_to_contact: Share  # stopped with follow-ups due and none made


@dataclass(frozen=True)
class Funnel:
    enrollments: int
    accepted: int
    screened: int  # episodes opened
    started: int
    reached: dict[int, Share] = field(default_factory=dict)  # day -> of those followed that long


@dataclass(frozen=True)
class ProgramMeasures:
    episodes: int
    retention: Retention
    induction: Induction
    adherence: Adherence
    use: Use
    after_stopping: AfterStopping
    funnel: Funnel


class EpisodeFigures(NamedTuple):
    """One episode's figures as of a day: what the program's measures add up. (A named tuple:
    a report builds one per episode, a hundred thousand at a time.)"""

    episode: int
    indication: str
    had_start_check: bool
    started: bool  # its first dose was given by the day
    second_dose: bool
    days_in_treatment: int | None  # from the first dose to the end, or to the day (censored)
    ended: bool | None
    # For each of RETENTION_DAYS: None when not followed that long, else whether it stayed.
    reached_30: bool | None
    reached_90: bool | None
    reached_180: bool | None
    continuous_180: bool | None  # None when not followed 180 days (NQF 3175)
    days_covered_share: float | None
    injections_on_time: int
    injections_due: int
    heavy_per_30_first_month: float | None
    abstinent_per_30_first_month: float | None
    heavy_per_30_after: float | None
    abstinent_per_30_after: float | None
    opioid_use_per_30: float | None
    screens: int
    screens_negative: int
    craving_change: float | None  # mean after the first month minus the first month's
    phq9_change: float | None
    stopped: bool  # by the day
    follow_ups_due: int  # after the stop, fallen due by the day
    follow_ups_made: int
    follow_ups_on_time: int
    days_to_return: int | None  # from the stop to the restart, when it was restarted

    @property
    def reached(self) -> tuple[bool | None, ...]:
        return (self.reached_30, self.reached_90, self.reached_180)

    @property
    def treats_alcohol(self) -> bool:
        return self.indication in ("AUD", "OUD_AUD")

    @property
    def treats_opioids(self) -> bool:
        return self.indication in ("OUD", "OUD_AUD")


def episode_figures(facts: EpisodeTally, *, today: dt.date) -> EpisodeFigures:
    """The figures of one episode as of ``today``."""
    days = ended = pdc = continuous = None
    reached: tuple[bool | None, ...] = (None,) * len(RETENTION_DAYS)
    on_time = due = 0
    if facts.started is not None and facts.started <= today:
        time = time_in_treatment(
            started=facts.started, stopped=facts.stopped, covered=facts.covered, today=today
        )
        days, ended = time.days, time.ended
        pdc = proportion_of_days_covered(facts.covered, facts.started, time.end)
        on_time, due = injections_on_time(facts.injection_days, until=today, stopped=facts.stopped)
        followed = (today - facts.started).days
        reached = tuple(
            None if followed < day else (not time.ended or time.days >= day)
            for day in RETENTION_DAYS
        )
        if followed + 1 >= CONTINUITY_DAYS:
            run = longest_continuous_run(facts.covered, facts.started, today)
            continuous = run >= CONTINUITY_DAYS
    early = drinking_rates(facts.drinking_first)
    late = drinking_rates(facts.drinking_later)
    first_c, later_c = facts.craving_first.mean, facts.craving_later.mean
    stopped = facts.stopped is not None and facts.stopped <= today
    fell_due = [(d, done) for d, done in facts.follow_ups if d <= today] if stopped else []
    return EpisodeFigures(
        episode=facts.episode,
        indication=facts.indication,
        had_start_check=facts.had_start_check,
        started=facts.started is not None,
        second_dose=facts.doses >= 2,
        days_in_treatment=days,
        ended=ended,
        reached_30=reached[0],
        reached_90=reached[1],
        reached_180=reached[2],
        continuous_180=continuous,
        days_covered_share=pdc,
        injections_on_time=on_time,
        injections_due=due,
        heavy_per_30_first_month=early.heavy_per_30,
        abstinent_per_30_first_month=early.abstinent_per_30,
        heavy_per_30_after=late.heavy_per_30,
        abstinent_per_30_after=late.abstinent_per_30,
        opioid_use_per_30=per_30(facts.opioid_used, facts.opioid_reported),
        screens=facts.screens,
        screens_negative=facts.screens_negative,
        craving_change=None if first_c is None or later_c is None else later_c - first_c,
        phq9_change=facts.phq9_change,
        stopped=stopped,
        follow_ups_due=len(fell_due),
        follow_ups_made=sum(1 for _, done in fell_due if done is not None),
        follow_ups_on_time=sum(
            1
            for d, done in fell_due
            if done is not None and done <= d + dt.timedelta(days=FOLLOW_UP_ON_TIME_DAYS)
        ),
        days_to_return=(
            (facts.restarted_on - facts.stopped).days
            if stopped and facts.stopped is not None and facts.restarted_on is not None
            else None
        ),
    )


def _retention(cohort: Sequence[EpisodeFigures]) -> Retention:
    curve = kaplan_meier(
        (f.days_in_treatment, f.ended)
        for f in cohort
        if f.days_in_treatment is not None and f.ended is not None
    )
    at: dict[int, tuple[float, float, float] | None] = {}
    for day in RETENTION_DAYS:
        step = curve.at(day)
        at[day] = None if step is None else (step.survival, step.lower, step.upper)
    followed = [f.continuous_180 for f in cohort if f.continuous_180 is not None]
    return Retention(curve, at, curve.median(), wilson(sum(followed), len(followed)))


def _induction(cohort: Sequence[EpisodeFigures]) -> Induction:
    checked = [f for f in cohort if f.had_start_check]
    started = sum(1 for f in checked if f.started)
    all_started = [f for f in cohort if f.started]
    second = sum(1 for f in all_started if f.second_dose)
    return Induction(len(checked), wilson(started, len(checked)), wilson(second, len(all_started)))


def _adherence(cohort: Sequence[EpisodeFigures]) -> Adherence:
    pdcs = [f.days_covered_share for f in cohort if f.days_covered_share is not None]
    on_time = sum(f.injections_on_time for f in cohort)
    due = sum(f.injections_due for f in cohort)
    adherent = sum(1 for pdc in pdcs if pdc >= ADHERENT_SHARE)
    return Adherence(mean_interval(pdcs), wilson(adherent, len(pdcs)), wilson(on_time, due))


def _present(values: list[float | None]) -> list[float]:
    return [value for value in values if value is not None]


def _use(cohort: Sequence[EpisodeFigures]) -> Use:
    started = [f for f in cohort if f.started]
    alcohol = [f for f in started if f.treats_alcohol]
    opioids = [f for f in started if f.treats_opioids]
    first = [f for f in alcohol if f.heavy_per_30_first_month is not None]
    later = [f for f in alcohol if f.heavy_per_30_after is not None]
    return Use(
        mean_interval(_present([f.heavy_per_30_first_month for f in first])),
        mean_interval(_present([f.heavy_per_30_after for f in later])),
        mean_interval(_present([f.abstinent_per_30_first_month for f in first])),
        mean_interval(_present([f.abstinent_per_30_after for f in later])),
        mean_interval(
            [
                f.heavy_per_30_after - f.heavy_per_30_first_month
                for f in later
                if f.heavy_per_30_after is not None and f.heavy_per_30_first_month is not None
            ]
        ),
        wilson(sum(f.screens_negative for f in opioids), sum(f.screens for f in opioids)),
        mean_interval(_present([f.opioid_use_per_30 for f in opioids])),
        mean_interval(_present([f.craving_change for f in started])),
        mean_interval(_present([f.phq9_change for f in started])),
    )


def _after_stopping(cohort: Sequence[EpisodeFigures]) -> AfterStopping:
    stopped = [f for f in cohort if f.stopped]
    with_due = [f for f in stopped if f.follow_ups_due]
    returned = [float(f.days_to_return) for f in stopped if f.days_to_return is not None]
    return AfterStopping(
        len(stopped),
        wilson(sum(f.follow_ups_on_time for f in stopped), sum(f.follow_ups_due for f in stopped)),
        wilson(len(returned), len(stopped)),
        mean_interval(returned),
        wilson(sum(1 for f in with_due if not f.follow_ups_made), len(with_due)),
    )


def _funnel(cohort: Sequence[EpisodeFigures], enrollments: int, accepted: int) -> Funnel:
    reached = {}
    for index, day in enumerate(RETENTION_DAYS):
        followed = [f.reached[index] for f in cohort if f.reached[index] is not None]
        reached[day] = wilson(sum(1 for stayed in followed if stayed), len(followed))
    started = sum(1 for f in cohort if f.started)
    return Funnel(enrollments, accepted, len(cohort), started, reached)


def program_measures(
    cohort: Sequence[EpisodeFigures], *, enrollments: int = 0, accepted: int = 0
) -> ProgramMeasures:
    """Every measure of the program report over ``cohort`` (each episode's figures as of the
    report's day)."""
    return ProgramMeasures(
        len(cohort),
        _retention(cohort),
        _induction(cohort),
        _adherence(cohort),
        _use(cohort),
        _after_stopping(cohort),
        _funnel(cohort, enrollments, accepted),
    )
