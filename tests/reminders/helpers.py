"""A controllable clock and a patient on treatment, for the reminder tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from zoneinfo import ZoneInfo

from naltrack.reminders import services
from naltrack.reminders.models import Notification

NEW_YORK = ZoneInfo("America/New_York")
UTC = dt.UTC


def local(day: dt.date, hour: int, minute: int = 0, zone: ZoneInfo = NEW_YORK) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=zone)


def hours(start: dt.datetime, end: dt.datetime, step: dt.timedelta) -> Iterator[dt.datetime]:
    moment = start
    while moment <= end:
        yield moment
        moment += step


def run_clock(
    start: dt.datetime, end: dt.datetime, step: dt.timedelta = dt.timedelta(hours=1)
) -> None:
    """Tick the scheduler from ``start`` to ``end``, sending what is ready at each tick."""
    for now in hours(start, end, step):
        services.reminders_tick(
            now=now,
            send=lambda pk, now=now: services.notification_send(notification_id=pk, now=now),
        )


def sent(kind: str | None = None) -> list[tuple[str, dt.datetime]]:
    """(kind, local due time) of every notification, oldest first."""
    rows = Notification.objects.order_by("due_at", "kind")
    if kind:
        rows = rows.filter(kind=kind)
    return [(n.kind, n.due_at.astimezone(NEW_YORK)) for n in rows]
