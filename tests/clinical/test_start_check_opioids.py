"""The start-check's opioid rules: the opioid-free window after each kind of opioid, the urine
drug screen and the naloxone challenge (rows cite sources)."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.clinical.start_check_inputs import (
    EXAMPLE,
    FULL_LABS,
    D,
    codes,
    finding,
    payload,
    run,
)

from naltrack.clinical.contract import InputError
from naltrack.clinical.start_check import StartCheckPolicy, start_check, start_check_from_json

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


# --- extended-release buprenorphine (SUBLOCADE, BRIXADI) ----------------------------------------

ER = "buprenorphine_extended_release"


@pytest.mark.parametrize(
    ("date", "last_use", "status", "code"),
    [
        pytest.param("2026-03-15", "2026-03-15", "review", ER, id="same-day"),
        pytest.param("2026-03-15", "2026-02-15", "review", ER, id="1-month"),
        pytest.param("2026-03-15", "2026-03-01", "review", ER, id="14-days-no-daily-window"),
        pytest.param("2026-03-15", "2025-03-16", "review", ER, id="12-months-less-a-day"),
        pytest.param("2026-03-15", "2025-03-15", "review", ER, id="12-months-exactly"),
        pytest.param("2026-03-15", "2025-03-14", "ready", f"{ER}_over_12_months", id="12m-1day"),
        pytest.param("2026-03-15", "2024-01-01", "ready", f"{ER}_over_12_months", id="2-years"),
        # the anniversary of 29 February is 28 February (the same day, clamped to the month end)
        pytest.param("2025-02-28", "2024-02-29", "review", ER, id="leap-anniversary"),
        pytest.param("2025-03-01", "2024-02-29", "ready", f"{ER}_over_12_months", id="leap+1"),
    ],
)
def test_extended_release_buprenorphine(date: str, last_use: str, status: str, code: str) -> None:
    result = run(
        date=date,
        opioid_exposures=[{"kind": ER, "last_use": last_use}],
        urine_drug_screen=None if status == "review" else {"date": date, "opioids_positive": False},
        naloxone_challenge={"date": date, "withdrawal_signs": False},
        labs=[dict(lab, date=date) for lab in FULL_LABS],
    )
    f = finding(result, code)
    assert f["source"] == "SUBLOCADE+BRIXADI"
    assert result["earliest_start"] == date
    if status == "review":
        assert f["severity"] == "block"
        assert "10-14 day window" in f["message"] and "12 months or longer" in f["message"]
        assert "opioid_free_window_met" not in codes(result)
        assert "opioid_free_window_not_met" not in codes(result)
    else:
        assert f["severity"] == "warning"
        assert result["status"] == "ready"


def test_extended_release_buprenorphine_is_never_ready_on_the_window_alone() -> None:
    # a current negative screen and a passed challenge, 11 months after the last injection
    result = run(
        opioid_exposures=[{"kind": ER, "last_use": "2025-04-15"}],
        urine_drug_screen={"date": "2026-03-15", "opioids_positive": False},
    )
    assert result["status"] == "review"
    assert result["earliest_start"] == "2026-03-15"
    assert finding(result, ER)["severity"] == "block"


def test_extended_release_buprenorphine_with_a_recent_daily_opioid_is_not_yet() -> None:
    result = run(
        indication="AUD",
        opioid_exposures=[
            {"kind": ER, "last_use": "2025-10-01"},
            {"kind": "short_acting", "last_use": "2026-03-12"},
        ],
    )
    assert result["status"] == "not_yet"
    assert result["earliest_start"] == "2026-03-19"
    assert "alcohol use disorder too" in finding(result, ER)["message"]


def test_extended_release_buprenorphine_is_accepted_in_json() -> None:
    inp = start_check_from_json(payload(opioid_exposures=[{"kind": ER, "last_use": "2025-06-01"}]))
    assert inp.opioid_exposures[0].kind == ER
    with pytest.raises(InputError) as error:
        run(opioid_exposures=[{"kind": ER, "last_use": "2025-06-01", "product": "Sublocade"}])
    assert error.value.field == "opioid_exposures.0.product"


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


@pytest.mark.parametrize(
    "challenge_date",
    [
        pytest.param("2026-03-15", id="today"),
        pytest.param("2026-03-14", id="yesterday"),
        pytest.param("2026-03-01", id="two-weeks-ago-never-repeated"),
    ],
)
def test_positive_challenge_stands_until_a_negative_repeat(challenge_date: str) -> None:
    # source: REVIA — a positive challenge may be repeated after 24 hours; until a repeat is
    # negative, when naltrexone can start is not known
    result = run(naloxone_challenge={"date": challenge_date, "withdrawal_signs": True})
    assert result["status"] == "not_yet"
    assert result["earliest_start"] is None
    f = finding(result, "naloxone_challenge_positive")
    assert (f["severity"], f["source"]) == ("block", "REVIA")
    repeat = (D(challenge_date) + dt.timedelta(days=1)).isoformat()
    assert "until a repeat challenge is negative" in f["message"]
    assert f"after 24 hours, from {repeat}" in f["message"]


def test_negative_repeat_challenge_replaces_the_positive_one() -> None:
    # the latest challenge is the one given: a negative repeat the day after counts as passed
    result = run(naloxone_challenge={"date": "2026-03-15", "withdrawal_signs": False})
    assert result["status"] == "ready"
    assert "naloxone_challenge_passed" in codes(result)


def test_positive_challenge_makes_the_window_date_unknown() -> None:
    result = run(
        opioid_exposures=[{"kind": "short_acting", "last_use": "2026-03-10"}],
        naloxone_challenge={"date": "2026-03-15", "withdrawal_signs": True},
    )
    assert result["status"] == "not_yet"
    assert result["earliest_start"] is None


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
