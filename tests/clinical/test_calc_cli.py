"""`naltrack calc …`: JSON on stdin, JSON on stdout, exit 2 with the error form on bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from naltrack.clinical.instruments import INSTRUMENTS
from naltrack.clinical.rules_doc import render_rules_markdown

ROOT = Path(__file__).resolve().parents[2]
# The subprocess runs this checkout's code, not whichever copy the virtualenv has installed.
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def calc(name: str, stdin: str) -> tuple[int, dict]:
    result = subprocess.run(
        [sys.executable, "-m", "naltrack.cli", "calc", name],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env=ENV,
    )
    return result.returncode, json.loads(result.stdout)


START_CHECK = {
    "date": "2026-03-15",
    "indication": "OUD",
    "formulation": "oral",
    "opioid_exposures": [{"kind": "short_acting", "last_use": "2026-03-01"}],
    "urine_drug_screen": {"date": "2026-03-15", "opioids_positive": False},
    "naloxone_challenge": {"date": "2026-03-15", "withdrawal_signs": False},
    "labs": [
        {"test": "ALT", "value": 38, "upper_limit_normal": 40, "date": "2026-03-10"},
        {"test": "AST", "value": 30, "upper_limit_normal": 40, "date": "2026-03-10"},
    ],
    "acute_hepatitis_or_liver_failure": False,
    "needs_opioid_analgesics": False,
    "pregnant": False,
    "naltrexone_hypersensitivity": False,
    "current_medications": ["sertraline 50 mg"],
}


def test_start_check_ready():
    code, out = calc("start-check", json.dumps(START_CHECK))
    assert code == 0
    assert out["status"] == "ready"
    assert out["earliest_start"] == "2026-03-15"
    assert all(set(f) == {"code", "severity", "message", "source"} for f in out["findings"])


def test_start_check_not_yet_gives_the_earliest_date():
    payload = {**START_CHECK, "opioid_exposures": [{"kind": "methadone", "last_use": "2026-03-12"}]}
    code, out = calc("start-check", json.dumps(payload))
    assert code == 0
    assert out["status"] == "not_yet"
    # source: NALTRACK default of 10 days after a long-acting opioid (from REVIA/VIVITROL)
    assert out["earliest_start"] == "2026-03-22"


def test_start_check_takes_the_additions_of_the_contract():
    payload = {
        **START_CHECK,
        "opioid_exposures": [{"kind": "buprenorphine_extended_release", "last_use": "2025-09-01"}],
        "urine_drug_screen": {
            "date": "2026-03-15",
            "opioids_positive": False,
            "panel": {"opiates": "negative", "fentanyl": "negative", "buprenorphine": "negative"},
        },
        "age_years": 17,
        "currently_drinking": None,
        "bleeding_risk": False,
    }
    code, out = calc("start-check", json.dumps(payload))
    assert code == 0
    assert out["status"] == "review"
    found = {f["code"] for f in out["findings"]}
    assert {"buprenorphine_extended_release", "age_under_18", "urine_screen_negative"} <= found
    bad = {
        **payload,
        "urine_drug_screen": {**payload["urine_drug_screen"], "opioids_positive": True},
    }
    code, out = calc("start-check", json.dumps(bad))
    assert (code, out["error"]["field"]) == (2, "urine_drug_screen.opioids_positive")


def test_discontinuation_matches_the_contract_example():
    payload = {
        "start": "2026-04-01",
        "formulation": "oral",
        "current_dose_mg": 50,
        "last_injection": None,
        "strategy": "step_down",
        "step_days": 3,
        "reason": "patient choice after 12 months in remission",
    }
    code, out = calc("discontinuation", json.dumps(payload))
    assert code == 0
    assert out["steps"] == [
        {
            "start": "2026-04-01",
            "end": "2026-04-03",
            "dose_mg": 25,
            "tablets": "half of one 50 mg tablet",
        }
    ]
    assert out["last_dose"] == "2026-04-03"
    assert out["blockade_ends"] == "2026-04-04"
    assert out["follow_up"] == [
        "2026-04-10",
        "2026-04-17",
        "2026-05-01",
        "2026-06-01",
        "2026-07-01",
    ]
    assert "overdose_risk_after_stopping" in {w["code"] for w in out["warnings"]}


def test_score():
    payload = {
        "instrument": "cows",
        "answers": dict.fromkeys(COWS_KEYS, 0) | {"sweating": 4, "tremor": 1},
    }
    code, out = calc("score", json.dumps(payload))
    assert (code, out) == (
        0,
        {"instrument": "cows", "score": 5, "max_score": 48, "band": "mild", "flags": []},
    )


PHQ9_ZERO = {f"q{n}": 0 for n in range(1, 10)}
COWS_KEYS = INSTRUMENTS["cows"].keys


@pytest.mark.parametrize(
    ("name", "stdin", "field"),
    [
        ("start-check", json.dumps({**START_CHECK, "colour": "blue"}), "colour"),
        ("start-check", json.dumps({**START_CHECK, "date": "15/03/2026"}), "date"),
        ("start-check", json.dumps({**START_CHECK, "indication": "pain"}), "indication"),
        ("discontinuation", json.dumps({"start": "2026-04-01"}), "formulation"),
        (
            "score",
            json.dumps({"instrument": "phq9", "answers": PHQ9_ZERO | {"q1": 4}}),
            "answers.q1",
        ),
        (
            "score",
            json.dumps({"instrument": "phq9", "answers": PHQ9_ZERO | {"q10": 0}}),
            "answers.q10",
        ),
        ("score", json.dumps({"instrument": "phq9", "answers": {"q1": 0}}), "answers.q2"),
        ("score", "[1, 2", "$"),
        ("score", "[]", "$"),
    ],
)
def test_bad_input_is_the_error_form_with_exit_2(name, stdin, field):
    code, out = calc(name, stdin)
    assert code == 2
    assert set(out) == {"error"}
    assert out["error"]["field"] == field
    assert out["error"]["message"]


def test_unknown_calculator_is_a_usage_error():
    result = subprocess.run(
        [sys.executable, "-m", "naltrack.cli", "calc", "dose"],
        capture_output=True,
        text=True,
        check=False,
        env=ENV,
    )
    assert result.returncode == 2
    assert "usage" in result.stderr


def test_clinical_rules_doc_is_generated_from_the_registry():
    document = (ROOT / "docs" / "clinical-rules.md").read_text()
    assert document == render_rules_markdown(), (
        "docs/clinical-rules.md is stale: run `.venv/bin/naltrack calc rules > docs/clinical-rules.md`"
    )
