"""A finding: one explained, cited statement that a calculator or an alert rule makes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from naltrack.clinical.evidence import check_source

Severity = Literal["info", "warning", "block"]
# What a start check's ``block`` finding holds a start back for: a contraindication, a wait or a
# repeatable test (``not_yet``), or a clinician's decision (``review``).
Effect = Literal["contraindicated", "not_yet", "review"]


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: str
    source: str

    def __post_init__(self) -> None:
        check_source(self.source)

    def to_json(self) -> dict[str, str]:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "source": self.source,
        }
