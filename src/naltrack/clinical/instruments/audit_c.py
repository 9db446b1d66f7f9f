"""AUDIT-C, the alcohol consumption questions, as forms show it and ``score`` counts it."""

from __future__ import annotations

from typing import Final

from naltrack.clinical.instruments.spec import Band, InstrumentSpec, Item, Sex, labelled

# AUDIT-C. source: AUDITC — 3 items, each 0-4, total 0-12; positive at >= 4 for men and >= 3
# for women (Bradley 2007). source: NALTRACK — the lower cut-off (3) when the sex is unknown (a
# Naltrack convention: the cautious one, not in the papers).
AUDIT_C_CUTOFF: Final[dict[Sex | None, int]] = {"male": 4, "female": 3, None: 3}  # source: AUDITC


def _audit_c_bands(cutoff: int) -> tuple[Band, ...]:
    return (Band("negative", 0, cutoff - 1), Band("positive", cutoff, 12))  # source: AUDITC


AUDIT_C_SPEC: Final = InstrumentSpec(
    id="audit_c",
    name="AUDIT-C (alcohol consumption questions)",
    source="AUDITC",
    prompt="About drinking alcohol.",
    items=(
        Item(
            "q1",
            "How often do you have a drink containing alcohol?",
            labelled(
                (0, "never"),
                (1, "monthly or less"),
                (2, "2-4 times a month"),
                (3, "2-3 times a week"),
                (4, "4 or more times a week"),
            ),
        ),
        Item(
            "q2",
            "How many drinks containing alcohol do you have on a typical day when you are "
            "drinking?",
            labelled((0, "1 or 2"), (1, "3 or 4"), (2, "5 or 6"), (3, "7 to 9"), (4, "10 or more")),
        ),
        Item(
            "q3",
            "How often do you have six or more drinks on one occasion?",
            labelled(
                (0, "never"),
                (1, "less than monthly"),
                (2, "monthly"),
                (3, "weekly"),
                (4, "daily or almost daily"),
            ),
        ),
    ),
    bands_by_sex=tuple((sex, _audit_c_bands(cutoff)) for sex, cutoff in AUDIT_C_CUTOFF.items()),
    notes="Positive at 4 or more for men and 3 or more for women; 3 or more when sex is unknown.",
)
