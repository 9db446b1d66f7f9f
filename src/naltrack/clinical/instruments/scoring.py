"""Scoring one completed instrument: the ``score`` calculator, in Python and in JSON."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from naltrack.clinical.contract import InputError, as_choice, as_int, as_object, path
from naltrack.clinical.instruments.phq9 import SUICIDAL_IDEATION
from naltrack.clinical.instruments.spec import (
    INSTRUMENT_IDS,
    SEXES,
    InstrumentId,
    InstrumentSpec,
    Sex,
)
from naltrack.clinical.instruments.table import INSTRUMENTS


@dataclass(frozen=True)
class ScoreInput:
    """One completed instrument. Validated on construction: a bad answer raises ``InputError``."""

    instrument: InstrumentId
    answers: Mapping[str, int]
    sex: Sex | None = None

    def __post_init__(self) -> None:
        instrument = as_choice(self.instrument, "instrument", INSTRUMENT_IDS)
        if self.sex is not None:
            as_choice(self.sex, "sex", SEXES)
        answers = _check_answers(INSTRUMENTS[instrument], self.answers)
        object.__setattr__(self, "answers", MappingProxyType(answers))


@dataclass(frozen=True)
class ScoreResult:
    instrument: InstrumentId
    score: int
    max_score: int
    band: str | None
    flags: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "instrument": self.instrument,
            "score": self.score,
            "max_score": self.max_score,
            "band": self.band,
            "flags": list(self.flags),
        }


def _check_answers(spec: InstrumentSpec, answers: Any) -> dict[str, int]:
    """Every item answered once with one of its allowed values, and nothing else."""
    as_object(answers, "answers", required=spec.keys)
    checked: dict[str, int] = {}
    for item in spec.items:
        field_path = path("answers", item.key)
        value = as_int(answers[item.key], field_path)
        if value not in item.allowed:
            raise InputError(
                field_path, "must be one of " + ", ".join(str(v) for v in item.allowed)
            )
        checked[item.key] = value
    return checked


def score(inp: ScoreInput) -> ScoreResult:
    """Score one instrument as its source scores it (docs/clinical-sources.md)."""
    spec = INSTRUMENTS[inp.instrument]
    total = sum(inp.answers[key] for key in spec.keys)
    flags: list[str] = []
    # source: PHQ9 — item 9 > 0 is flagged whatever the total.
    if spec.id == "phq9" and inp.answers["q9"] > 0:
        flags.append(SUICIDAL_IDEATION)
    return ScoreResult(
        instrument=spec.id,
        score=total,
        max_score=spec.max_score,
        band=spec.band(total, inp.sex),
        flags=tuple(flags),
    )


def score_from_json(payload: Any) -> ScoreInput:
    """Parse the ``score`` calculator's JSON input (docs/calculators.md); raises ``InputError``."""
    obj = as_object(payload, "", required=("instrument", "answers"), optional=("sex",))
    instrument = as_choice(obj["instrument"], "instrument", INSTRUMENT_IDS)
    sex_value = obj.get("sex")
    sex = None if sex_value is None else as_choice(sex_value, "sex", SEXES)
    answers = _check_answers(INSTRUMENTS[instrument], obj["answers"])
    return ScoreInput(instrument=instrument, answers=answers, sex=sex)


def score_json(payload: Any) -> dict[str, Any]:
    """The ``score`` calculator, JSON in and JSON out; raises ``InputError`` on invalid input."""
    return score(score_from_json(payload)).to_json()
