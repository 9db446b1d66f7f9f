"""Small server-drawn SVG charts for the chart page: no script, so they pass the CSP and print.

Each chart is an ``<svg role="img">`` with a title and a one-line summary for screen readers;
the page shows the numbers in a table beside it for anyone who would rather read than look.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from naltrack.web.dates import short_date

WIDTH, HEIGHT = 640, 180
LEFT, RIGHT, TOP, BOTTOM = 36, 8, 10, 24


@dataclass(frozen=True)
class Series:
    label: str
    points: Sequence[tuple[dt.date, float]]
    css_class: str


@dataclass(frozen=True)
class Guide:
    """A horizontal reference line, e.g. a clinic threshold."""

    value: float
    label: str


def _x(day: dt.date, start: dt.date, days: int) -> float:
    return LEFT + (WIDTH - LEFT - RIGHT) * ((day - start).days / max(days, 1))


def _y(value: float, y_max: float) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - min(value, y_max) / y_max)


def line_chart(
    *,
    title: str,
    summary: str,
    series: Sequence[Series],
    start: dt.date,
    end: dt.date,
    y_max: float,
    y_ticks: Sequence[float],
    guides: Sequence[Guide] = (),
    bars: bool = False,
) -> SafeString:
    days = (end - start).days
    grid = format_html_join(
        "",
        '<line class="grid" x1="{}" x2="{}" y1="{}" y2="{}"/><text class="tick" x="{}" y="{}">{}</text>',
        (
            (
                LEFT,
                WIDTH - RIGHT,
                f"{_y(t, y_max):.1f}",
                f"{_y(t, y_max):.1f}",
                LEFT - 6,
                f"{_y(t, y_max) + 4:.1f}",
                f"{t:g}",
            )
            for t in y_ticks
        ),
    )
    months = format_html_join(
        "",
        '<text class="tick tick-x" x="{}" y="{}">{}</text>',
        (
            (f"{_x(day, start, days):.1f}", HEIGHT - 6, short_date(day, "M j"))
            for day in (start + dt.timedelta(days=n) for n in range(0, days + 1, max(days // 5, 1)))
            # a label needs room to its right
            if _x(day, start, days) < WIDTH - 48
        ),
    )
    guide_lines = format_html_join(
        "",
        '<line class="guide" x1="{}" x2="{}" y1="{}" y2="{}"/><text class="guide-label" x="{}" y="{}">{}</text>',
        (
            (
                LEFT,
                WIDTH - RIGHT,
                f"{_y(g.value, y_max):.1f}",
                f"{_y(g.value, y_max):.1f}",
                WIDTH - RIGHT - 4,
                f"{_y(g.value, y_max) - 3:.1f}",
                g.label,
            )
            for g in guides
        ),
    )
    drawn = []
    for line in series:
        if bars:
            bar_width = max((WIDTH - LEFT - RIGHT) / max(days, 1) - 1, 1)
            drawn.append(
                format_html_join(
                    "",
                    '<rect class="{}" x="{}" y="{}" width="{}" height="{}"><title>{}: {}</title></rect>',
                    (
                        (
                            line.css_class,
                            f"{_x(day, start, days):.1f}",
                            f"{_y(value, y_max):.1f}",
                            f"{bar_width:.1f}",
                            f"{_y(0, y_max) - _y(value, y_max):.1f}",
                            day.isoformat(),
                            f"{value:g}",
                        )
                        for day, value in line.points
                    ),
                )
            )
        else:
            coordinates = " ".join(
                f"{_x(day, start, days):.1f},{_y(value, y_max):.1f}" for day, value in line.points
            )
            drawn.append(
                format_html(
                    '<polyline class="{}" points="{}"><title>{}</title></polyline>{}',
                    line.css_class,
                    coordinates,
                    line.label,
                    format_html_join(
                        "",
                        '<circle class="{}" cx="{}" cy="{}" r="2.5"><title>{}: {}</title></circle>',
                        (
                            (
                                line.css_class,
                                f"{_x(d, start, days):.1f}",
                                f"{_y(v, y_max):.1f}",
                                d.isoformat(),
                                f"{v:g}",
                            )
                            for d, v in line.points
                        ),
                    ),
                )
            )
    legend = format_html_join(
        "",
        '<li><span class="key {}"></span>{}</li>',
        ((line.css_class, line.label) for line in series),
    )
    return format_html(
        '<figure class="chart"><svg viewBox="0 0 {} {}" role="img" aria-label="{}: {}" preserveAspectRatio="none">'
        '{}{}{}{}</svg><figcaption><strong>{}</strong> {}<ul class="legend">{}</ul></figcaption></figure>',
        WIDTH,
        HEIGHT,
        title,
        summary,
        grid,
        months,
        guide_lines,
        SafeString("".join(drawn)),
        title,
        summary,
        legend,
    )
