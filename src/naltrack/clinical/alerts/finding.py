"""An alert finding: what a rule raises, how severe, on what evidence and under which key."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, Literal, TypeAlias

from naltrack.clinical.evidence import check_source

AlertSeverity = Literal["urgent", "high", "routine"]

JSONValue: TypeAlias = str | int | float | bool | list["JSONValue"] | dict[str, "JSONValue"] | None

SEVERITY_ORDER: Final[dict[AlertSeverity, int]] = {"urgent": 0, "high": 1, "routine": 2}


@dataclass(frozen=True)
class AlertFinding:
    code: str
    severity: AlertSeverity
    message: str
    evidence: Mapping[str, JSONValue]
    source: str
    key: str

    def __post_init__(self) -> None:
        check_source(self.source)
        object.__setattr__(self, "evidence", MappingProxyType(dict(self.evidence)))

    def to_json(self) -> dict[str, JSONValue]:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "evidence": dict(self.evidence),
            "source": self.source,
            "key": self.key,
        }
