"""Kaplan-Meier estimate of time in treatment, with Greenwood's variance.

The product-limit estimate (source: KM1958) and its variance (source: GREENWOOD1926); the 95%
interval is taken on the log(-log) scale with that variance, so it stays inside 0-1.

Ties: at a day with both ends and censorings, the ends come first — a person censored on day t
was still in treatment on day t (the usual convention).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from naltrack.clinical.outcomes.estimates import Z95


@dataclass(frozen=True)
class Step:
    """The curve on ``day``: who was at risk, how many ended, how many were censored, and the
    estimate after this day's ends, with its interval."""

    day: int
    at_risk: int
    ended: int
    censored: int
    survival: float
    lower: float
    upper: float


@dataclass(frozen=True)
class Curve:
    n: int
    ended: int
    steps: tuple[Step, ...]

    def at(self, day: int) -> Step | None:
        """The estimate at ``day`` (the last step on or before it); None when the curve has no
        one at risk that far (everyone ended or was censored sooner)."""
        if day < 0 or not self.steps:
            return None
        last_seen = max(step.day for step in self.steps)
        if day > last_seen:
            return None
        current = Step(0, self.n, 0, 0, 1.0, 1.0, 1.0)
        for step in self.steps:
            if step.day > day:
                break
            current = step
        return current

    def median(self) -> int | None:
        """The first day the estimate falls to one half or below; None if it never does."""
        for step in self.steps:
            if step.survival <= 0.5:
                return step.day
        return None


def _interval(survival: float, greenwood: float, z: float) -> tuple[float, float]:
    if survival >= 1.0:
        return 1.0, 1.0
    if survival <= 0.0:
        return 0.0, 0.0
    log_s = math.log(survival)
    se = math.sqrt(greenwood) / abs(log_s)
    return survival ** math.exp(z * se), survival ** math.exp(-z * se)


def kaplan_meier(observations: Iterable[tuple[int, bool]], z: float = Z95) -> Curve:
    """The curve of ``(days, ended)`` pairs: days in treatment, and whether treatment ended
    then (True) or the person was still in treatment when last seen (False, censored)."""
    ends: Counter[int] = Counter()
    censorings: Counter[int] = Counter()
    n = 0
    for days, ended in observations:
        if days < 0:
            raise ValueError(f"negative time in treatment: {days}")
        (ends if ended else censorings)[days] += 1
        n += 1
    at_risk, survival, greenwood = n, 1.0, 0.0
    steps = []
    for day in sorted(ends.keys() | censorings.keys()):
        d, c = ends[day], censorings[day]
        if d:
            survival *= 1 - d / at_risk
            greenwood = math.inf if d == at_risk else greenwood + d / (at_risk * (at_risk - d))
        lower, upper = _interval(survival, greenwood, z)
        steps.append(Step(day, at_risk, d, c, survival, lower, upper))
        at_risk -= d + c
    return Curve(n, sum(ends.values()), tuple(steps))
