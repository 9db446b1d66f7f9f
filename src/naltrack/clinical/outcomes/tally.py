"""One episode's facts, and the same added up: the few values its figures are worked out from.

``EpisodeFacts`` are an episode's dated rows as plain values; ``tally`` is the only place they
are reduced, and ``program.episode_figures`` reads nothing else. A tally does not depend on the
day: what does (censoring, whether an injection's window has closed, follow-ups that have fallen
due) is worked out from it for the day asked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from naltrack.clinical.outcomes.coverage import LapseRule, Span, spans
from naltrack.clinical.outcomes.use import (
    DrinkingDays,
    change_from_baseline,
    drinking_days,
    split_first_month,
)


@dataclass(frozen=True)
class EpisodeFacts:
    """An episode's dated rows, as plain values."""

    episode: int
    indication: str  # "AUD" | "OUD" | "OUD_AUD"
    opened: dt.date
    started: dt.date | None
    stopped: dt.date | None
    had_start_check: bool
    tablet_days: tuple[dt.date, ...] = ()
    injection_days: tuple[dt.date, ...] = ()
    restarted_on: dt.date | None = None  # the day the next episode (a restart) opened
    heavy_at: int = 4  # drinks that make a heavy drinking day for this patient
    drinks: tuple[tuple[dt.date, int], ...] = ()
    opioid_use: tuple[tuple[dt.date, bool], ...] = ()
    craving: tuple[tuple[dt.date, int], ...] = ()  # the check-in's 0-10 scale
    screens: tuple[tuple[dt.date, bool], ...] = ()  # (collected, opioids positive)
    phq9: tuple[tuple[dt.date, int], ...] = ()
    follow_ups: tuple[tuple[dt.date, dt.date | None], ...] = ()  # (due, done)


@dataclass(frozen=True)
class Mean0to10:
    """A sum and a count of 0-10 ratings, to take their mean (or a difference of means) later."""

    total: int = 0
    count: int = 0

    @property
    def mean(self) -> float | None:
        return None if self.count == 0 else self.total / self.count


@dataclass(frozen=True)
class EpisodeTally:
    """What an episode's figures are worked out from."""

    episode: int
    indication: str  # "AUD" | "OUD" | "OUD_AUD"
    opened: dt.date
    started: dt.date | None
    stopped: dt.date | None
    had_start_check: bool
    covered: tuple[Span, ...] = ()  # merged by ``coverage.spans`` under the lapse rule
    injection_days: tuple[dt.date, ...] = ()  # sorted
    doses: int = 0  # tablets taken and injections given
    restarted_on: dt.date | None = None
    # From the first dose on; "first" is its first 30 days (``use.FIRST_MONTH_DAYS``).
    drinking_first: DrinkingDays = field(default_factory=DrinkingDays)
    drinking_later: DrinkingDays = field(default_factory=DrinkingDays)
    opioid_reported: int = 0  # check-in days answered
    opioid_used: int = 0  # of those, days opioids were used
    craving_first: Mean0to10 = Mean0to10()
    craving_later: Mean0to10 = Mean0to10()
    screens: int = 0  # urine screens collected
    screens_negative: int = 0  # of those, negative for opioids
    phq9_change: float | None = None  # latest minus baseline (``use.change_from_baseline``)
    follow_ups: tuple[tuple[dt.date, dt.date | None], ...] = ()  # (due, done), sorted


def tally(facts: EpisodeFacts, rule: LapseRule) -> EpisodeTally:
    """``facts`` added up: dated rows before the first dose do not count (a PHQ-9 before it is
    the baseline), and an episode never started has no use figures."""
    drinking_first = drinking_later = DrinkingDays()
    craving_first = craving_later = Mean0to10()
    opioid_days: list[bool] = []
    screens: list[bool] = []
    phq9_change = None
    if facts.started is not None:
        started = facts.started
        first, later = split_first_month(started, facts.drinks)
        drinking_first = drinking_days(first, facts.heavy_at)
        drinking_later = drinking_days(later, facts.heavy_at)
        first_c, later_c = split_first_month(started, facts.craving)
        craving_first, craving_later = (
            Mean0to10(sum(first_c), len(first_c)),
            Mean0to10(sum(later_c), len(later_c)),
        )
        opioid_days = [used for day, used in facts.opioid_use if day >= started]
        screens = [positive for day, positive in facts.screens if day >= started]
        phq9_change = change_from_baseline(started, [(d, float(s)) for d, s in facts.phq9])
    return EpisodeTally(
        episode=facts.episode,
        indication=facts.indication,
        opened=facts.opened,
        started=facts.started,
        stopped=facts.stopped,
        had_start_check=facts.had_start_check,
        covered=tuple(spans(facts.tablet_days, facts.injection_days, rule)),
        injection_days=tuple(sorted(facts.injection_days)),
        doses=len(facts.tablet_days) + len(facts.injection_days),
        restarted_on=facts.restarted_on,
        drinking_first=drinking_first,
        drinking_later=drinking_later,
        opioid_reported=len(opioid_days),
        opioid_used=sum(opioid_days),
        craving_first=craving_first,
        craving_later=craving_later,
        screens=len(screens),
        screens_negative=sum(1 for positive in screens if not positive),
        phq9_change=phq9_change,
        follow_ups=tuple(sorted(facts.follow_ups)),
    )
