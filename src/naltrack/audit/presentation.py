"""An audit event in words a clinic admin can read: what changed, from what, to what."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from naltrack.audit.models import AuditEvent


@dataclass(frozen=True)
class Change:
    field: str
    old: str | None
    new: str | None


def _label(key: str) -> str:
    return key.replace("_", " ").capitalize()


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def event_changes(event: AuditEvent) -> list[Change]:
    """Every ``changes`` entry as field, old and new value; any other detail the service kept
    (a status, a note, the filters used) as a field with only a new value."""
    changes: list[Change] = []
    for key, value in (event.detail or {}).items():
        if key == "changes" and isinstance(value, dict):
            for field, pair in value.items():
                if isinstance(pair, list | tuple) and len(pair) == 2:
                    changes.append(Change(_label(field), _text(pair[0]), _text(pair[1])))
                else:
                    changes.append(Change(_label(field), None, _text(pair)))
        elif key != "patient_ids":
            changes.append(Change(_label(key), None, _text(value)))
    return changes


def event_summary(event: AuditEvent) -> str:
    """The changes on one line (for the CSV export)."""
    return "; ".join(
        f"{c.field}: {c.old} → {c.new}" if c.old is not None else f"{c.field}: {c.new}"
        for c in event_changes(event)
    )
