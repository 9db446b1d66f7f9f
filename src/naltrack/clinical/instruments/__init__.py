"""The scored instruments (the ``score`` calculator): COWS, PACS, AUDIT-C, PHQ-9, craving scale.

Item keys, allowed answers and bands are those of each instrument's source (COWS, PACS, AUDITC,
PHQ9, NALTRACK: docs/clinical-sources.md); the JSON contract is docs/calculators.md ("score").
``INSTRUMENTS`` describes each instrument for the user interfaces (items, question text, allowed
answers and their labels) and is the single table the scoring and the validation read, so what a
form offers and what the calculator accepts cannot differ.
"""

from naltrack.clinical.instruments.phq9 import SUICIDAL_IDEATION
from naltrack.clinical.instruments.scoring import (
    ScoreInput,
    ScoreResult,
    score,
    score_from_json,
    score_json,
)
from naltrack.clinical.instruments.spec import INSTRUMENT_IDS, InstrumentSpec
from naltrack.clinical.instruments.table import INSTRUMENTS

__all__ = [
    "INSTRUMENTS",
    "INSTRUMENT_IDS",
    "SUICIDAL_IDEATION",
    "InstrumentSpec",
    "ScoreInput",
    "ScoreResult",
    "score",
    "score_from_json",
    "score_json",
]
