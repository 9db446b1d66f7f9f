"""A program's measures over a cohort of episodes: what the Reports pages, files and command show.

The ``reports`` app hands the cohort here as each episode's tally (``tally.EpisodeTally``: its
facts added up); every figure is computed below from those plain values, with its n and, where
one applies, its 95% interval. docs/outcomes.md gives each definition in words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from naltrack.clinical.outcomes.coverage import (
    ADHERENT_SHARE,
    CONTINUITY_DAYS,
    TimeInTreatment,
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
RETENTION_DAYS: Final = (30, 90, 180)
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


def _times(cohort: Sequence[EpisodeTally], today: dt.date) -> dict[int, TimeInTreatment]:
    times = {}
    for facts in cohort:
        if facts.started is None or facts.started > today:
            continue
        times[facts.episode] = time_in_treatment(
            started=facts.started,
            stopped=facts.stopped,
            covered=facts.covered,
            today=today,
        )
    return times


def _retention(
    cohort: Sequence[EpisodeTally],
    times: dict[int, TimeInTreatment],
    today: dt.date,
) -> Retention:
    curve = kaplan_meier((t.days, t.ended) for t in times.values())
    at: dict[int, tuple[float, float, float] | None] = {}
    for day in RETENTION_DAYS:
        step = curve.at(day)
        at[day] = None if step is None else (step.survival, step.lower, step.upper)
    continuous = followed = 0
    for facts in cohort:
        if facts.started is None or (today - facts.started).days + 1 < CONTINUITY_DAYS:
            continue
        followed += 1
        if longest_continuous_run(facts.covered, facts.started, today) >= CONTINUITY_DAYS:
            continuous += 1
    return Retention(curve, at, curve.median(), wilson(continuous, followed))


def _induction(cohort: Sequence[EpisodeTally]) -> Induction:
    checked = [f for f in cohort if f.had_start_check]
    started = [f for f in checked if f.started is not None]
    all_started = [f for f in cohort if f.started is not None]
    second = sum(1 for f in all_started if f.doses >= 2)
    return Induction(
        len(checked), wilson(len(started), len(checked)), wilson(second, len(all_started))
    )


def _adherence(
    cohort: Sequence[EpisodeTally],
    times: dict[int, TimeInTreatment],
    today: dt.date,
) -> Adherence:
    pdcs = []
    on_time = due = 0
    for facts in cohort:
        time = times.get(facts.episode)
        if time is None or facts.started is None:
            continue
        pdcs.append(proportion_of_days_covered(facts.covered, facts.started, time.end))
        given_on_time, fell_due = injections_on_time(
            facts.injection_days, until=today, stopped=facts.stopped
        )
        on_time, due = on_time + given_on_time, due + fell_due
    adherent = sum(1 for pdc in pdcs if pdc >= ADHERENT_SHARE)
    return Adherence(mean_interval(pdcs), wilson(adherent, len(pdcs)), wilson(on_time, due))


def _use(cohort: Sequence[EpisodeTally]) -> Use:
    heavy_first, heavy_later, abst_first, abst_later, heavy_change = [], [], [], [], []
    craving_change: list[float] = []
    phq9_change: list[float] = []
    opioid_days: list[float] = []
    negative = screened = 0
    for facts in cohort:
        if facts.started is None:
            continue
        if facts.treats_alcohol:
            early = drinking_rates(facts.drinking_first)
            late = drinking_rates(facts.drinking_later)
            if early.heavy_per_30 is not None and early.abstinent_per_30 is not None:
                heavy_first.append(early.heavy_per_30)
                abst_first.append(early.abstinent_per_30)
            if late.heavy_per_30 is not None and late.abstinent_per_30 is not None:
                heavy_later.append(late.heavy_per_30)
                abst_later.append(late.abstinent_per_30)
                if early.heavy_per_30 is not None:
                    heavy_change.append(late.heavy_per_30 - early.heavy_per_30)
        if facts.treats_opioids:
            screened += facts.screens
            negative += facts.screens_negative
            rate = per_30(facts.opioid_used, facts.opioid_reported)
            if rate is not None:
                opioid_days.append(rate)
        first_c, later_c = facts.craving_first.mean, facts.craving_later.mean
        if first_c is not None and later_c is not None:
            craving_change.append(later_c - first_c)
        if facts.phq9_change is not None:
            phq9_change.append(facts.phq9_change)
    return Use(
        mean_interval(heavy_first),
        mean_interval(heavy_later),
        mean_interval(abst_first),
        mean_interval(abst_later),
        mean_interval(heavy_change),
        wilson(negative, screened),
        mean_interval(opioid_days),
        mean_interval(craving_change),
        mean_interval(phq9_change),
    )


def _after_stopping(cohort: Sequence[EpisodeTally], today: dt.date) -> AfterStopping:
    stopped = [f for f in cohort if f.stopped is not None and f.stopped <= today]
    on_time = due = lost = 0
    returned_days: list[float] = []
    for facts in stopped:
        assert facts.stopped is not None
        fell_due = [(d, done) for d, done in facts.follow_ups if d <= today]
        due += len(fell_due)
        on_time += sum(
            1
            for d, done in fell_due
            if done is not None and done <= d + dt.timedelta(days=FOLLOW_UP_ON_TIME_DAYS)
        )
        if fell_due and all(done is None for _, done in fell_due):
            lost += 1
        if facts.restarted_on is not None:
            returned_days.append(float((facts.restarted_on - facts.stopped).days))
    with_due = sum(1 for f in stopped if any(d <= today for d, _ in f.follow_ups))
    return AfterStopping(
        len(stopped),
        wilson(on_time, due),
        wilson(len(returned_days), len(stopped)),
        mean_interval(returned_days),
        wilson(lost, with_due),
    )


def _funnel(
    cohort: Sequence[EpisodeTally],
    times: dict[int, TimeInTreatment],
    today: dt.date,
    enrollments: int,
    accepted: int,
) -> Funnel:
    reached = {}
    for day in RETENTION_DAYS:
        followed = [f for f in cohort if f.started is not None and (today - f.started).days >= day]
        stayed = sum(
            1 for f in followed if not times[f.episode].ended or times[f.episode].days >= day
        )
        reached[day] = wilson(stayed, len(followed))
    started = sum(1 for f in cohort if f.started is not None)
    return Funnel(enrollments, accepted, len(cohort), started, reached)


def program_measures(
    cohort: Sequence[EpisodeTally],
    *,
    today: dt.date,
    enrollments: int = 0,
    accepted: int = 0,
) -> ProgramMeasures:
    """Every measure of the program report over ``cohort``, as of ``today``."""
    times = _times(cohort, today)
    return ProgramMeasures(
        len(cohort),
        _retention(cohort, times, today),
        _induction(cohort),
        _adherence(cohort, times, today),
        _use(cohort),
        _after_stopping(cohort, today),
        _funnel(cohort, times, today, enrollments, accepted),
    )


@dataclass(frozen=True)
class EpisodeSummary:
    """One episode's own figures, for the de-identified patient-level file."""

    days_in_treatment: int | None
    ended: bool | None
    days_covered_share: float | None
    second_dose: bool
    injections_on_time: int
    injections_due: int
    heavy_per_30_first_month: float | None
    heavy_per_30_after: float | None
    screens_negative: int
    screens: int
    phq9_change: float | None
    returned: bool


def episode_summary(facts: EpisodeTally, *, today: dt.date) -> EpisodeSummary:
    """The figures of one episode, by the same rules as the program's."""
    time = _times([facts], today).get(facts.episode)
    pdc = None
    on_time = due = 0
    if time is not None and facts.started is not None:
        pdc = proportion_of_days_covered(facts.covered, facts.started, time.end)
        on_time, due = injections_on_time(facts.injection_days, until=today, stopped=facts.stopped)
    started = facts.started is not None
    return EpisodeSummary(
        days_in_treatment=time.days if time else None,
        ended=time.ended if time else None,
        days_covered_share=pdc,
        second_dose=facts.doses >= 2,
        injections_on_time=on_time,
        injections_due=due,
        heavy_per_30_first_month=(
            drinking_rates(facts.drinking_first).heavy_per_30
            if started and facts.treats_alcohol
            else None
        ),
        heavy_per_30_after=(
            drinking_rates(facts.drinking_later).heavy_per_30
            if started and facts.treats_alcohol
            else None
        ),
        screens_negative=facts.screens_negative,
        screens=facts.screens,
        phq9_change=facts.phq9_change,
        returned=facts.restarted_on is not None,
    )
