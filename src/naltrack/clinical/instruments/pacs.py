"""The Penn Alcohol Craving Scale (PACS), as forms show it and ``score`` counts it."""

from __future__ import annotations

from typing import Final

from naltrack.clinical.instruments.spec import InstrumentSpec, Item, choices

# PACS. source: PACS — 5 items, each 0-6, total 0-30; no validated severity bands (band null).
_PACS_RANGE: Final = choices(0, 1, 2, 3, 4, 5, 6)
PACS_SPEC: Final = InstrumentSpec(
    id="pacs",
    name="Penn Alcohol Craving Scale (PACS)",
    source="PACS",
    prompt="About the past week. Each answer scores 0 (none) to 6 (the most).",
    items=(
        Item("q1", "How often you thought about drinking", _PACS_RANGE),
        Item("q2", "How strong your craving was at its most intense", _PACS_RANGE),
        Item("q3", "How much time you spent thinking about drinking", _PACS_RANGE),
        Item("q4", "How hard it would have been to resist a drink if you had had one", _PACS_RANGE),
        Item("q5", "Your craving for alcohol overall", _PACS_RANGE),
    ),
    notes="No validated severity bands: the band is always null; follow the trend over time.",
)
