"""The report's files: its table, and the de-identified episodes behind it, as CSV. A file may
leave the clinic, so no figure in it may point at fewer than 11 people.

source: NALTRACK, following the US public-health practice of suppressing cells of 1 to 10 (the
CMS cell-size suppression policy): a count from 1 to 10, a share whose n or count is from 1 to
10, and a mean over fewer than 11 people are written as "<11". Zero is shown.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from typing import Final

from naltrack.reports.facts import ReportEpisode
from naltrack.reports.outcomes import OutcomeReport, Row, report_rows

SMALLEST_CELL: Final = 11
SUPPRESSED: Final = "<11"


def _small(number: int) -> bool:
    return 0 < number < SMALLEST_CELL


def suppressed(row: Row) -> bool:
    if row.unit == "count":
        return _small(int(row.value or 0)) or _small(row.n)
    if row.unit == "share" and row.value is not None:
        return _small(row.n) or _small(round(row.value * row.n))
    return _small(row.n)


def _cells(row: Row) -> list[object]:
    if suppressed(row):
        return [SUPPRESSED if row.n < SMALLEST_CELL else row.n, SUPPRESSED, "", ""]
    return [row.n, row.value, row.lower, row.upper]


def report_csv(report: OutcomeReport) -> str:
    """The table of every figure, for the whole cohort and each group side by side."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["cohort", "section", "measure", "unit", "n", "value", "lower_95", "upper_95"])
    cohorts = [("All", report.measures), *report.groups]
    for label, measures in cohorts:
        for row in report_rows(measures):
            writer.writerow([label, row.section, row.measure, row.unit, *_cells(row)])
    return out.getvalue()


EPISODE_COLUMNS: Final = [
    "episode",
    "indication",
    "formulation",
    "therapy",
    "age_band",
    "start_month",
    "days_in_treatment",
    "ended",
    "days_covered_share",
    "second_dose",
    "injections_on_time",
    "injections_due",
    "heavy_days_per_30_first_month",
    "heavy_days_per_30_after",
    "screens_negative",
    "screens",
    "phq9_change",
    "returned_to_treatment",
]


def _number(value: float | None) -> object:
    return "" if value is None else round(value, 3)


def _start_month(item: ReportEpisode) -> str:
    return f"{item.started_on or item.opened:%Y-%m}"


def episodes_csv(report: OutcomeReport) -> str:
    """One row per episode of the cohort, de-identified: no name, id, or date finer than the
    month the first dose fell in; episodes are numbered in an order that says nothing of who
    they are. Where fewer than 11 episodes share the same indication, formulation, therapy, age
    band and start month, their age band and start month are withheld (source: NALTRACK,
    following the small-cell rule above)."""

    def key(item: ReportEpisode) -> tuple[str, ...]:
        return (
            item.figures.indication,
            item.formulation or "",
            item.therapy,
            item.age_band or "",
            _start_month(item),
        )

    sizes = Counter(key(item) for item in report.episodes)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EPISODE_COLUMNS)
    for number, item in enumerate(sorted(report.episodes, key=key), start=1):
        s = item.figures
        small = sizes[key(item)] < SMALLEST_CELL
        writer.writerow(
            [
                number,
                item.figures.indication,
                item.formulation or "",
                item.therapy,
                SUPPRESSED if small else item.age_band or "",
                SUPPRESSED if small else _start_month(item),
                "" if s.days_in_treatment is None else s.days_in_treatment,
                "" if s.ended is None else int(s.ended),
                _number(s.days_covered_share),
                int(s.second_dose),
                s.injections_on_time,
                s.injections_due,
                _number(s.heavy_per_30_first_month if s.treats_alcohol else None),
                _number(s.heavy_per_30_after if s.treats_alcohol else None),
                s.screens_negative,
                s.screens,
                _number(s.phq9_change),
                int(s.days_to_return is not None),
            ]
        )
    return out.getvalue()
