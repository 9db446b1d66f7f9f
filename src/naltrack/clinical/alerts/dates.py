"""Reading a snapshot's dates against its ``as_of`` date.

"In the last N days" means the N days ending on ``as_of``, ``as_of`` included; data dated after
``as_of`` is ignored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from naltrack.clinical.alerts.snapshot import CheckIn, PatientSnapshot


def iso(day: dt.date) -> str:
    return day.isoformat()


def days_ago(snapshot: PatientSnapshot, day: dt.date) -> int:
    return (snapshot.as_of - day).days


def in_last(snapshot: PatientSnapshot, day: dt.date, days: int, *, skip: int = 0) -> bool:
    """Whether ``day`` falls in the ``days`` days ending ``skip`` days before ``as_of``."""
    return skip <= days_ago(snapshot, day) < skip + days


def up_to_today(snapshot: PatientSnapshot, days: Iterable[dt.date]) -> list[dt.date]:
    return sorted(day for day in days if day <= snapshot.as_of)


def check_ins_to_date(snapshot: PatientSnapshot) -> list[CheckIn]:
    return sorted((c for c in snapshot.check_ins if c.on <= snapshot.as_of), key=lambda c: c.on)
