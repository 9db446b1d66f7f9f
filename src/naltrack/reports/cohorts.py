"""Which episodes a report covers: the filters a clinic chooses, in one place for every door
(the pages, the files and ``naltrack report outcomes``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from naltrack.accounts.models import Clinic, User
from naltrack.clinical.vocabulary import FORMULATION_LABELS, INDICATION_LABELS

if TYPE_CHECKING:
    from naltrack.reports.facts import ReportEpisode

# Age at the first dose, in the bands a report splits by.
AGE_BANDS: Final = (("18-25", 18, 25), ("26-35", 26, 35), ("36-50", 36, 50), ("51+", 51, 200))
THERAPY: Final = {"any": "With therapy sessions", "none": "Without therapy sessions"}


@dataclass(frozen=True)
class Filters:
    """Episodes that started (first dose) between ``started_from`` and ``started_to``, and match
    every other filter given (None: any)."""

    started_from: dt.date | None = None
    started_to: dt.date | None = None
    indication: str | None = None  # "AUD" | "OUD" | "OUD_AUD"
    formulation: str | None = None  # the first regimen's: "oral" | "xr_injection"
    prescriber: int | None = None  # the first regimen's prescriber (a user id)
    therapy: str | None = None  # "any" | "none": attended sessions during the episode
    age_band: str | None = None

    def __post_init__(self) -> None:
        if self.indication is not None and self.indication not in INDICATION_LABELS:
            raise ValueError(f"unknown indication {self.indication!r}")
        if self.formulation is not None and self.formulation not in FORMULATION_LABELS:
            raise ValueError(f"unknown formulation {self.formulation!r}")
        if self.therapy is not None and self.therapy not in THERAPY:
            raise ValueError(f"therapy is 'any' or 'none', not {self.therapy!r}")
        if self.age_band is not None and self.age_band not in {b[0] for b in AGE_BANDS}:
            raise ValueError(f"unknown age band {self.age_band!r}")
        if self.started_from and self.started_to and self.started_from > self.started_to:
            raise ValueError("the period ends before it starts")


_INDICATIONS: Final[dict[str, str]] = {str(k): v for k, v in INDICATION_LABELS.items()}
_FORMULATIONS: Final[dict[str, str]] = {str(k): v for k, v in FORMULATION_LABELS.items()}

# What a report can split its cohort by, side by side.
SPLITS: Final = {
    "indication": "Indication",
    "formulation": "Formulation",
    "quarter": "Quarter started",
    "therapy": "Therapy alongside",
    "age_band": "Age at start",
    "prescriber": "Prescriber",
}


def split_cohort(
    episodes: list[ReportEpisode], split: str | None, clinic: Clinic
) -> list[tuple[str, list[ReportEpisode]]]:
    """``episodes`` in groups by ``split``, each with its label, in a stable order."""
    if split is None:
        return []
    if split not in SPLITS:
        raise ValueError(f"cannot split by {split!r}")
    names = _prescriber_names(clinic) if split == "prescriber" else {}
    groups: dict[str, list[ReportEpisode]] = {}
    for item in episodes:
        groups.setdefault(_label(item, split, names), []).append(item)
    return sorted(groups.items())


def _label(item: ReportEpisode, split: str, names: dict[int, str]) -> str:
    if split == "indication":
        return _INDICATIONS.get(item.figures.indication, item.figures.indication)
    if split == "formulation":
        return _FORMULATIONS.get(item.formulation or "", "Not started")
    if split == "quarter":
        day = item.started_on or item.opened
        return f"{day.year} Q{(day.month - 1) // 3 + 1}"
    if split == "therapy":
        return THERAPY[item.therapy]
    if split == "age_band":
        return item.age_band or "Age unknown"
    return names.get(item.prescriber or 0, "No prescriber recorded")


def _prescriber_names(clinic: Clinic) -> dict[int, str]:
    return {user.pk: str(user) for user in User.objects.filter(membership__clinic=clinic)}


def age_band(age: int) -> str | None:
    for name, low, high in AGE_BANDS:
        if low <= age <= high:
            return name
    return None
