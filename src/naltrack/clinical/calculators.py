"""The three calculators of docs/calculators.md behind one JSON door.

The CLI (``naltrack calc``) and the HTTP API both call ``calculate``: one validation, one
implementation, one error form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from naltrack.clinical.discontinuation import discontinuation_json
from naltrack.clinical.instruments import score_json
from naltrack.clinical.start_check import start_check_json

CALCULATORS: dict[str, Callable[[Any], dict[str, Any]]] = {
    "start-check": start_check_json,
    "discontinuation": discontinuation_json,
    "score": score_json,
}


def calculate(name: str, payload: Any) -> dict[str, Any]:
    """Run calculator ``name`` on a parsed JSON payload; raises ``InputError`` on bad input."""
    return CALCULATORS[name](payload)
