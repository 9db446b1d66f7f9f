"""When each kind of date in a patient's record can fall: one rule per kind, in the clinic's words.

Nothing about a patient happens before they were born; what belongs to an episode, a regimen or
a stop plan happens once it has begun; what has happened (doses, injections, labs, use, contacts)
is today at the latest, and what is booked or planned is at most a year ahead. A refused date
names the range it must fall in ("between 3 Mar 2026 (when this regimen began) and today").

The services refuse a date outside its range (``ClinicalRuleError`` on the field), so no door
can bypass it; the forms check the same range first (``web.forms.keep_within``) so a mistyped
year is a field error before anything is counted from it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

from django.utils import timezone

from naltrack.care.errors import ClinicalRuleError
from naltrack.care.models import Episode, FollowUp, Patient, Regimen

# source: NALTRACK — bookings and plans (a start, a stop, a session, a surgery) reach a year
# ahead at most; a later date is a mistyped year, and it would push the patient's lists (Today,
# injections due) out of sight.
PLAN_AHEAD_DAYS: Final = 365
# source: NALTRACK — an older date of birth is a typing slip (1905 for 1995), not a person.
OLDEST_AGE: Final = 120
# source: NALTRACK — the clinic treats adolescents and adults (under 18 the start check asks
# for review: REVIA, VIVITROL §8.4); a younger date of birth is a mistyped year.
YOUNGEST_AGE: Final = 12


def day_text(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


@dataclass(frozen=True)
class DateRange:
    """The days a kind of date may fall on, each end with why it is there."""

    what: str  # the date, as a sentence starts: "The day of the dose"
    earliest: dt.date
    since: str  # why it starts then: "when this regimen began"
    latest: dt.date
    until: str  # why it ends then: "today", "a year from today"

    def allows(self, value: dt.date | dt.datetime) -> bool:
        return self.earliest <= _day(value) <= self.latest

    @property
    def refusal(self) -> str:
        latest = "today" if self.until == "today" else f"{day_text(self.latest)} ({self.until})"
        return f"{self.what} must be between {day_text(self.earliest)} ({self.since}) and {latest}."

    def check(self, value: dt.date | dt.datetime, field: str) -> None:
        """Refuse ``value`` outside the range, on ``field``."""
        if not self.allows(value):
            raise ClinicalRuleError(field, self.refusal)


def _day(value: dt.date | dt.datetime) -> dt.date:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def _today(today: dt.date | None) -> dt.date:
    return today or timezone.localdate()


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year - years, day=28)


def _a_year_ahead(today: dt.date) -> dt.date:
    return today + dt.timedelta(days=PLAN_AHEAD_DAYS)


# --- the patient ------------------------------------------------------------------------------


def birth_dates(today: dt.date | None = None) -> DateRange:
    today = _today(today)
    return DateRange(
        "The date of birth",
        _years_before(today, OLDEST_AGE),
        f"{OLDEST_AGE} years ago",
        _years_before(today, YOUNGEST_AGE),
        f"{YOUNGEST_AGE} years ago",
    )


def since_birth(patient: Patient, what: str, today: dt.date | None = None) -> DateRange:
    """Something that has happened to the patient: a lab, a screen, a questionnaire, opioid use,
    a check-in, an episode opened."""
    return DateRange(what, patient.date_of_birth, "the date of birth", _today(today), "today")


# The enrollment form's question "used any opioids in the last 30 days?".
RECENT_USE_DAYS: Final = 30


def recent_use_days(today: dt.date | None = None) -> DateRange:
    """The day of last use for someone who answered yes to use in the last 30 days."""
    today = _today(today)
    return DateRange(
        "The day you last used",
        today - dt.timedelta(days=RECENT_USE_DAYS),
        f"{RECENT_USE_DAYS} days ago",
        today,
        "today",
    )


def care_began(patient: Patient) -> dt.date:
    """The day the patient's care at the clinic began: their first episode, or registration."""
    registered = timezone.localdate(patient.created_at) if patient.created_at else None
    opened = patient.episodes.order_by("opened_on").values_list("opened_on", flat=True).first()
    return min(day for day in (registered, opened, timezone.localdate()) if day is not None)


def session_times(patient: Patient, today: dt.date | None = None) -> DateRange:
    """A therapy session booked, or recorded after it took place."""
    today = _today(today)
    return DateRange(
        "The session",
        care_began(patient),
        "when care at the clinic began",
        _a_year_ahead(today),
        "a year from today",
    )


# --- an episode and its regimens --------------------------------------------------------------


def start_check_dates(episode: Episode, today: dt.date | None = None) -> DateRange:
    """The planned start day a start check is run for."""
    today = _today(today)
    return DateRange(
        "The planned start date",
        episode.opened_on,
        "when this episode opened",
        _a_year_ahead(today),
        "a year from today",
    )


def challenge_dates(episode: Episode, today: dt.date | None = None) -> DateRange:
    return DateRange(
        "The naloxone challenge",
        episode.opened_on,
        "when this episode opened",
        _today(today),
        "today",
    )


def regimen_start_dates(episode: Episode, today: dt.date | None = None) -> DateRange:
    """A regimen starts in its episode, and not before the regimen it replaces."""
    today = _today(today)
    earliest, since = episode.opened_on, "when this episode opened"
    current = episode.regimens.filter(end__isnull=True).order_by("-start").first()
    if current is not None and current.start > earliest:
        earliest, since = current.start, "when the current regimen began"
    return DateRange("The start date", earliest, since, _a_year_ahead(today), "a year from today")


def dose_days(regimen: Regimen, today: dt.date | None = None) -> DateRange:
    return DateRange(
        "The day of the dose", regimen.start, "when this regimen began", _today(today), "today"
    )


def injection_days(regimen: Regimen, today: dt.date | None = None) -> DateRange:
    return DateRange(
        "The day of the injection", regimen.start, "when this regimen began", _today(today), "today"
    )


def stop_plan_dates(regimen: Regimen, today: dt.date | None = None) -> DateRange:
    """The first day of a stop or taper plan."""
    today = _today(today)
    return DateRange(
        "The first day of the plan",
        regimen.start,
        "when treatment began",
        _a_year_ahead(today),
        "a year from today",
    )


def surgery_dates(regimen: Regimen, today: dt.date | None = None) -> DateRange:
    today = _today(today)
    return DateRange(
        "The surgery date",
        regimen.start,
        "when treatment began",
        _a_year_ahead(today),
        "a year from today",
    )


def follow_up_days(follow_up: FollowUp, today: dt.date | None = None) -> DateRange:
    """A contact after a stop happens once the stop plan has begun."""
    plan = follow_up.taper_plan
    began = dt.date.fromisoformat(plan.inputs["start"]) if plan else follow_up.episode.opened_on
    since = "when the stop plan began" if plan else "when this episode opened"
    return DateRange("The follow-up", began, since, _today(today), "today")
