"""How a figure of the report reads on the page: a share as a percentage, a rate or a mean with
one decimal, days as whole days; the interval after it."""

from __future__ import annotations

from django import template

from naltrack.reports.outcomes import Row

register = template.Library()


def _one(value: float, unit: str) -> str:
    if unit == "share":
        return f"{value:.0%}"
    if unit in ("days", "count"):
        return f"{value:.0f}"
    return f"{value:+.1f}" if unit == "points" else f"{value:.1f}"


@register.filter
def figure(row: Row) -> str:
    if row.value is None:
        return "—"
    text = _one(row.value, row.unit)
    if row.lower is not None and row.upper is not None:
        text += f" ({_one(row.lower, row.unit)} to {_one(row.upper, row.unit)})"
    return text
