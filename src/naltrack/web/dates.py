"""Dates as pages and messages show them: short, with the year only when it is not this year.

"Jan 7" reads as this January; a date of another year keeps its year ("Jan 7, 2027"), so a
follow-up or a start a year off is never mistaken for one this year.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.dateformat import format as date_format

# The format characters that write a day or a month (Django's ``date`` filter).
DAY_CHARACTERS = frozenset("dj")
MONTH_CHARACTERS = frozenset("bEFmMNn")


def with_year(format_string: str) -> str:
    """``format_string`` with the year after its day and month: "M j" → "M j, Y" (month first,
    US style), "D j M" → "D j M Y" (day first)."""
    places = [i for i, c in enumerate(format_string) if c in DAY_CHARACTERS | MONTH_CHARACTERS]
    if not places:
        return format_string
    last = places[-1]
    month_first = format_string[last] in DAY_CHARACTERS
    return f"{format_string[: last + 1]}{', Y' if month_first else ' Y'}{format_string[last + 1 :]}"


def short_date(value: dt.date | dt.datetime | None, format_string: str = "M j") -> str:
    """``value`` in ``format_string`` (a format without a year), with the year added when the
    date is not in the current year of the clinic's time zone."""
    if value is None:
        return ""
    # As Django's ``date`` filter does: local time, or the zone a ``timezone`` filter chose.
    if (
        isinstance(value, dt.datetime)
        and timezone.is_aware(value)
        and getattr(value, "convert_to_local_time", True)
    ):
        value = timezone.localtime(value)
    if value.year != timezone.localdate().year:
        format_string = with_year(format_string)
    return date_format(value, format_string)
