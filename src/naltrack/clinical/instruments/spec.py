"""How an instrument is described: its items, their allowed answers, the bands of its total."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final, Literal

from naltrack.clinical.evidence import check_source

InstrumentId = Literal["cows", "pacs", "audit_c", "phq9", "craving_vas"]
INSTRUMENT_IDS: Final[tuple[InstrumentId, ...]] = ("cows", "pacs", "audit_c", "phq9", "craving_vas")

Sex = Literal["female", "male"]
SEXES: Final[tuple[Sex, ...]] = ("female", "male")


@dataclass(frozen=True)
class Choice:
    """One allowed answer to an item: the points it scores and, where known, a short label."""

    value: int
    label: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "label": self.label}


@dataclass(frozen=True)
class Item:
    """One item of an instrument: its answer key, its question and its allowed answers."""

    key: str
    label: str
    choices: tuple[Choice, ...]

    @property
    def allowed(self) -> tuple[int, ...]:
        return tuple(choice.value for choice in self.choices)

    @property
    def max_value(self) -> int:
        return max(self.allowed)

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "choices": [choice.to_json() for choice in self.choices],
        }


@dataclass(frozen=True)
class Band:
    """A named band of the total score, ``low`` to ``high`` inclusive."""

    name: str
    low: int
    high: int

    def contains(self, total: int) -> bool:
        return self.low <= total <= self.high

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "low": self.low, "high": self.high}


@dataclass(frozen=True)
class InstrumentSpec:
    """An instrument as a form shows it and as ``score`` counts it.

    ``bands`` are the bands of the total (empty when the instrument has none, as PACS).
    ``bands_by_sex``, when set, replaces ``bands`` with bands that depend on the patient's sex
    (AUDIT-C); its ``None`` entry is used when the sex is unknown.
    """

    id: InstrumentId
    name: str
    source: str
    prompt: str
    items: tuple[Item, ...]
    bands: tuple[Band, ...] = ()
    bands_by_sex: tuple[tuple[Sex | None, tuple[Band, ...]], ...] = ()
    notes: str = ""
    max_score: int = field(init=False)

    def __post_init__(self) -> None:
        check_source(self.source)
        object.__setattr__(self, "max_score", sum(item.max_value for item in self.items))
        for bands in [self.bands, *(b for _, b in self.bands_by_sex)]:
            _check_bands(self.id, bands, self.max_score)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(item.key for item in self.items)

    def item(self, key: str) -> Item:
        for item in self.items:
            if item.key == key:
                return item
        raise KeyError(key)

    def bands_for(self, sex: Sex | None) -> tuple[Band, ...]:
        for band_sex, bands in self.bands_by_sex:
            if band_sex == sex:
                return bands
        return self.bands

    def band(self, total: int, sex: Sex | None = None) -> str | None:
        for band in self.bands_for(sex):
            if band.contains(total):
                return band.name
        return None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "source": self.source,
            "prompt": self.prompt,
            "max_score": self.max_score,
            "items": [item.to_json() for item in self.items],
            "bands": [band.to_json() for band in self.bands],
            "bands_by_sex": {
                ("unknown" if sex is None else sex): [band.to_json() for band in bands]
                for sex, bands in self.bands_by_sex
            },
            "notes": self.notes,
        }


def _check_bands(instrument: str, bands: tuple[Band, ...], max_score: int) -> None:
    """Bands, when given, must cover 0..max_score without gaps or overlaps (checked at import)."""
    if not bands:
        return
    expected_low = 0
    for band in bands:
        if band.low != expected_low or band.high < band.low:
            raise ValueError(f"{instrument}: bands must cover 0..{max_score} without gaps")
        expected_low = band.high + 1
    if expected_low != max_score + 1:
        raise ValueError(f"{instrument}: bands must end at {max_score}")


def choices(*values: int) -> tuple[Choice, ...]:
    """Allowed answers given by their points alone, as the items of a rating scale."""
    return tuple(Choice(value) for value in values)


def labelled(*pairs: tuple[int, str]) -> tuple[Choice, ...]:
    """Allowed answers given as (points, label) pairs."""
    return tuple(Choice(value, label) for value, label in pairs)
