"""A share with its Wilson interval, and a mean with its normal-approximation interval."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

# The two-sided 95% normal quantile.
Z95: Final = 1.959963984540054


@dataclass(frozen=True)
class Share:
    """``count`` of ``n``, as a fraction with its 95% interval (None when ``n`` is 0)."""

    count: int
    n: int
    value: float | None
    lower: float | None
    upper: float | None


def wilson(count: int, n: int, z: float = Z95) -> Share:
    """The Wilson score interval: it stays inside 0-1 and behaves at small ``n`` and at 0% or
    100%, where the plain normal interval does not (source: WILSON1927)."""
    if not 0 <= count <= n:
        raise ValueError(f"count {count} outside 0..{n}")
    if n == 0:
        return Share(0, 0, None, None, None)
    p = count / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    # At 0% and 100% the bound equals the point exactly; rounding must not put it outside.
    lower = 0.0 if count == 0 else max(0.0, centre - half)
    upper = 1.0 if count == n else min(1.0, centre + half)
    return Share(count, n, p, lower, upper)


@dataclass(frozen=True)
class Mean:
    n: int
    value: float | None
    lower: float | None
    upper: float | None


def mean_interval(values: Sequence[float], z: float = Z95) -> Mean:
    """The mean with mean ± z·sd/√n (sample sd); no interval for fewer than two values."""
    n = len(values)
    if n == 0:
        return Mean(0, None, None, None)
    mean = sum(values) / n
    if n == 1:
        return Mean(1, mean, None, None)
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
    half = z * sd / math.sqrt(n)
    return Mean(n, mean, mean - half, mean + half)
