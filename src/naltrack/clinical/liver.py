"""Liver-test thresholds, defined once for the start check and the alert rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

from naltrack.clinical.contract import in_calendar
from naltrack.clinical.discontinuation import add_months
from naltrack.clinical.evidence import rule

# source: NALTRACK (docs/clinical-sources.md) — the enzymes the thresholds apply to.
LIVER_ENZYMES: Final[tuple[str, ...]] = ("ALT", "AST")
# source: NALTRACK, informed by TIP63/AUDGUIDE (monitoring) and the Vivitrol OUD trial's
# exclusion of AST/ALT > 3x ULN (VIVITROL): above this, start with closer monitoring; alert.
LIVER_WARN_MULTIPLE: Final = 3.0
# source: NALTRACK, informed by X:BOT's exclusion of > 5x ULN (XBOT): a clinician decides.
LIVER_REVIEW_MULTIPLE: Final = 5.0


@dataclass(frozen=True)
class LiverThresholds:
    """ALT/AST multiples of the upper limit of normal (Naltrack defaults, clinic-configurable)."""

    warn_multiple: float = LIVER_WARN_MULTIPLE
    review_multiple: float = LIVER_REVIEW_MULTIPLE

    def __post_init__(self) -> None:
        if not 0 < self.warn_multiple <= self.review_multiple:
            raise ValueError("need 0 < warn_multiple <= review_multiple")


# source: NALTRACK, informed by TIP63/AUDGUIDE (baseline and periodic liver tests): tests at
# baseline, 3 months after the first dose, then every 6 months. A test up to a month early
# counts as the one due.
MONITOR_FIRST_MONTHS: Final = 3
MONITOR_EVERY_MONTHS: Final = 6
MONITOR_EARLY_DAYS: Final = 30

LIVER_MONITORING = rule(
    code="liver_monitoring_schedule",
    area="formulary",
    summary="Routine liver tests while on naltrexone",
    threshold=f"baseline, {MONITOR_FIRST_MONTHS} months after the first dose, then every "
    f"{MONITOR_EVERY_MONTHS} months (a test up to {MONITOR_EARLY_DAYS} days early counts)",
    source="NALTRACK+TIP63+AUDGUIDE",
)


def liver_tests_due(*, started_on: dt.date, last_test: dt.date | None) -> dt.date:
    """When the next routine liver test is due, given the first dose and the latest ALT/AST."""
    in_calendar(started_on, "started_on")
    if last_test is not None:
        in_calendar(last_test, "last_test")
    first_check = add_months(started_on, MONITOR_FIRST_MONTHS)
    if last_test is None or last_test < first_check - dt.timedelta(days=MONITOR_EARLY_DAYS):
        return first_check
    return add_months(last_test, MONITOR_EVERY_MONTHS)
