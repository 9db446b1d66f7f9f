"""The snapshot: one patient's current episode and recent data, as of one date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

from naltrack.clinical.formulary import Formulation
from naltrack.clinical.instruments.craving_vas import CRAVING_MAX
from naltrack.clinical.instruments.spec import InstrumentId, Sex
from naltrack.clinical.regimens import Indication
from naltrack.clinical.start_check.inputs import ExposureKind

EpisodeState = Literal["screening", "induction", "maintenance", "tapering", "stopped"]
DoseStatus = Literal["taken", "missed"]

# States in which the patient is taking naltrexone (screening is before the first dose).
ON_NALTREXONE: Final[frozenset[EpisodeState]] = frozenset({"induction", "maintenance", "tapering"})


@dataclass(frozen=True)
class OralDoseEvent:
    """A scheduled oral dose. ``patient_report``: what the patient reported later about a dose
    staff saw, when it differs (kept beside it, never over it); None otherwise."""

    on: dt.date
    status: DoseStatus
    patient_report: DoseStatus | None = None


@dataclass(frozen=True)
class CheckIn:
    """A patient check-in: craving 0-10, standard drinks that day (None: not asked), opioid use."""

    on: dt.date
    craving: int
    drinks: int | None = None
    opioid_use: bool = False

    def __post_init__(self) -> None:
        if not 0 <= self.craving <= CRAVING_MAX:
            raise ValueError(f"craving must be 0-{CRAVING_MAX}")
        if self.drinks is not None and self.drinks < 0:
            raise ValueError("drinks cannot be negative")


@dataclass(frozen=True)
class LabResult:
    on: dt.date
    test: str
    value: float
    upper_limit_normal: float

    def __post_init__(self) -> None:
        if self.upper_limit_normal <= 0:
            raise ValueError("upper_limit_normal must be positive")

    @property
    def multiple_of_uln(self) -> float:
        return self.value / self.upper_limit_normal


@dataclass(frozen=True)
class UrineDrugScreen:
    on: dt.date
    opioids_positive: bool


@dataclass(frozen=True)
class OpioidExposure:
    """Opioid use a clinician recorded: the day of use and its kind (the start check's kinds)."""

    on: dt.date
    kind: ExposureKind


@dataclass(frozen=True)
class InstrumentScore:
    """A stored result of ``instruments.score``."""

    on: dt.date
    instrument: InstrumentId
    score: int
    band: str | None
    flags: tuple[str, ...] = ()


# The rows of the record a snapshot carries, one field per kind (the rest is the episode's own).
RECORD_FIELDS: Final = frozenset(
    {
        "injections",
        "oral_doses",
        "check_ins",
        "labs",
        "drug_screens",
        "scores",
        "follow_up_contacts",
        "follow_ups_booked",
        "opioid_exposures",
        "cravings_used",
    }
)


@dataclass(frozen=True)
class PatientSnapshot:
    """One patient's current episode and recent data, as of one date.

    ``stopped_on`` is the date the episode was stopped (required when ``state`` is ``stopped``);
    ``follow_up_contacts`` are the dates of contacts with the patient after stopping.
    ``last_dose_on`` is carried for the caller's display; no current rule reads it.
    ``opioid_exposures`` are the uses of opioids a clinician recorded (day of use and kind), in
    any state; ``cravings_used`` the days of craving walk-throughs the patient ended with "I drank
    or used" (the walk-through does not say which: for opioid use disorder the rules read it as
    possible opioid use). Both default to empty, so a caller that does not know them still works.
    Sequences are stored as tuples; their order does not matter.
    """

    as_of: dt.date
    state: EpisodeState
    indication: Indication
    formulation: Formulation | None = None
    sex: Sex | None = None
    stopped_on: dt.date | None = None
    last_dose_on: dt.date | None = None
    injections: Sequence[dt.date] = ()
    oral_doses: Sequence[OralDoseEvent] = ()
    check_ins: Sequence[CheckIn] = ()
    labs: Sequence[LabResult] = ()
    drug_screens: Sequence[UrineDrugScreen] = ()
    scores: Sequence[InstrumentScore] = ()
    follow_up_contacts: Sequence[dt.date] = ()
    follow_ups_booked: Sequence[dt.date] = ()
    opioid_exposures: Sequence[OpioidExposure] = ()
    cravings_used: Sequence[dt.date] = ()

    def __post_init__(self) -> None:
        if self.state == "stopped" and self.stopped_on is None:
            raise ValueError("a stopped episode needs stopped_on")
        for name in RECORD_FIELDS:
            object.__setattr__(self, name, tuple(getattr(self, name)))
