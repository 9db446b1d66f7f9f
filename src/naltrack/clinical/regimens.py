"""Naltrexone dosing regimens and the calendars they make.

A ``Regimen`` is a kind of schedule (see ``REGIMENS``) running from ``start`` to an optional
``end`` (both inclusive). ``schedule`` lists the doses or injections that fall inside a date
range, ``due_on`` answers for one day, and ``next_injection_due``/``next_site`` give the XR
calendar (380 mg every 28 days, alternating buttocks).

Calendars are anchored on the regimen's ``start``: "every other day" and "every third day" count
from the first dose, the weekday schedules follow the calendar week (Monday = 0), and
``oud_induction`` gives 25 mg only on its start day. A restart after a lapse is a new regimen with
a new start (and, for OUD, a new 25 mg first day): see ``start_check``.

Pure and deterministic: dates are always passed in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final, Literal

from naltrack.clinical.contract import in_calendar
from naltrack.clinical.evidence import rule
from naltrack.clinical.formulary import (
    TABLET_MG,
    XR_DOSE_MG,
    XR_INTERVAL_DAYS,
    Formulation,
    tablets_for,
)

RegimenKind = Literal[
    "aud_daily",
    "oud_induction",
    "weekday_50_sat_100",
    "alternate_day_100",
    "every_third_day_150",
    "mwf_100_100_150",
    "xr_monthly",
]
REGIMEN_KINDS: Final[tuple[RegimenKind, ...]] = (
    "aud_daily",
    "oud_induction",
    "weekday_50_sat_100",
    "alternate_day_100",
    "every_third_day_150",
    "mwf_100_100_150",
    "xr_monthly",
)

Indication = Literal["OUD", "AUD", "OUD_AUD"]
INDICATIONS: Final[tuple[Indication, ...]] = ("OUD", "AUD", "OUD_AUD")

Site = Literal["left_gluteal", "right_gluteal"]
SITES: Final[tuple[Site, Site]] = ("left_gluteal", "right_gluteal")

# source: REVIA §Dosage — OUD: 25 mg first dose, observe for withdrawal, then 50 mg daily.
OUD_FIRST_DOSE_MG: Final = 25
# source: REVIA §Dosage, AUDGUIDE — 50 mg once daily (AUD from the first dose).
DAILY_DOSE_MG: Final = TABLET_MG


@dataclass(frozen=True)
class RegimenInfo:
    """What a clinician chooses from: label, formulation, indications and the cited schedule."""

    kind: RegimenKind
    label: str
    formulation: Formulation
    indications: tuple[Indication, ...]
    schedule_text: str
    source: str
    rule_code: str


def _register(
    kind: RegimenKind,
    label: str,
    formulation: Formulation,
    indications: tuple[Indication, ...],
    schedule_text: str,
    source: str,
) -> RegimenInfo:
    code = rule(
        code=f"regimen_{kind}",
        area="regimens",
        summary=label,
        threshold=schedule_text,
        source=source,
    )
    return RegimenInfo(kind, label, formulation, indications, schedule_text, source, code)


REGIMENS: Final[dict[RegimenKind, RegimenInfo]] = {
    info.kind: info
    for info in (
        # source: REVIA §Dosage (alcoholism), AUDGUIDE — 50 mg once daily from the first dose.
        _register(
            "aud_daily",
            "Alcohol use disorder: 50 mg once daily",
            "oral",
            ("AUD",),
            "50 mg every day from the first day",
            "REVIA+AUDGUIDE",
        ),
        # source: REVIA §Dosage (opioid) — 25 mg first day, then 50 mg daily.
        _register(
            "oud_induction",
            "Opioid use disorder: 25 mg on the first day, then 50 mg daily",
            "oral",
            ("OUD", "OUD_AUD"),
            "25 mg on the first day, then 50 mg every day",
            "REVIA",
        ),
        # source: REVIA §Dosage — supervised alternative: 50 mg weekdays, 100 mg Saturday.
        _register(
            "weekday_50_sat_100",
            "Supervised: 50 mg Monday to Friday, 100 mg Saturday",
            "oral",
            ("OUD", "OUD_AUD"),
            "50 mg Monday to Friday, 100 mg Saturday, no dose on Sunday",
            "REVIA",
        ),
        # source: REVIA §Dosage — supervised alternative: 100 mg every other day.
        _register(
            "alternate_day_100",
            "Supervised: 100 mg every other day",
            "oral",
            ("OUD", "OUD_AUD"),
            "100 mg every second day, counted from the first dose",
            "REVIA",
        ),
        # source: REVIA §Dosage — supervised alternative: 150 mg every third day.
        _register(
            "every_third_day_150",
            "Supervised: 150 mg every third day",
            "oral",
            ("OUD", "OUD_AUD"),
            "150 mg every third day, counted from the first dose",
            "REVIA",
        ),
        # source: KJOME2011 — 100 mg Mon, 100 mg Wed, 150 mg Fri (350 mg a week); not in the label.
        _register(
            "mwf_100_100_150",
            "Supervised, clinician's choice: 100 mg Monday, 100 mg Wednesday, 150 mg Friday",
            "oral",
            ("OUD", "OUD_AUD"),
            "100 mg Monday, 100 mg Wednesday, 150 mg Friday (350 mg a week; not in the label text)",
            "KJOME2011",
        ),
        # source: VIVITROL §2 — 380 mg IM gluteal every 4 weeks, alternating buttocks.
        _register(
            "xr_monthly",
            "Extended-release injection: 380 mg every 4 weeks",
            "xr_injection",
            ("OUD", "AUD", "OUD_AUD"),
            "380 mg deep intramuscular gluteal injection every 28 days, alternating left and right",
            "VIVITROL",
        ),
    )
}

REGIMEN_CHOICES: Final[tuple[tuple[str, str], ...]] = tuple(
    (info.kind, info.label) for info in REGIMENS.values()
)

# Regimens with one dose every day: only these have a daily dose that can be stepped down.
DAILY_REGIMENS: Final[frozenset[RegimenKind]] = frozenset({"aud_daily", "oud_induction"})


def regimen_choices(indication: Indication | None = None) -> tuple[tuple[str, str], ...]:
    """(kind, label) pairs for a form's choices, limited to those that suit ``indication``."""
    return tuple(
        (info.kind, info.label)
        for info in REGIMENS.values()
        if indication is None or indication in info.indications
    )


@dataclass(frozen=True)
class Regimen:
    kind: RegimenKind
    start: dt.date
    end: dt.date | None = None
    first_site: Site = "left_gluteal"

    def __post_init__(self) -> None:
        if self.kind not in REGIMENS:
            raise ValueError(f"unknown regimen kind {self.kind!r}")
        if self.first_site not in SITES:
            raise ValueError(f"unknown injection site {self.first_site!r}")
        in_calendar(self.start, "start")
        if self.end is not None and in_calendar(self.end, "end") < self.start:
            raise ValueError("a regimen cannot end before it starts")

    @property
    def info(self) -> RegimenInfo:
        return REGIMENS[self.kind]


@dataclass(frozen=True)
class ScheduledDose:
    date: dt.date
    dose_mg: int
    formulation: Formulation
    site: Site | None = None
    tablets: str | None = None

    def to_json(self) -> dict[str, str | int | None]:
        return {
            "date": self.date.isoformat(),
            "dose_mg": self.dose_mg,
            "formulation": self.formulation,
            "site": self.site,
            "tablets": self.tablets,
        }


def _oral_dose_mg(kind: RegimenKind, start: dt.date, day: dt.date) -> int | None:
    days = (day - start).days
    weekday = day.weekday()  # Monday = 0
    if kind == "aud_daily":
        return DAILY_DOSE_MG
    if kind == "oud_induction":
        return OUD_FIRST_DOSE_MG if days == 0 else DAILY_DOSE_MG
    if kind == "weekday_50_sat_100":
        # source: REVIA §Dosage
        return {5: 100, 6: None}.get(weekday, 50)
    if kind == "alternate_day_100":
        return 100 if days % 2 == 0 else None  # source: REVIA §Dosage
    if kind == "every_third_day_150":
        return 150 if days % 3 == 0 else None  # source: REVIA §Dosage
    if kind == "mwf_100_100_150":
        return {0: 100, 2: 100, 4: 150}.get(weekday)  # source: KJOME2011
    raise ValueError(f"{kind!r} is not an oral regimen")


def _dose_on(regimen: Regimen, day: dt.date) -> ScheduledDose | None:
    if day < regimen.start or (regimen.end is not None and day > regimen.end):
        return None
    if regimen.kind == "xr_monthly":
        intervals, remainder = divmod((day - regimen.start).days, XR_INTERVAL_DAYS)
        if remainder:
            return None
        site = regimen.first_site if intervals % 2 == 0 else next_site(regimen.first_site)
        return ScheduledDose(day, XR_DOSE_MG, "xr_injection", site=site)
    dose = _oral_dose_mg(regimen.kind, regimen.start, day)
    if dose is None:
        return None
    return ScheduledDose(day, dose, "oral", tablets=tablets_for(dose))


def schedule(regimen: Regimen, start: dt.date, end: dt.date) -> list[ScheduledDose]:
    """The doses (or injections) of ``regimen`` on the days from ``start`` to ``end`` inclusive."""
    if in_calendar(end, "end") < in_calendar(start, "start"):
        raise ValueError("end must not be before start")
    first = max(start, regimen.start)
    last = end if regimen.end is None else min(end, regimen.end)
    doses: list[ScheduledDose] = []
    if first > last:
        return doses
    if regimen.kind == "xr_monthly":
        offset = (first - regimen.start).days
        day = regimen.start + dt.timedelta(days=-(-offset // XR_INTERVAL_DAYS) * XR_INTERVAL_DAYS)
        step = dt.timedelta(days=XR_INTERVAL_DAYS)
    else:
        day, step = first, dt.timedelta(days=1)
    while day <= last:
        dose = _dose_on(regimen, day)
        if dose is not None:
            doses.append(dose)
        day += step
    return doses


def due_on(regimen: Regimen, day: dt.date) -> ScheduledDose | None:
    """The dose or injection ``regimen`` schedules on ``day``, or ``None``."""
    return _dose_on(regimen, day)


def next_injection_due(last_injection: dt.date) -> dt.date:
    """The date the next 380 mg injection is due: 28 days after the last (VIVITROL §2)."""
    in_calendar(last_injection, "last_injection")
    return last_injection + dt.timedelta(days=XR_INTERVAL_DAYS)  # source: VIVITROL §2


# source: VIVITROL §2 (every 4 weeks or once a month; a missed dose: reassess for opioid
# dependence) with NALTRACK for the numbers.
INJECTION_EARLY_DAYS: Final = 21
INJECTION_LATE_DAYS: Final = 42
INJECTION_SPACING = rule(
    code="injection_spacing",
    area="regimens",
    summary="An injection given too soon or long after the last one is confirmed before it is saved",
    threshold=(
        f"fewer than {INJECTION_EARLY_DAYS} days after the last: a warning to confirm; more than "
        f"{INJECTION_LATE_DAYS} days: reassess opioid use and dependence first"
    ),
    source="VIVITROL+NALTRACK",
)


def injection_spacing(
    last_injection: dt.date | None, given_on: dt.date
) -> Literal["early", "late"] | None:
    """Whether an injection on ``given_on`` comes too soon or too long after the last one."""
    if last_injection is None:
        return None
    days = (given_on - last_injection).days
    if days < INJECTION_EARLY_DAYS:
        return "early"
    if days > INJECTION_LATE_DAYS:
        return "late"
    return None


def next_site(last_site: str) -> Site:
    """The other buttock: injections alternate gluteal sites (VIVITROL §2)."""
    if last_site == "left_gluteal":
        return "right_gluteal"
    if last_site == "right_gluteal":
        return "left_gluteal"
    raise ValueError(f"unknown injection site {last_site!r}")
