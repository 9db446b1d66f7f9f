"""The retention chart: Kaplan-Meier curves as steps, drawn on the server as SVG (no script), one
curve per cohort, with a table of the same figures beside it on the page."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from naltrack.clinical.outcomes.survival import Curve

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 40, 12, 10, 28
DAY_TICKS = (0, 30, 90, 180, 270, 365)


def _x(day: int, days: int) -> float:
    return LEFT + (WIDTH - LEFT - RIGHT) * min(day, days) / days


def _y(share: float) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - share)


def _path(curve: Curve, days: int) -> str:
    """Steps: level until a day with ends, then down; the line stops at the last follow-up."""
    points = [(0, 1.0)]
    for step in curve.steps:
        if step.day > days:
            break
        points.append((step.day, points[-1][1]))
        points.append((step.day, step.survival))
    return " ".join(f"{_x(d, days):.1f},{_y(s):.1f}" for d, s in points)


def retention_chart(curves: Sequence[tuple[str, Curve]], *, summary: str) -> SafeString:
    """The curves of ``curves`` (label, curve) over their first year, each in its own style."""
    longest = max((c.steps[-1].day for _, c in curves if c.steps), default=180)
    days = max(t for t in DAY_TICKS if t <= max(longest, 180)) or 180
    grid = format_html_join(
        "",
        '<line class="grid" x1="{}" x2="{}" y1="{}" y2="{}"/>'
        '<text class="tick" x="{}" y="{}">{}%</text>',
        (
            (
                LEFT,
                WIDTH - RIGHT,
                f"{_y(p):.1f}",
                f"{_y(p):.1f}",
                LEFT - 6,
                f"{_y(p) + 4:.1f}",
                int(p * 100),
            )
            for p in (0.0, 0.25, 0.5, 0.75, 1.0)
        ),
    )
    ticks = format_html_join(
        "",
        '<text class="tick tick-x" x="{}" y="{}">{}</text>',
        ((f"{_x(t, days):.1f}", HEIGHT - 8, f"day {t}") for t in DAY_TICKS if t <= days),
    )
    lines = format_html_join(
        "",
        '<polyline class="km s-{}" points="{}"><title>{}</title></polyline>',
        ((n % 4, _path(curve, days), label) for n, (label, curve) in enumerate(curves)),
    )
    return format_html(
        '<svg role="img" viewBox="0 0 {} {}" aria-labelledby="km-title km-desc">'
        '<title id="km-title">Time in treatment</title><desc id="km-desc">{}</desc>'
        "{}{}{}</svg>",
        WIDTH,
        HEIGHT,
        summary,
        grid,
        ticks,
        lines,
    )
