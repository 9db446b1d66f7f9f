"""The start-check calculator: the rules (rows cite sources) and docs/calculators.md's contract."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from naltrack.clinical.contract import InputError
from naltrack.clinical.evidence import RULES, SOURCES
from naltrack.clinical.start_check import (
    EXPOSURE_KINDS,
    DrugScreen,
    LabResult,
    LiverThresholds,
    NaloxoneChallenge,
    OpioidExposure,
    StartCheckInput,
    StartCheckPolicy,
    start_check,
    start_check_from_json,
    start_check_json,
)

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


def payload(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(EXAMPLE)
    data["labs"] = copy.deepcopy(FULL_LABS)
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


# --- the contract example ----------------------------------------------------------------------


def test_calculators_md_example() -> None:
    result = start_check_json(copy.deepcopy(EXAMPLE))
    assert result["status"] == "ready"
    assert result["earliest_start"] == "2026-03-15"
    assert set(result) == {"status", "earliest_start", "findings"}
    found = codes(result)
    for code in (
        "opioid_free_window_met",
        "urine_screen_negative",
        "naloxone_challenge_passed",
        "liver_tests_within_limits",
    ):
        assert code in found
    # only ALT was given: AST and bilirubin are part of the baseline (TIP63, AUDGUIDE)
    assert finding(result, "liver_panel_incomplete")["severity"] == "warning"
    for f in result["findings"]:
        assert set(f) == {"code", "severity", "message", "source"}
        assert f["severity"] in ("info", "warning", "block")
        assert all(part in SOURCES for part in f["source"].split("+"))
        assert f["message"].strip()


def test_full_baseline_is_ready_without_warnings() -> None:
    result = run()
    assert result["status"] == "ready"
    assert [f for f in result["findings"] if f["severity"] != "info"] == []


def test_block_and_warning_codes_are_registered_rules() -> None:
    results = [
        run(),
        run(acute_hepatitis_or_liver_failure=True, pregnant=None, labs=[]),
        run(urine_drug_screen=None, naloxone_challenge=None, pregnant=True),
        run(current_medications=["Suboxone", "loperamide", "Antabuse", "thioridazine"]),
        run(opioid_exposures=[{"kind": "methadone", "last_use": "2026-03-14"}]),
    ]
    for result in results:
        for f in result["findings"]:
            if f["severity"] != "info":
                assert f["code"] in RULES, f["code"]


def test_findings_are_ordered_block_warning_info() -> None:
    result = run(pregnant=None, urine_drug_screen=None)
    order = {"block": 0, "warning": 1, "info": 2}
    ranks = [order[f["severity"]] for f in result["findings"]]
    assert ranks == sorted(ranks)


# --- opioid-free window (NALTRACK reading of REVIA and VIVITROL) --------------------------------


@pytest.mark.parametrize(
    ("kind", "days_since", "status", "code", "earliest_offset"),
    [
        # source: NALTRACK+REVIA — 7 days after short-acting, warning until 10
        pytest.param("short_acting", 0, "not_yet", "opioid_free_window_not_met", 7, id="short-d0"),
        pytest.param("short_acting", 6, "not_yet", "opioid_free_window_not_met", 7, id="short-d6"),
        pytest.param("short_acting", 7, "ready", "opioid_free_window_borderline", 0, id="short-d7"),
        pytest.param("short_acting", 9, "ready", "opioid_free_window_borderline", 0, id="short-d9"),
        pytest.param("short_acting", 10, "ready", "opioid_free_window_met", 0, id="short-d10"),
        # source: NALTRACK+VIVITROL — 10 days after methadone/buprenorphine, warning until 14
        pytest.param("methadone", 9, "not_yet", "opioid_free_window_not_met", 10, id="mtd-d9"),
        pytest.param("methadone", 10, "ready", "opioid_free_window_borderline", 0, id="mtd-d10"),
        pytest.param("methadone", 13, "ready", "opioid_free_window_borderline", 0, id="mtd-d13"),
        pytest.param("methadone", 14, "ready", "opioid_free_window_met", 0, id="mtd-d14"),
        pytest.param("buprenorphine", 2, "not_yet", "opioid_free_window_not_met", 10, id="bup-d2"),
        pytest.param("buprenorphine", 12, "ready", "opioid_free_window_borderline", 0, id="bup-12"),
        pytest.param("other_long_acting", 9, "not_yet", "opioid_free_window_not_met", 10, id="la9"),
        pytest.param("other_long_acting", 14, "ready", "opioid_free_window_met", 0, id="la-d14"),
    ],
)
def test_opioid_free_window(
    kind: str, days_since: int, status: str, code: str, earliest_offset: int
) -> None:
    date = D("2026-03-15")
    last_use = date - dt.timedelta(days=days_since)
    result = run(opioid_exposures=[{"kind": kind, "last_use": last_use.isoformat()}])
    assert result["status"] == status
    assert code in codes(result)
    expected = date if earliest_offset == 0 else last_use + dt.timedelta(days=earliest_offset)
    assert result["earliest_start"] == expected.isoformat()
    if status == "not_yet":
        assert finding(result, code)["severity"] == "block"
        assert f"met on {expected.isoformat()}" in finding(result, code)["message"]
        assert "withdrawal" in finding(result, code)["message"]


def test_latest_window_across_exposures_wins() -> None:
    result = run(
        opioid_exposures=[
            {"kind": "short_acting", "last_use": "2026-03-10"},  # → 03-17
            {"kind": "methadone", "last_use": "2026-03-08"},  # → 03-18
        ],
    )
    assert result["status"] == "not_yet"
    assert result["earliest_start"] == "2026-03-18"
    assert codes(result).count("opioid_free_window_not_met") == 2


def test_opioid_free_requirement_applies_in_aud() -> None:
    # source: REVIA, VIVITROL — an opioid-using patient treated for alcohol must be opioid-free
    result = run(
        indication="AUD",
        opioid_exposures=[{"kind": "short_acting", "last_use": "2026-03-12"}],
    )
    assert result["status"] == "not_yet"
    assert result["earliest_start"] == "2026-03-19"
    assert "alcohol use disorder too" in finding(result, "opioid_free_window_not_met")["message"]


def test_no_exposures_reported() -> None:
    result = run(opioid_exposures=[])
    assert result["status"] == "ready"
    assert "no_recent_opioid_use_reported" in codes(result)


def test_exposure_after_date_is_an_input_error() -> None:
    with pytest.raises(InputError) as error:
        run(opioid_exposures=[{"kind": "short_acting", "last_use": "2026-03-16"}])
    assert error.value.field == "opioid_exposures.0.last_use"


# --- urine drug screen (REVIA, TIP63) ----------------------------------------------------------


def test_opioid_positive_screen_is_not_yet_with_unknown_date() -> None:
    result = run(urine_drug_screen={"date": "2026-03-15", "opioids_positive": True})
    assert result["status"] == "not_yet"
    assert result["earliest_start"] is None
    assert finding(result, "urine_screen_opioid_positive")["source"] == "REVIA+TIP63"


def test_positive_screen_makes_waiting_date_unknown() -> None:
    result = run(
        opioid_exposures=[{"kind": "short_acting", "last_use": "2026-03-12"}],
        urine_drug_screen={"date": "2026-03-14", "opioids_positive": True},
    )
    assert result["status"] == "not_yet"
    assert result["earliest_start"] is None


@pytest.mark.parametrize(
    ("indication", "exposures", "status", "code", "severity"),
    [
        pytest.param("OUD", True, "review", "urine_screen_needed", "block", id="OUD-REVIA+TIP63"),
        pytest.param("OUD_AUD", False, "review", "urine_screen_needed", "block", id="OUD_AUD"),
        pytest.param("AUD", True, "review", "urine_screen_needed", "block", id="AUD-with-opioids"),
        pytest.param(
            "AUD", False, "ready", "urine_screen_recommended", "warning", id="AUD-no-opioids"
        ),
    ],
)
def test_missing_screen(
    indication: str, exposures: bool, status: str, code: str, severity: str
) -> None:
    result = run(
        indication=indication,
        opioid_exposures=EXAMPLE["opioid_exposures"] if exposures else [],
        urine_drug_screen=None,
        naloxone_challenge=None,
    )
    assert result["status"] == status
    assert result["earliest_start"] == "2026-03-15"
    assert finding(result, code)["severity"] == severity


@pytest.mark.parametrize(
    ("screen_date", "policy", "status"),
    [
        pytest.param("2026-03-01", None, "review", id="same-day-as-last-use"),
        pytest.param("2026-03-07", None, "review", id="8-days-old-NALTRACK-7"),
        pytest.param("2026-03-08", None, "ready", id="7-days-old"),
        pytest.param("2026-03-07", StartCheckPolicy(test_max_age_days=14), "ready", id="clinic-14"),
    ],
)
def test_negative_screen_must_be_current(
    screen_date: str, policy: StartCheckPolicy | None, status: str
) -> None:
    inp = start_check_from_json(
        payload(
            urine_drug_screen={"date": screen_date, "opioids_positive": False},
            naloxone_challenge=None,
        )
    )
    result = start_check(inp, policy=policy).to_json()
    assert result["status"] == status
    if status == "review":
        assert "urine_screen_needed" in codes(result)
    else:
        assert "urine_screen_negative" in codes(result)


# --- naloxone challenge (REVIA) ----------------------------------------------------------------


def test_positive_challenge_can_be_repeated_after_24_hours() -> None:
    result = run(naloxone_challenge={"date": "2026-03-15", "withdrawal_signs": True})
    assert result["status"] == "not_yet"
    assert result["earliest_start"] == "2026-03-16"
    assert "24 hours" in finding(result, "naloxone_challenge_positive")["message"]


def test_old_positive_challenge_can_be_repeated_today() -> None:
    result = run(naloxone_challenge={"date": "2026-03-12", "withdrawal_signs": True})
    assert result["status"] == "not_yet"
    assert result["earliest_start"] == "2026-03-15"


def test_positive_challenge_and_window_take_the_later_date() -> None:
    result = run(
        opioid_exposures=[{"kind": "short_acting", "last_use": "2026-03-10"}],
        naloxone_challenge={"date": "2026-03-15", "withdrawal_signs": True},
    )
    assert result["earliest_start"] == "2026-03-17"


def test_missing_challenge_for_oud_is_a_recommendation() -> None:
    result = run(naloxone_challenge=None)
    assert result["status"] == "ready"
    f = finding(result, "naloxone_challenge_recommended")
    assert f["severity"] == "warning"
    assert "0.8 mg" in f["message"]


def test_no_challenge_needed_for_aud_without_opioids() -> None:
    result = run(indication="AUD", opioid_exposures=[], naloxone_challenge=None)
    assert result["status"] == "ready"
    assert not any("naloxone_challenge" in code for code in codes(result))


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
        ("Sublocade monthly", "medication_opioid_agonist_treatment", "contraindicated"),
        ("Brixadi", "medication_opioid_agonist_treatment", "contraindicated"),
        ("Butrans patch", "medication_opioid_agonist_treatment", "contraindicated"),
        ("Belbuca", "medication_opioid_agonist_treatment", "contraindicated"),
        ("loperamide 2 mg as needed", "medication_loperamide", "ready"),
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


# --- JSON contract -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        pytest.param({"notes": "x"}, "notes", id="unknown-top-level"),
        pytest.param({"date": "2026-13-01"}, "date", id="bad-date"),
        pytest.param({"date": "2026-3-1"}, "date", id="short-date"),
        pytest.param({"date": 20260315}, "date", id="number-date"),
        pytest.param({"indication": "opioids"}, "indication", id="bad-indication"),
        pytest.param({"formulation": "implant"}, "formulation", id="bad-formulation"),
        pytest.param({"pregnant": "no"}, "pregnant", id="bad-bool"),
        pytest.param({"needs_opioid_analgesics": None}, "needs_opioid_analgesics", id="null-bool"),
        pytest.param(
            {"opioid_exposures": [{"kind": "heroin", "last_use": "2026-03-01"}]},
            "opioid_exposures.0.kind",
            id="bad-exposure-kind",
        ),
        pytest.param(
            {"opioid_exposures": [{"kind": "short_acting", "last_use": "2026-03-01", "x": 1}]},
            "opioid_exposures.0.x",
            id="unknown-nested",
        ),
        pytest.param(
            {"labs": [{**FULL_LABS[0], "unit": "U/L"}]}, "labs.0.unit", id="unknown-lab-field"
        ),
        pytest.param({"labs": [{**FULL_LABS[0], "test": "CRP"}]}, "labs.0.test", id="lab-test"),
        pytest.param({"labs": [{**FULL_LABS[0], "value": -1}]}, "labs.0.value", id="lab-value"),
        pytest.param(
            {"labs": [{**FULL_LABS[0], "upper_limit_normal": 0}]},
            "labs.0.upper_limit_normal",
            id="lab-uln",
        ),
        pytest.param(
            {"labs": [{**FULL_LABS[0], "date": "2026-03-16"}]}, "labs.0.date", id="lab-future"
        ),
        pytest.param(
            {"urine_drug_screen": {"date": "2026-03-16", "opioids_positive": False}},
            "urine_drug_screen.date",
            id="screen-future",
        ),
        pytest.param(
            {"urine_drug_screen": {"date": "2026-03-15"}},
            "urine_drug_screen.opioids_positive",
            id="screen-missing-field",
        ),
        pytest.param(
            {"naloxone_challenge": {"date": "2026-03-16", "withdrawal_signs": False}},
            "naloxone_challenge.date",
            id="challenge-future",
        ),
        pytest.param({"current_medications": "aspirin"}, "current_medications", id="meds-text"),
        pytest.param({"current_medications": [5]}, "current_medications.0", id="meds-number"),
    ],
)
def test_input_errors_name_the_field(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(InputError) as error:
        start_check_json(payload(**changes))
    assert error.value.field == field
    assert error.value.to_json() == {"error": {"field": field, "message": error.value.message}}


@pytest.mark.parametrize("field", ["date", "indication", "pregnant", "current_medications"])
def test_required_fields(field: str) -> None:
    data = payload()
    del data[field]
    with pytest.raises(InputError) as error:
        start_check_json(data)
    assert error.value.field == field
    assert error.value.message == "is required"


def test_optional_fields_default() -> None:
    data = payload()
    for field in ("urine_drug_screen", "naloxone_challenge", "labs"):
        del data[field]
    inp = start_check_from_json(data)
    assert inp.urine_drug_screen is None and inp.naloxone_challenge is None and inp.labs == ()


def test_not_an_object() -> None:
    with pytest.raises(InputError) as error:
        start_check_json([])
    assert error.value.field == "$"


def test_python_door_matches_json_door() -> None:
    inp = StartCheckInput(
        date=D("2026-03-15"),
        indication="OUD",
        formulation="oral",
        opioid_exposures=(OpioidExposure("short_acting", D("2026-03-01")),),
        urine_drug_screen=DrugScreen(D("2026-03-15"), opioids_positive=False),
        naloxone_challenge=NaloxoneChallenge(D("2026-03-15"), withdrawal_signs=False),
        labs=(LabResult("ALT", 38, 40, D("2026-03-10")),),
        acute_hepatitis_or_liver_failure=False,
        needs_opioid_analgesics=False,
        pregnant=False,
        naltrexone_hypersensitivity=False,
        current_medications=("sertraline 50 mg",),
    )
    assert inp == start_check_from_json(copy.deepcopy(EXAMPLE))
    assert start_check(inp).to_json() == start_check_json(copy.deepcopy(EXAMPLE))
    with pytest.raises(InputError):
        start_check(
            dataclasses.replace(
                inp, opioid_exposures=(OpioidExposure("methadone", D("2026-04-01")),)
            )
        )


# --- properties --------------------------------------------------------------------------------

exposure_lists = st.lists(
    st.tuples(st.sampled_from(EXPOSURE_KINDS), st.integers(0, 30)), min_size=0, max_size=4
)


def _input(date: dt.date, exposures: list[tuple[str, int]]) -> StartCheckInput:
    return StartCheckInput(
        date=date,
        indication="OUD",
        formulation="oral",
        opioid_exposures=tuple(
            OpioidExposure(kind, date - dt.timedelta(days=ago))  # type: ignore[arg-type]
            for kind, ago in exposures
        ),
        urine_drug_screen=DrugScreen(date, opioids_positive=False),
        naloxone_challenge=NaloxoneChallenge(date, withdrawal_signs=False),
        labs=(
            LabResult("ALT", 30, 40, date),
            LabResult("AST", 30, 40, date),
            LabResult("bilirubin", 1, 1.2, date),
        ),
        acute_hepatitis_or_liver_failure=False,
        needs_opioid_analgesics=False,
        pregnant=False,
        naltrexone_hypersensitivity=False,
        current_medications=(),
    )


@settings(deadline=None, max_examples=200)
@given(
    date=st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2035, 1, 1)),
    exposures=exposure_lists,
)
def test_earliest_start_is_ready_if_nothing_else_changes(
    date: dt.date, exposures: list[tuple[str, int]]
) -> None:
    result = start_check(_input(date, exposures))
    assert result.status in ("ready", "not_yet")
    assert result.earliest_start is not None and result.earliest_start >= date
    windows = {"short_acting": 7, "methadone": 10, "buprenorphine": 10, "other_long_acting": 10}
    unmet = [windows[kind] - ago for kind, ago in exposures if ago < windows[kind]]
    assert (result.status == "not_yet") == bool(unmet)
    assert result.earliest_start == date + dt.timedelta(days=max(unmet, default=0))
    # the same patient, with the same last uses, checked again on earliest_start (new tests that day)
    later = result.earliest_start
    shifted = [(kind, ago + (later - date).days) for kind, ago in exposures]
    again = start_check(_input(later, shifted))
    assert again.status == "ready"
    assert again.earliest_start == later


@settings(deadline=None, max_examples=100)
@given(
    date=st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2035, 1, 1)),
    exposures=exposure_lists,
    flag=st.sampled_from(
        [
            "acute_hepatitis_or_liver_failure",
            "needs_opioid_analgesics",
            "naltrexone_hypersensitivity",
        ]
    ),
)
def test_any_contraindication_wins(
    date: dt.date, exposures: list[tuple[str, int]], flag: str
) -> None:
    base = _input(date, exposures)
    result = start_check(dataclasses.replace(base, **{flag: True}))  # type: ignore[arg-type]
    assert result.status == "contraindicated"
    assert result.earliest_start is None
    assert result.findings[0].severity == "block"
