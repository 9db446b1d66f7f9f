"""The start-check's contraindications and reasons for review: liver tests, acute hepatitis,
opioid analgesics, hypersensitivity, pregnancy and the medicine screen (rows cite sources)."""

from __future__ import annotations

from typing import Any

import pytest
from tests.clinical.start_check_inputs import FULL_LABS, codes, finding, payload, run

from naltrack.clinical.start_check import (
    LiverThresholds,
    StartCheckPolicy,
    start_check,
    start_check_from_json,
)

# --- liver (NALTRACK defaults informed by TIP63/AUDGUIDE) --------------------------------------


def _labs(alt: float, ast: float = 30, bilirubin: float = 0.8) -> list[dict[str, Any]]:
    return [
        {"test": "ALT", "value": alt, "upper_limit_normal": 40, "date": "2026-03-10"},
        {"test": "AST", "value": ast, "upper_limit_normal": 40, "date": "2026-03-10"},
        {"test": "bilirubin", "value": bilirubin, "upper_limit_normal": 1.2, "date": "2026-03-10"},
    ]


@pytest.mark.parametrize(
    ("labs", "status", "code"),
    [
        pytest.param(_labs(alt=120), "ready", "liver_tests_within_limits", id="ALT-3.0x-NALTRACK"),
        pytest.param(_labs(alt=121), "ready", "liver_enzymes_raised", id="ALT-3.03x-warning"),
        pytest.param(_labs(alt=200), "ready", "liver_enzymes_raised", id="ALT-5.0x-warning"),
        pytest.param(_labs(alt=201), "review", "liver_enzymes_markedly_raised", id="ALT-5.03x"),
        pytest.param(_labs(alt=30, ast=240), "review", "liver_enzymes_markedly_raised", id="AST6x"),
        pytest.param(_labs(alt=30, bilirubin=2.0), "ready", "bilirubin_raised", id="bilirubin"),
        pytest.param([], "review", "baseline_liver_tests_needed", id="none-TIP63+AUDGUIDE"),
        pytest.param(_labs(alt=30)[2:], "review", "baseline_liver_tests_needed", id="bili-only"),
    ],
)
def test_liver_rules(labs: list[dict[str, Any]], status: str, code: str) -> None:
    result = run(labs=labs)
    assert result["status"] == status
    assert code in codes(result)
    if code == "liver_enzymes_raised":
        assert "closer liver monitoring" in finding(result, code)["message"]


def test_liver_thresholds_are_configurable() -> None:
    inp = start_check_from_json(payload(labs=_labs(alt=100)))  # 2.5x
    assert start_check(inp).status == "ready"
    strict = LiverThresholds(warn_multiple=2.0, review_multiple=2.4)
    assert start_check(inp, liver=strict).status == "review"
    warn_only = LiverThresholds(warn_multiple=2.0, review_multiple=4.0)
    result = start_check(inp, liver=warn_only)
    assert result.status == "ready"
    assert "liver_enzymes_raised" in [f.code for f in result.findings]
    with pytest.raises(ValueError):
        LiverThresholds(warn_multiple=5.0, review_multiple=3.0)


def test_old_labs_do_not_count_as_baseline() -> None:
    old = [dict(lab, date="2025-12-01") for lab in FULL_LABS]  # 104 days before
    result = run(labs=old)
    assert result["status"] == "review"
    assert "baseline_liver_tests_needed" in codes(result)
    inp = start_check_from_json(payload(labs=old))
    assert start_check(inp, policy=StartCheckPolicy(lab_max_age_days=120)).status == "ready"


def test_latest_lab_result_counts() -> None:
    labs = [
        {"test": "ALT", "value": 400, "upper_limit_normal": 40, "date": "2026-02-01"},
        *FULL_LABS,
    ]
    result = run(labs=labs)
    assert result["status"] == "ready"
    assert "liver_tests_within_limits" in codes(result)


def test_lab_names_are_case_insensitive() -> None:
    labs = [dict(lab, test=lab["test"].lower()) for lab in FULL_LABS]
    labs.append({"test": "ggt", "value": 90, "upper_limit_normal": 60, "date": "2026-03-10"})
    inp = start_check_from_json(payload(labs=labs))
    assert [lab.test for lab in inp.labs] == ["ALT", "AST", "bilirubin", "GGT"]
    assert start_check(inp).status == "ready"


# --- contraindications and review (REVIA, VIVITROL, TIP63) -------------------------------------


@pytest.mark.parametrize(
    ("field", "code", "source"),
    [
        pytest.param(
            "acute_hepatitis_or_liver_failure",
            "acute_hepatitis_or_liver_failure",
            "REVIA+VIVITROL",
            id="hepatitis-REVIA+VIVITROL§5.4",
        ),
        pytest.param(
            "needs_opioid_analgesics",
            "needs_opioid_analgesics",
            "REVIA+VIVITROL",
            id="analgesics-REVIA+VIVITROL",
        ),
        pytest.param(
            "naltrexone_hypersensitivity",
            "naltrexone_hypersensitivity",
            "REVIA+VIVITROL",
            id="hypersensitivity-REVIA+VIVITROL",
        ),
    ],
)
def test_contraindications(field: str, code: str, source: str) -> None:
    result = run(**{field: True})
    assert result["status"] == "contraindicated"
    assert result["earliest_start"] is None
    f = finding(result, code)
    assert (f["severity"], f["source"]) == ("block", source)


def test_xr_hypersensitivity_mentions_polymer_and_diluent() -> None:
    result = run(formulation="xr_injection", naltrexone_hypersensitivity=True)
    message = finding(result, "naltrexone_hypersensitivity")["message"]
    assert "polylactide-co-glycolide" in message and "diluent" in message


def test_contraindicated_beats_not_yet_and_review() -> None:
    result = run(
        needs_opioid_analgesics=True,
        opioid_exposures=[{"kind": "short_acting", "last_use": "2026-03-14"}],
        pregnant=True,
        labs=[],
    )
    assert result["status"] == "contraindicated"
    assert result["earliest_start"] is None


def test_not_yet_beats_review() -> None:
    result = run(
        opioid_exposures=[{"kind": "short_acting", "last_use": "2026-03-14"}],
        pregnant=True,
    )
    assert result["status"] == "not_yet"
    assert result["earliest_start"] == "2026-03-21"


@pytest.mark.parametrize(
    ("pregnant", "status", "code", "severity"),
    [
        pytest.param(True, "review", "pregnancy", "block", id="pregnant-REVIA+VIVITROL+TIP63"),
        pytest.param(None, "ready", "pregnancy_status_unknown", "warning", id="unknown-NALTRACK"),
    ],
)
def test_pregnancy(pregnant: bool | None, status: str, code: str, severity: str) -> None:
    result = run(pregnant=pregnant)
    assert result["status"] == status
    assert result["earliest_start"] == "2026-03-15"
    assert finding(result, code)["severity"] == severity


# --- medicine screen (REVIA, VIVITROL: interactions) ---------------------------------------------


@pytest.mark.parametrize(
    ("entry", "code", "status"),
    [
        ("OxyContin 10 mg twice daily", "medication_opioid_analgesic", "contraindicated"),
        ("Percocet 5/325", "medication_opioid_analgesic", "contraindicated"),
        ("hydrocodone/APAP", "medication_opioid_analgesic", "contraindicated"),
        ("Tylenol with codeine", "medication_opioid_analgesic", "contraindicated"),
        ("Tylenol #3", "medication_opioid_analgesic", "contraindicated"),
        ("MS Contin 30 mg", "medication_opioid_analgesic", "contraindicated"),
        ("TRAMADOL 50MG", "medication_opioid_analgesic", "contraindicated"),
        ("Nucynta", "medication_opioid_analgesic", "contraindicated"),
        ("fentanyl patch", "medication_opioid_analgesic", "contraindicated"),
        ("Dilaudid", "medication_opioid_analgesic", "contraindicated"),
        ("Demerol", "medication_opioid_analgesic", "contraindicated"),
        ("levorphanol", "medication_opioid_analgesic", "contraindicated"),
        ("Talwin", "medication_mixed_agonist_antagonist", "contraindicated"),
        ("nalbuphine", "medication_mixed_agonist_antagonist", "contraindicated"),
        ("butorphanol nasal", "medication_mixed_agonist_antagonist", "contraindicated"),
        ("Tuzistra XR", "medication_opioid_cough_cold", "contraindicated"),
        ("Hycodan syrup", "medication_opioid_cough_cold", "contraindicated"),
        ("dihydrocodeine", "medication_opioid_cough_cold", "contraindicated"),
        ("Lomotil", "medication_opioid_antidiarrheal", "contraindicated"),
        ("paregoric", "medication_opioid_antidiarrheal", "contraindicated"),
        ("opium tincture", "medication_opioid_antidiarrheal", "contraindicated"),
        ("Suboxone 8/2 mg film", "medication_opioid_agonist_treatment", "contraindicated"),
        ("buprenorphine/naloxone", "medication_opioid_agonist_treatment", "contraindicated"),
        ("Methadose 80 mg", "medication_opioid_agonist_treatment", "contraindicated"),
        ("Dolophine", "medication_opioid_agonist_treatment", "contraindicated"),
        ("Sublocade monthly", "medication_buprenorphine_extended_release", "contraindicated"),
        ("Brixadi", "medication_buprenorphine_extended_release", "contraindicated"),
        ("Butrans patch", "medication_opioid_agonist_treatment", "contraindicated"),
        ("Belbuca", "medication_opioid_agonist_treatment", "contraindicated"),
        ("loperamide 2 mg as needed", "medication_loperamide", "review"),
        ("thioridazine 50 mg", "medication_thioridazine", "review"),
        ("Antabuse 250 mg", "medication_disulfiram", "review"),
        ("disulfiram", "medication_disulfiram", "review"),
        ("Contrave", "medication_naltrexone_combination", "review"),
        ("naltrexone 8 mg / bupropion 90 mg", "medication_naltrexone_combination", "review"),
        ("naltrexone 50 mg", "medication_naltrexone_listed", "ready"),
    ],
)
def test_medicine_screen(entry: str, code: str, status: str) -> None:
    result = run(current_medications=["sertraline 50 mg", entry])
    assert result["status"] == status
    f = finding(result, code)
    assert entry in f["message"]
    assert f["severity"] == ("warning" if status == "ready" else "block")


def test_dihydrocodeine_is_not_also_matched_as_codeine() -> None:
    result = run(current_medications=["dihydrocodeine 30 mg"])
    assert "medication_opioid_analgesic" not in codes(result)


@pytest.mark.parametrize(
    "entry",
    [
        "sertraline 50 mg",
        "naloxone nasal spray 4 mg",  # an opioid antagonist: advised, not an interaction
        "nalmefene",
        "hydroxyzine 25 mg",
        "oxybutynin 5 mg",
        "acamprosate 333 mg",
        "noncodeine cough syrup",  # word boundary: no match inside another word
        "metformin",
    ],
)
def test_medicine_screen_no_false_matches(entry: str) -> None:
    result = run(current_medications=[entry])
    assert result["status"] == "ready"
    assert not any(code.startswith("medication_") for code in codes(result))
