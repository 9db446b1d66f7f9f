"""The four charts of a patient's chart page: cravings, drinking and use, doses, liver enzymes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.safestring import SafeString

from naltrack.care import selectors
from naltrack.web.charts import Guide, Series, line_chart


def chart_figures(chart: Any) -> dict[str, SafeString]:
    """The four charts of the patient's chart page, from ``selectors.Chart``."""
    end = chart.today
    start = end - dt.timedelta(days=selectors.CHART_DAYS)
    figures = {}

    cravings = [(c.day, float(c.craving)) for c in chart.check_ins]
    if cravings:
        recent = [v for d, v in cravings if d > end - dt.timedelta(days=7)]
        summary = f"latest {cravings[-1][1]:g}/10" + (
            f", 7-day average {sum(recent) / len(recent):.1f}" if recent else ""
        )
        figures["cravings"] = line_chart(
            title="Cravings",
            summary=summary,
            series=[Series("Craving (0-10)", cravings, "s-craving")],
            start=start,
            end=end,
            y_max=10,
            y_ticks=(0, 4, 7, 10),
            guides=[Guide(chart.thresholds.craving_high, "high")],
        )

    drinks = [(c.day, float(c.drinks)) for c in chart.check_ins if c.drinks]
    use_days = [(c.day, 1.0) for c in chart.check_ins if c.opioid_use]
    if chart.check_ins:
        figures["use"] = line_chart(
            title="Drinking and opioid use",
            summary=f"{len(drinks)} drinking days and {len(use_days)} opioid-use days in {len(chart.check_ins)} check-ins",
            series=[
                Series("Drinks that day", drinks, "s-drinks"),
                Series("Opioid use reported", use_days, "s-use"),
            ],
            start=start,
            end=end,
            y_max=max([10.0, *(v for _, v in drinks)]),
            y_ticks=(0, 5, 10),
            bars=True,
        )

    weeks: dict[dt.date, list[int]] = {}
    for event in chart.dose_events:
        week = event.day - dt.timedelta(days=event.day.weekday())
        weeks.setdefault(week, []).append(1 if event.status == "taken" else 0)
    if weeks:
        adherence = [(week, 100.0 * sum(v) / len(v)) for week, v in sorted(weeks.items())]
        figures["adherence"] = line_chart(
            title="Doses taken",
            summary=f"{adherence[-1][1]:.0f}% this week",
            series=[Series("Doses taken per week (%)", adherence, "s-adherence")],
            start=start,
            end=end,
            y_max=100,
            y_ticks=(0, 50, 100),
        )

    enzymes = {
        test: [(lab.collected_on, lab.multiple_of_uln) for lab in chart.labs if lab.test == test]
        for test in ("ALT", "AST")
    }
    if any(enzymes.values()):
        lab_start = min(d for points in enzymes.values() for d, _ in points)
        peak = max(v for points in enzymes.values() for _, v in points)
        figures["liver"] = line_chart(
            title="Liver enzymes",
            summary=f"as multiples of the upper limit of normal; highest {peak:.1f}×",
            series=[
                Series("ALT × ULN", enzymes["ALT"], "s-alt"),
                Series("AST × ULN", enzymes["AST"], "s-ast"),
            ],
            start=min(lab_start, start),
            end=end,
            y_max=max(6.0, peak + 0.5),
            y_ticks=(
                0,
                1,
                chart.thresholds.liver_warn_multiple,
                chart.thresholds.liver_urgent_multiple,
            ),
            guides=[
                Guide(
                    chart.thresholds.liver_warn_multiple,
                    f"{chart.thresholds.liver_warn_multiple:g}× review",
                ),
                Guide(
                    chart.thresholds.liver_urgent_multiple,
                    f"{chart.thresholds.liver_urgent_multiple:g}× urgent",
                ),
            ],
        )
    return figures
