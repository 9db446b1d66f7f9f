"""Liver-test thresholds, defined once for the start check and the alert rules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

# source: NALTRACK (CLINICAL.md "Liver") — the enzymes the thresholds apply to.
LIVER_ENZYMES: Final[tuple[str, ...]] = ("ALT", "AST")
# source: NALTRACK, informed by TIP63/AUDGUIDE (monitoring) and the Vivitrol OUD trial's
# exclusion of AST/ALT > 3x ULN (VIVITROL): above this, start with closer monitoring; alert.
LIVER_WARN_MULTIPLE: Final = 3.0
# source: NALTRACK, informed by X:BOT's exclusion of > 5x ULN (XBOT): a clinician decides.
LIVER_REVIEW_MULTIPLE: Final = 5.0


@dataclass(frozen=True)
class LiverThresholds:
    """ALT/AST multiples of the upper limit of normal (Naltrack defaults, clinic-configurable)."""

    warn_multiple: float = LIVER_WARN_MULTIPLE
    review_multiple: float = LIVER_REVIEW_MULTIPLE

    def __post_init__(self) -> None:
        if not 0 < self.warn_multiple <= self.review_multiple:
            raise ValueError("need 0 < warn_multiple <= review_multiple")
