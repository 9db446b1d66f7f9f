"""``INSTRUMENTS``, the one table of the instruments, and the scoring rule of each.

The rules are registered in the order docs/clinical-rules.md lists them.
"""

from __future__ import annotations

from typing import Final

from naltrack.clinical.evidence import rule
from naltrack.clinical.instruments.audit_c import AUDIT_C_SPEC
from naltrack.clinical.instruments.cows import COWS_SPEC
from naltrack.clinical.instruments.craving_vas import CRAVING_SPEC
from naltrack.clinical.instruments.pacs import PACS_SPEC
from naltrack.clinical.instruments.phq9 import PHQ9_SPEC
from naltrack.clinical.instruments.spec import INSTRUMENT_IDS, InstrumentSpec

INSTRUMENTS: Final[dict[str, InstrumentSpec]] = {
    spec.id: spec for spec in (COWS_SPEC, PACS_SPEC, AUDIT_C_SPEC, PHQ9_SPEC, CRAVING_SPEC)
}
assert tuple(INSTRUMENTS) == INSTRUMENT_IDS


def _band_text(spec: InstrumentSpec) -> str:
    return ", ".join(f"{b.low}-{b.high} {b.name}" for b in spec.bands)


SCORE_COWS = rule(
    code="score_cows",
    area="instruments",
    summary="COWS: sum of the 11 items, banded by severity of opioid withdrawal",
    threshold=f"total 0-{COWS_SPEC.max_score}; {_band_text(COWS_SPEC)}",
    source="COWS",
)
SCORE_PACS = rule(
    code="score_pacs",
    area="instruments",
    summary="PACS: sum of the 5 items; no validated bands, so no band is given",
    threshold=f"total 0-{PACS_SPEC.max_score}; band null",
    source="PACS",
)
SCORE_AUDIT_C = rule(
    code="score_audit_c",
    area="instruments",
    summary="AUDIT-C: sum of the 3 items; positive screen at a cut-off that depends on sex",
    threshold="total 0-12; positive at ≥4 for men, ≥3 for women, ≥3 when sex is unknown",
    source="AUDITC",
)
SCORE_PHQ9 = rule(
    code="score_phq9",
    area="instruments",
    summary="PHQ-9: sum of the 9 items, banded by depression severity",
    threshold=f"total 0-{PHQ9_SPEC.max_score}; {_band_text(PHQ9_SPEC)}",
    source="PHQ9",
)
SCORE_PHQ9_ITEM9 = rule(
    code="score_phq9_item9_flag",
    area="instruments",
    summary="PHQ-9 item 9 (thoughts of being better off dead or of self-harm) is flagged "
    "suicidal_ideation whatever the total",
    threshold="item 9 > 0",
    source="PHQ9",
)
SCORE_CRAVING = rule(
    code="score_craving_vas",
    area="instruments",
    summary="Craving scale: one item 0-10, banded by a Naltrack convention",
    threshold=_band_text(CRAVING_SPEC),
    source="NALTRACK",
)
