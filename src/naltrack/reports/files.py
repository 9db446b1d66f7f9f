"""The report's table as CSV, with small cells suppressed: a file may leave the clinic, so no
figure in it may point at fewer than 11 people.

source: NALTRACK, following the US public-health practice of suppressing cells of 1 to 10 (the
CMS cell-size suppression policy): a count from 1 to 10, a share whose n or count is from 1 to
10, and a mean over fewer than 11 people are written as "<11". Zero is shown.
"""

from __future__ import annotations

import csv
import io
from typing import Final

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
