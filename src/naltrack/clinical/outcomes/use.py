"""Drinking and opioid use in treatment, and the change of a score from its baseline.

Drinking comes from the daily check-ins that recorded drinks: a day with none is abstinent, a
day at or over the clinic's heavy-drinking threshold (the alert rules' own, 4 drinks or 5 for
men by default — the common NIAAA definition, NALTRACK) is a heavy drinking day. Rates are per 30
days reported, so a person who checks in every other day is compared fairly with one who checks
in daily; days without a check-in are not counted as either.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

# The first month of treatment, against which later months are compared.
FIRST_MONTH_DAYS: Final = 30


@dataclass(frozen=True)
class DrinkingDays:
    """Check-in days that recorded drinks, and how many of them were heavy or abstinent."""

    reported: int = 0
    heavy: int = 0
    abstinent: int = 0


@dataclass(frozen=True)
class DrinkingRates:
    reported_days: int
    heavy_per_30: float | None
    abstinent_per_30: float | None


def drinking_days(drinks_by_day: Iterable[int], heavy_at: int) -> DrinkingDays:
    days = list(drinks_by_day)
    return DrinkingDays(
        reported=len(days),
        heavy=sum(1 for drinks in days if drinks >= heavy_at),
        abstinent=sum(1 for drinks in days if drinks == 0),
    )


def drinking_rates(days: DrinkingDays) -> DrinkingRates:
    """Heavy drinking days and abstinent days per 30 days reported."""
    return DrinkingRates(
        days.reported, per_30(days.heavy, days.reported), per_30(days.abstinent, days.reported)
    )


def split_first_month(
    started: dt.date, days: Iterable[tuple[dt.date, int]]
) -> tuple[list[int], list[int]]:
    """Values of the first 30 days from ``started``, and of the days after."""
    first: list[int] = []
    later: list[int] = []
    for day, value in days:
        if day < started:
            continue
        (first if (day - started).days < FIRST_MONTH_DAYS else later).append(value)
    return first, later


def per_30(days_with: int, days_reported: int) -> float | None:
    return None if days_reported == 0 else 30 * days_with / days_reported


def change_from_baseline(started: dt.date, scores: Iterable[tuple[dt.date, float]]) -> float | None:
    """The latest score minus the baseline: the last score on or before the start (or, if none,
    the first after it). None without two scores to compare."""
    ordered = sorted(scores)
    if len(ordered) < 2:
        return None
    before = [score for day, score in ordered if day <= started]
    baseline = before[-1] if before else ordered[0][1]
    baseline_at = len(before) - 1 if before else 0
    if baseline_at == len(ordered) - 1:
        return None
    return ordered[-1][1] - baseline
