"""What the start check is asked about: the patient's answers, tests and the clinic's policy."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final, Literal

from naltrack.clinical.formulary import Formulation
from naltrack.clinical.regimens import Indication

ExposureKind = Literal[
    "short_acting",
    "methadone",
    "buprenorphine",
    "other_long_acting",
    "buprenorphine_extended_release",
]
# ``buprenorphine_extended_release``: a monthly or weekly injection (Sublocade, Brixadi) or an
# implant; ``last_use`` is the last injection (or the day the implant was removed). Each exposure is
# an opioid taken in the last 30 days, except this kind, which counts for 12 months
# (SUBLOCADE, BRIXADI: its buprenorphine can stay in the body that long).
EXPOSURE_KINDS: Final[tuple[ExposureKind, ...]] = (
    "short_acting",
    "methadone",
    "buprenorphine",
    "other_long_acting",
    "buprenorphine_extended_release",
)
# A urine drug screen's panel: the analytes a screen may test for, and each one's result.
Analyte = Literal["opiates", "oxycodone", "fentanyl", "buprenorphine", "methadone"]
ANALYTES: Final[tuple[Analyte, ...]] = (
    "opiates",
    "oxycodone",
    "fentanyl",
    "buprenorphine",
    "methadone",
)
AnalyteResult = Literal["negative", "positive", "not_tested"]
ANALYTE_RESULTS: Final[tuple[AnalyteResult, ...]] = ("negative", "positive", "not_tested")
LabTest = Literal["ALT", "AST", "bilirubin", "GGT"]
LAB_TESTS: Final[tuple[LabTest, ...]] = ("ALT", "AST", "bilirubin", "GGT")


@dataclass(frozen=True)
class StartCheckPolicy:
    """How recent tests must be to count (NALTRACK defaults, clinic-configurable)."""

    test_max_age_days: int = 7  # source: NALTRACK, from REVIA and TIP63 — screen and challenge
    lab_max_age_days: int = 90  # source: NALTRACK, from TIP63 and AUDGUIDE — baseline liver tests

    def __post_init__(self) -> None:
        if self.test_max_age_days < 0 or self.lab_max_age_days < 0:
            raise ValueError("test ages must not be negative")


@dataclass(frozen=True)
class OpioidExposure:
    kind: ExposureKind
    last_use: dt.date


@dataclass(frozen=True)
class ScreenPanel:
    """What a urine drug screen tested for, and the result of each; not tested unless given."""

    opiates: AnalyteResult = "not_tested"
    oxycodone: AnalyteResult = "not_tested"
    fentanyl: AnalyteResult = "not_tested"
    buprenorphine: AnalyteResult = "not_tested"
    methadone: AnalyteResult = "not_tested"

    def result(self, analyte: Analyte) -> AnalyteResult:
        results: dict[Analyte, AnalyteResult] = {
            "opiates": self.opiates,
            "oxycodone": self.oxycodone,
            "fentanyl": self.fentanyl,
            "buprenorphine": self.buprenorphine,
            "methadone": self.methadone,
        }
        return results[analyte]

    def with_result(self, result: AnalyteResult) -> tuple[Analyte, ...]:
        """The analytes with this result, in the order of ``ANALYTES``."""
        return tuple(analyte for analyte in ANALYTES if self.result(analyte) == result)


@dataclass(frozen=True)
class DrugScreen:
    """A urine drug screen. ``panel`` is ``None`` when what it tested was not recorded; when it
    is given, ``opioids_positive`` must be true exactly when some analyte is positive."""

    date: dt.date
    opioids_positive: bool
    panel: ScreenPanel | None = None


@dataclass(frozen=True)
class NaloxoneChallenge:
    date: dt.date
    withdrawal_signs: bool


@dataclass(frozen=True)
class LabResult:
    test: LabTest
    value: float
    upper_limit_normal: float
    date: dt.date


@dataclass(frozen=True, kw_only=True)
class StartCheckInput:
    date: dt.date
    indication: Indication
    formulation: Formulation
    opioid_exposures: tuple[OpioidExposure, ...]
    acute_hepatitis_or_liver_failure: bool
    needs_opioid_analgesics: bool
    pregnant: bool | None
    naltrexone_hypersensitivity: bool
    current_medications: tuple[str, ...]
    urine_drug_screen: DrugScreen | None = None
    naloxone_challenge: NaloxoneChallenge | None = None
    labs: tuple[LabResult, ...] = ()
    age_years: int | None = None  # whole years on ``date`` (``age_in_years``); None: not known
    currently_drinking: bool | None = None  # still drinking alcohol; None: not known
    bleeding_risk: bool | None = None  # thrombocytopenia or a coagulation disorder; None: not known


# The ages the contract accepts.
AGE_MIN: Final = 0
AGE_MAX: Final = 130


def age_in_years(date_of_birth: dt.date, on: dt.date) -> int:
    """Whole years on ``on``: a person is 18 from their 18th birthday (29 February: 1 March)."""
    if on < date_of_birth:
        raise ValueError("date of birth after the date")
    before_birthday = (on.month, on.day) < (date_of_birth.month, date_of_birth.day)
    return on.year - date_of_birth.year - before_birthday
