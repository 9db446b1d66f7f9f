"""Parsing the calculators' JSON input (docs/calculators.md) into typed values.

One validation for all three doors (Python, CLI, HTTP): every problem raises ``InputError``
naming the offending field with a dotted path (``labs.0.value``), and unknown fields are errors.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any, Final, TypeVar

T = TypeVar("T", bound=str)

# The calendar the rules count in. They add days and months to the dates they are given (the
# next injection 28 days on, follow-up contacts months after a stop) and Python's calendar ends
# at 9999-12-31, so a mistyped year could push a sum past it. source: NALTRACK — far wider than
# any real record or plan, far enough inside Python's calendar that no sum can leave it. The
# record keeps its own, much tighter bounds for each kind of date (naltrack.care.dates).
FIRST_DAY: Final = dt.date(1900, 1, 1)
LAST_DAY: Final = dt.date(2199, 12, 31)
# ASCII digits only: ``date.fromisoformat`` also takes other ISO forms of ten characters
# ("2026-W11-1", a week date) that the contract does not promise.
_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class InputError(ValueError):
    """Invalid calculator input; ``field`` is the dotted path of the bad value."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message

    def to_json(self) -> dict[str, dict[str, str]]:
        return {"error": {"field": self.field, "message": self.message}}


def path(parent: str, key: str | int) -> str:
    return f"{parent}.{key}" if parent else str(key)


def as_object(
    value: Any, field: str, *, required: Iterable[str], optional: Iterable[str] = ()
) -> Mapping[str, Any]:
    """Check ``value`` is a JSON object with all ``required`` keys and nothing unknown."""
    if not isinstance(value, Mapping):
        raise InputError(field or "$", "must be a JSON object")
    required = tuple(required)
    allowed = set(required) | set(optional)
    for key in value:
        if key not in allowed:
            raise InputError(path(field, key), "unknown field")
    for key in required:
        if key not in value:
            raise InputError(path(field, key), "is required")
    return value


def in_calendar(day: dt.date, field: str) -> dt.date:
    """``day`` when the rules can count from it; otherwise ``InputError`` on ``field``."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise InputError(
            field, f"must be between {FIRST_DAY.isoformat()} and {LAST_DAY.isoformat()}"
        )
    return day


# Dates the rules work out from their inputs (a follow-up months after a stop that starts at
# the end of the calendar) may pass LAST_DAY; these bounds only keep such sums inside Python's
# calendar, centuries from either end.
_COUNTABLE: Final = (dt.date(1000, 1, 1), dt.date(9000, 12, 31))


def countable(day: dt.date, field: str) -> dt.date:
    """``day`` when the rules can still add years to it; otherwise ``InputError`` on ``field``."""
    if not _COUNTABLE[0] <= day <= _COUNTABLE[1]:
        raise InputError(
            field, f"must be between {FIRST_DAY.isoformat()} and {LAST_DAY.isoformat()}"
        )
    return day


def as_date(value: Any, field: str) -> dt.date:
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        return _bad_date(field)
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return _bad_date(field)
    return in_calendar(day, field)


def _bad_date(field: str) -> dt.date:
    raise InputError(field, "must be a date as YYYY-MM-DD")


def as_optional_date(value: Any, field: str) -> dt.date | None:
    return None if value is None else as_date(value, field)


def as_bool(value: Any, field: str) -> bool:
    if not isinstance(value, bool):
        raise InputError(field, "must be true or false")
    return value


def as_optional_bool(value: Any, field: str) -> bool | None:
    return None if value is None else as_bool(value, field)


def as_int(
    value: Any, field: str, *, minimum: int | None = None, maximum: int | None = None
) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(field, "must be a whole number")
    if minimum is not None and value < minimum:
        raise InputError(field, f"must be at least {minimum}")
    if maximum is not None and value > maximum:
        raise InputError(field, f"must be at most {maximum}")
    return value


def as_number(value: Any, field: str, *, minimum: float | None = None) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError(field, "must be a number")
    try:
        number = float(value)
    except OverflowError:
        # A whole number of hundreds of digits: beyond any float, so not a finite number either.
        number = float("inf")
    if number != number or number in (float("inf"), float("-inf")):
        raise InputError(field, "must be a finite number")
    if minimum is not None and number < minimum:
        raise InputError(field, f"must be at least {minimum}")
    return number


def as_str(value: Any, field: str, *, max_length: int = 500) -> str:
    if not isinstance(value, str):
        raise InputError(field, "must be text")
    if len(value) > max_length:
        raise InputError(field, f"must be at most {max_length} characters")
    return value


def as_choice(value: Any, field: str, choices: tuple[T, ...]) -> T:
    for choice in choices:
        if value == choice:
            return choice
    raise InputError(field, "must be one of " + ", ".join(repr(c) for c in choices))


def as_list(value: Any, field: str, *, max_items: int = 200) -> list[Any]:
    if not isinstance(value, list):
        raise InputError(field, "must be a list")
    if len(value) > max_items:
        raise InputError(field, f"must have at most {max_items} entries")
    return value
