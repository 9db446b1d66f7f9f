"""Which episodes a report covers: the filters a clinic chooses, in one place for every door
(the pages, the files and ``naltrack report outcomes``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

from naltrack.clinical.vocabulary import FORMULATION_LABELS, INDICATION_LABELS

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


def age_band(age: int) -> str | None:
    for name, low, high in AGE_BANDS:
        if low <= age <= high:
            return name
    return None
