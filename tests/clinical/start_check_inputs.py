"""Inputs for the start-check tests: the contract's example (docs/calculators.md), a full liver
baseline, a full screen panel, and small helpers to vary the example and read the findings."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from naltrack.clinical.start_check import start_check_json

D = dt.date.fromisoformat


# The example input of the contract (docs/calculators.md).
EXAMPLE: dict[str, Any] = {
    "date": "2026-03-15",
    "indication": "OUD",
    "formulation": "oral",
    "opioid_exposures": [{"kind": "short_acting", "last_use": "2026-03-01"}],
    "urine_drug_screen": {"date": "2026-03-15", "opioids_positive": False},
    "naloxone_challenge": {"date": "2026-03-15", "withdrawal_signs": False},
    "labs": [{"test": "ALT", "value": 38, "upper_limit_normal": 40, "date": "2026-03-10"}],
    "acute_hepatitis_or_liver_failure": False,
    "needs_opioid_analgesics": False,
    "pregnant": False,
    "naltrexone_hypersensitivity": False,
    "current_medications": ["sertraline 50 mg"],
}

FULL_LABS: list[dict[str, Any]] = [
    {"test": "ALT", "value": 30, "upper_limit_normal": 40, "date": "2026-03-10"},
    {"test": "AST", "value": 28, "upper_limit_normal": 40, "date": "2026-03-10"},
    {"test": "bilirubin", "value": 0.8, "upper_limit_normal": 1.2, "date": "2026-03-10"},
]


# A screen that tested every analyte of the panel, all negative.
FULL_PANEL: dict[str, str] = {
    "opiates": "negative",
    "oxycodone": "negative",
    "fentanyl": "negative",
    "buprenorphine": "negative",
    "methadone": "negative",
}


def payload(**changes: Any) -> dict[str, Any]:
    """The contract's example with a full liver baseline and a screen that tested every analyte."""
    data = copy.deepcopy(EXAMPLE)
    data["labs"] = copy.deepcopy(FULL_LABS)
    data["urine_drug_screen"]["panel"] = dict(FULL_PANEL)
    data.update(changes)
    return data


def run(**changes: Any) -> dict[str, Any]:
    return start_check_json(payload(**changes))


def codes(result: dict[str, Any]) -> list[str]:
    return [f["code"] for f in result["findings"]]


def finding(result: dict[str, Any], code: str) -> dict[str, str]:
    matches: list[dict[str, str]] = [f for f in result["findings"] if f["code"] == code]
    assert len(matches) == 1, codes(result)
    return matches[0]
