"""One rule's outcome: its finding, and what it does to the start (``effect``, ``earliest``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from naltrack.clinical.findings import Effect, Finding


@dataclass(frozen=True)
class Outcome:
    finding: Finding
    effect: Effect | None = None
    earliest: dt.date | None = None  # for not_yet: the first date this rule allows


def info(code: str, message: str, source: str) -> Outcome:
    return Outcome(Finding(code, "info", message, source))


def warn(code: str, message: str, source: str) -> Outcome:
    return Outcome(Finding(code, "warning", message, source))


def block(
    code: str, effect: Effect, message: str, source: str, earliest: dt.date | None = None
) -> Outcome:
    return Outcome(Finding(code, "block", message, source), effect, earliest)


def days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"
