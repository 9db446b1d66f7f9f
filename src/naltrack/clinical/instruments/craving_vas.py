"""The craving scale (0-10), as forms show it and ``score`` counts it."""

from __future__ import annotations

from typing import Final

from naltrack.clinical.instruments.spec import Band, InstrumentSpec, Item, choices

# Craving scale. source: NALTRACK — one item 0-10; bands are a product convention.
CRAVING_SPEC: Final = InstrumentSpec(
    id="craving_vas",
    name="Craving scale (0-10)",
    source="NALTRACK",
    prompt="0 means no craving at all, 10 the strongest craving you can imagine.",
    items=(
        Item(
            "craving",
            "How strong is your craving right now?",
            choices(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
        ),
    ),
    # source: NALTRACK — 0 none, 1-3 low, 4-6 moderate, 7-10 high.
    bands=(Band("none", 0, 0), Band("low", 1, 3), Band("moderate", 4, 6), Band("high", 7, 10)),
    notes="Bands are a Naltrack convention, not a validated scale.",
)
# source: NALTRACK — the craving scale runs 0-10: its top, wherever a craving is entered or checked.
CRAVING_MAX: Final[int] = CRAVING_SPEC.max_score
