"""Follow-up contacts after stopping: how many, how often, and never on a weekend.

Defaults (``FollowUpPolicy``, NALTRACK, clinic-configurable):

- opioid use disorder (``OUD``, ``OUD_AUD``): 3, 7, 14, 21 and 28 days after the anchor, then
  monthly for two more months (NALTRACK, from TIP63's emphasis on the overdose window);
- alcohol use disorder, or indication not given: 7, 14 and 28 days, then monthly for two more
  months.

The monthly contacts are one and two calendar months after the 28-day contact, which covers
the first 3 months. The anchor is chosen by the plan (the last oral dose, or the day an
injection's blockade ends).

Weekends: a contact that falls on a Saturday or a Sunday moves to the Friday before. Earlier is
the safe direction: in the first weeks after stopping the overdose risk is highest, and a
contact moved to the Monday after would leave a 3-day contact at 4 or 5 days. A contact moves to
the Monday after only when the Friday before would not be after the anchor and the contact
before it (a clinic's policy with contacts 1 or 2 days after the anchor). Contacts never repeat.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from itertools import pairwise
from typing import Final

from naltrack.clinical.contract import countable
from naltrack.clinical.regimens import Indication

FRIDAY: Final = 4  # dt.date.weekday(): Monday = 0


@dataclass(frozen=True)
class FollowUpPolicy:
    """Follow-up contacts after stopping (NALTRACK defaults, clinic-configurable)."""

    # source: NALTRACK — AUD, or indication not given: 1, 2 and 4 weeks.
    days_after: tuple[int, ...] = (7, 14, 28)
    # source: NALTRACK, from TIP63 — OUD and OUD_AUD: 3 days, then weekly to 4 weeks.
    opioid_days_after: tuple[int, ...] = (3, 7, 14, 21, 28)
    monthly_contacts: int = 2  # source: NALTRACK — then monthly, to 3 months after the anchor
    avoid_weekends: bool = True  # source: NALTRACK — a weekend contact moves to the Friday before

    def __post_init__(self) -> None:
        for name in ("days_after", "opioid_days_after"):
            days = getattr(self, name)
            if not days or days[0] < 1:
                raise ValueError(f"{name} must start at 1 day or later")
            if any(b <= a for a, b in pairwise(days)):
                raise ValueError(f"{name} must be increasing")
        if self.monthly_contacts < 0:
            raise ValueError("monthly_contacts must not be negative")

    def days_for(self, indication: Indication | None) -> tuple[int, ...]:
        """The contacts in days after the anchor for this indication (``None``: not given)."""
        return self.opioid_days_after if indication in ("OUD", "OUD_AUD") else self.days_after


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months later, clamped to the month end (Jan 31 → Feb 28)."""
    countable(day, "day")
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def on_a_weekday(day: dt.date, *, after: dt.date) -> dt.date:
    """``day``, or for a weekend day the Friday before if that is after ``after``, else the Monday
    after (source: NALTRACK)."""
    if day.weekday() <= FRIDAY:
        return day
    friday = day - dt.timedelta(days=day.weekday() - FRIDAY)
    if friday > after:
        return friday
    return day + dt.timedelta(days=7 - day.weekday())


def follow_up_dates(
    anchor: dt.date,
    policy: FollowUpPolicy | None = None,
    *,
    indication: Indication | None = None,
) -> tuple[dt.date, ...]:
    """Contacts after the anchor for the indication, then monthly (NALTRACK), on weekdays."""
    policy = policy or FollowUpPolicy()
    countable(anchor, "anchor")
    weekly = [anchor + dt.timedelta(days=days) for days in policy.days_for(indication)]
    monthly = [add_months(weekly[-1], k) for k in range(1, policy.monthly_contacts + 1)]
    planned = [*weekly, *monthly]
    if not policy.avoid_weekends:
        return tuple(planned)
    contacts: list[dt.date] = []
    for day in planned:
        moved = on_a_weekday(day, after=max([anchor, *contacts[-1:]]))
        if moved not in contacts:
            contacts.append(moved)
    return tuple(sorted(contacts))
