"""Quiet hours: when a moment falls inside them, and what becomes of a daily reminder that does.

The scheduler holds a reminder due inside quiet hours and sends it when they end
(``services.after_quiet_hours``): nothing is skipped. The reminder pages use the same rule to
tell a patient, or a clinic admin, that the daily reminder time they chose will be held.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

QuietHours = tuple[dt.time, dt.time]


def inside(time: dt.time, quiet_hours: QuietHours | None) -> bool:
    """Whether ``time`` is quiet: from the start (included) to the end (not included), across
    midnight when the end comes before the start (22:00 to 07:00)."""
    if quiet_hours is None or quiet_hours[0] == quiet_hours[1]:
        return False
    start, end = quiet_hours
    if start < end:
        return start <= time < end
    return time >= start or time < end


def ends_next_day(time: dt.time, quiet_hours: QuietHours) -> bool:
    """Whether quiet hours that ``time`` is inside end on the next calendar day."""
    start, end = quiet_hours
    return start > end and time >= start


@dataclass(frozen=True)
class HeldReminder:
    """A daily reminder time inside quiet hours: it is sent at ``sent_at`` instead."""

    reminder_time: dt.time
    start: dt.time
    sent_at: dt.time
    next_morning: bool


def daily_reminder_held(
    *, reminder_time: dt.time, quiet_hours: QuietHours | None
) -> HeldReminder | None:
    """What happens to a daily reminder at ``reminder_time``, or None when it goes on time."""
    if quiet_hours is None or not inside(reminder_time, quiet_hours):
        return None
    start, end = quiet_hours
    return HeldReminder(
        reminder_time=reminder_time,
        start=start,
        sent_at=end,
        next_morning=ends_next_day(reminder_time, quiet_hours),
    )
