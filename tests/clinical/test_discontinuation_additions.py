"""The stopping plan's additions of 2026-12-04 (docs/calculators.md): daily and intermittent oral
doses, the switch to an agonist from the end of blockade, follow-up by indication and on weekdays,
the wording for alcohol use disorder alone, and the surgery date."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from naltrack.clinical.contract import InputError
from naltrack.clinical.discontinuation import (
    FollowUpPolicy,
    discontinuation_json,
    follow_up_dates,
    on_a_weekday,
)
from naltrack.clinical.evidence import RULES

D = dt.date.fromisoformat

# A stop on Wednesday 2026-04-01: the last dose is Tuesday 2026-03-31.
STOP: dict[str, Any] = {
    "start": "2026-04-01",
    "formulation": "oral",
    "current_dose_mg": 50,
    "strategy": "stop",
}
XR: dict[str, Any] = {
    "start": "2026-03-29",
    "formulation": "xr_injection",
    "current_dose_mg": 380,
    "last_injection": "2026-03-01",
    "strategy": "stop",
}


def run(base: dict[str, Any] = STOP, **changes: Any) -> dict[str, Any]:
    return discontinuation_json({**base, **changes})


def warning(result: dict[str, Any], code: str) -> dict[str, Any]:
    found: list[dict[str, Any]] = [w for w in result["warnings"] if w["code"] == code]
    assert len(found) == 1, result["warnings"]
    return found[0]


def codes(result: dict[str, Any]) -> list[str]:
    return [w["code"] for w in result["warnings"]]


# ---------------------------------------------------------------------------------------------
# Daily and intermittent doses (source: REVIA — a daily dose is at most 50 mg)


@pytest.mark.parametrize("dose", [100, 150])
@pytest.mark.parametrize("strategy", ["step_down", "gradual"])
def test_a_daily_schedule_above_50_mg_is_an_error(dose: int, strategy: str) -> None:
    with pytest.raises(InputError) as error:
        run(current_dose_mg=dose, strategy=strategy, step_days=3)
    assert error.value.field == "current_dose_mg"
    assert "at most 50 mg" in error.value.message
    assert "'stop'" in error.value.message


@pytest.mark.parametrize("dose", [25, 50])
def test_daily_doses_may_be_stepped_down(dose: int) -> None:
    result = run(current_dose_mg=dose, strategy="step_down", step_days=3)
    assert [s["dose_mg"] for s in result["steps"]] == [25]


@pytest.mark.parametrize(("dose", "blockade_ends"), [(100, "2026-04-02"), (150, "2026-04-03")])
def test_an_intermittent_schedule_stops_from_the_last_dose_given(
    dose: int, blockade_ends: str
) -> None:
    result = run(current_dose_mg=dose)
    assert result["steps"] == []
    assert result["last_dose"] == "2026-03-31"
    assert result["blockade_ends"] == blockade_ends


# ---------------------------------------------------------------------------------------------
# Switching to methadone or buprenorphine (source: ASAM2020, REVIA)


@pytest.mark.parametrize(
    ("dose", "switch", "gap"),
    [
        (50, "2026-04-01", "1 day"),
        (100, "2026-04-02", "2 days"),  # never "a day after" a 100 mg dose
        (150, "2026-04-03", "3 days"),  # never "a day after" a 150 mg dose
    ],
)
def test_the_switch_dates_from_the_end_of_blockade(dose: int, switch: str, gap: str) -> None:
    result = run(current_dose_mg=dose)
    found = warning(result, "switching_to_agonist_treatment")
    assert result["blockade_ends"] == switch
    assert f"from the day the blockade ends, {switch}" in found["message"]
    assert f"{gap} after the last dose of {dose} mg" in found["message"]
    assert "a day after" not in found["message"]
    assert found["source"] == "ASAM2020+REVIA"


def test_the_switch_after_a_step_down_counts_from_the_last_step() -> None:
    result = run(strategy="step_down", step_days=3)
    found = warning(result, "switching_to_agonist_treatment")
    assert "2026-04-04" in found["message"]
    assert "last dose of 25 mg" in found["message"]


def test_the_switch_after_the_injection_is_about_30_days() -> None:
    # source: ASAM2020 — later than blockade_ends (28 days): an agonist must not meet naltrexone
    found = warning(run(XR), "switching_to_agonist_treatment")
    assert "about 30 days after the last injection (from about 2026-03-31)" in found["message"]
    assert found["source"] == "ASAM2020"


# ---------------------------------------------------------------------------------------------
# Follow-up by indication (source: NALTRACK, from TIP63)


@pytest.mark.parametrize(
    ("indication", "expected"),
    [
        # last dose Tuesday 2026-03-31; +3 = Fri 04-03, +7 = 04-07, +14, +21, +28, then monthly
        (
            "OUD",
            ["04-03", "04-07", "04-14", "04-21", "04-28", "05-28", "06-26"],
        ),
        (
            "OUD_AUD",
            ["04-03", "04-07", "04-14", "04-21", "04-28", "05-28", "06-26"],
        ),
        ("AUD", ["04-07", "04-14", "04-28", "05-28", "06-26"]),
        (None, ["04-07", "04-14", "04-28", "05-28", "06-26"]),
    ],
)
def test_follow_up_depends_on_the_indication(indication: str | None, expected: list[str]) -> None:
    result = run(indication=indication)
    assert result["follow_up"] == [f"2026-{day}" for day in expected]


def test_follow_up_after_the_injection_for_opioid_use_counts_from_the_end_of_blockade() -> None:
    # blockade ends Sunday 03-29; +3 = Wed 04-01; the Sunday contacts move to the Friday before
    result = run(XR, indication="OUD")
    assert result["follow_up"] == [
        "2026-04-01",
        "2026-04-03",
        "2026-04-10",
        "2026-04-17",
        "2026-04-24",
        "2026-05-26",
        "2026-06-26",
    ]


def test_an_unknown_indication_is_an_error() -> None:
    with pytest.raises(InputError) as error:
        run(indication="opioids")
    assert error.value.field == "indication"


# ---------------------------------------------------------------------------------------------
# Weekends (source: NALTRACK — the Friday before: earlier is safer in the first weeks)


@pytest.mark.parametrize(
    ("day", "after", "expected"),
    [
        ("2026-04-03", "2026-03-31", "2026-04-03"),  # Friday stays
        ("2026-04-04", "2026-03-31", "2026-04-03"),  # Saturday → Friday before
        ("2026-04-05", "2026-03-31", "2026-04-03"),  # Sunday → Friday before
        ("2026-04-06", "2026-03-31", "2026-04-06"),  # Monday stays
        ("2026-04-04", "2026-04-03", "2026-04-06"),  # Friday not after the anchor: Monday after
        ("2026-04-05", "2026-04-03", "2026-04-06"),
    ],
)
def test_on_a_weekday(day: str, after: str, expected: str) -> None:
    assert on_a_weekday(D(day), after=D(after)) == D(expected)


def test_a_weekend_day_3_contact_moves_earlier_not_later() -> None:
    # last dose Wednesday 04-01: day 3 is Saturday 04-04 → Friday 04-03 (day 2), not Monday
    # (day 5)
    result = run(start="2026-04-02", indication="OUD")
    assert result["last_dose"] == "2026-04-01"
    assert result["follow_up"][0] == "2026-04-03"
    # last dose Thursday 04-02: day 3 is Sunday 04-05 → Friday 04-03 (day 1, after the last dose)
    result = run(start="2026-04-03", indication="OUD")
    assert result["follow_up"][0] == "2026-04-03"


def test_a_weekend_contact_never_falls_on_the_anchor_or_repeats() -> None:
    # Anchor Friday 04-03; contacts 1 and 2 days after fall on Saturday and Sunday: both would
    # move to the anchor itself, so they go to the Monday after, once.
    policy = FollowUpPolicy(days_after=(1, 2, 7), monthly_contacts=0)
    assert follow_up_dates(D("2026-04-03"), policy) == (D("2026-04-06"), D("2026-04-10"))


def test_weekends_are_a_clinic_policy() -> None:
    policy = FollowUpPolicy(avoid_weekends=False)
    assert follow_up_dates(D("2026-03-31"), policy)[-1] == D("2026-06-28")  # a Sunday
    opioid = FollowUpPolicy(opioid_days_after=(2, 5), monthly_contacts=0)
    assert follow_up_dates(D("2026-03-30"), opioid, indication="OUD") == (
        D("2026-04-01"),
        D("2026-04-03"),
    )
    with pytest.raises(ValueError):
        FollowUpPolicy(opioid_days_after=(7, 3))


# ---------------------------------------------------------------------------------------------
# The wording for alcohol use disorder alone (source: REVIA, VIVITROL; CLINICAL additions)


def test_a_plan_for_alcohol_use_disorder_speaks_of_alcohol_not_of_opioid_tolerance() -> None:
    result = run(indication="AUD")
    assert codes(result) == [
        "drinking_may_return_after_stopping",
        "cravings_may_return",
        "no_taper_needed",
    ]
    assert result["warnings"][0]["severity"] == "warning"
    text = " ".join(w["message"] for w in result["warnings"]).lower()
    assert "alcohol" in text and "craving" in text
    for word in ("opioid", "tolerance", "overdose", "naloxone", "methadone"):
        assert word not in text


@pytest.mark.parametrize("indication", ["OUD", "OUD_AUD", None])
def test_the_overdose_warning_stays_for_opioid_use_and_when_not_given(
    indication: str | None,
) -> None:
    result = run(indication=indication)
    assert result["warnings"][0]["code"] == "overdose_risk_after_stopping"
    assert result["warnings"][0]["severity"] == "block"
    assert {"naloxone", "switching_to_agonist_treatment"} <= set(codes(result))


@pytest.mark.parametrize(
    ("indication", "what"),
    [("OUD", "opioids"), ("AUD", "alcohol"), ("OUD_AUD", "alcohol or opioids")],
)
def test_the_cravings_note_names_what_the_patient_was_treated_for(
    indication: str, what: str
) -> None:
    found = warning(run(indication=indication), "cravings_may_return")
    assert found["message"].startswith(f"Cravings for {what} may return")


# ---------------------------------------------------------------------------------------------
# Surgery (source: ASAM2015 — 72 hours after the last oral dose, 30 days after the injection)


@pytest.mark.parametrize(
    ("surgery", "severity"),
    [
        ("2026-04-02", "block"),  # 48 hours after the last dose
        ("2026-04-03", "info"),  # 72 hours: on the date
        ("2026-04-20", "info"),
    ],
)
def test_surgery_after_oral_naltrexone(surgery: str, severity: str) -> None:
    result = run(surgery_date=surgery)
    assert result["surgery_opioids_from"] == "2026-04-03"
    assert result["blockade_ends"] == "2026-04-01"  # not moved for surgery
    found = warning(result, "surgery_opioid_analgesia")
    assert found["severity"] == severity
    assert surgery in found["message"]
    if severity == "block":
        assert result["warnings"][1] == found  # right after the overdose warning
        assert found["source"] == "ASAM2015+REVIA+VIVITROL"
    else:
        assert found["source"] == "ASAM2015"


@pytest.mark.parametrize(("surgery", "severity"), [("2026-03-30", "block"), ("2026-03-31", "info")])
def test_surgery_after_the_injection(surgery: str, severity: str) -> None:
    result = run(XR, surgery_date=surgery)
    assert result["surgery_opioids_from"] == "2026-03-31"  # 30 days after 03-01
    assert result["blockade_ends"] == "2026-03-29"  # 28 days: the overdose date is not moved
    assert warning(result, "surgery_opioid_analgesia")["severity"] == severity


def test_surgery_after_a_step_down_counts_from_the_last_step() -> None:
    result = run(strategy="step_down", step_days=3, surgery_date="2026-04-05")
    assert result["last_dose"] == "2026-04-03"
    assert result["surgery_opioids_from"] == "2026-04-06"
    assert warning(result, "surgery_opioid_analgesia")["severity"] == "block"


def test_surgery_for_alcohol_use_disorder_still_warns() -> None:
    # the blockade of opioid pain relief does not depend on the indication
    result = run(indication="AUD", surgery_date="2026-04-01")
    assert result["warnings"][0]["code"] == "surgery_opioid_analgesia"
    assert result["warnings"][0]["severity"] == "block"


def test_without_a_surgery_date_there_is_no_surgery_output() -> None:
    for result in (run(), run(surgery_date=None)):
        assert "surgery_opioids_from" not in result
        assert "surgery_opioid_analgesia" not in codes(result)


def test_a_bad_surgery_date_names_the_field() -> None:
    with pytest.raises(InputError) as error:
        run(surgery_date="next week")
    assert error.value.field == "surgery_date"


def test_new_codes_are_registered_rules() -> None:
    for code in (
        "follow_up_after_stopping_opioid_use_disorder",
        "follow_up_on_weekdays",
        "drinking_may_return_after_stopping",
        "surgery_opioid_analgesia",
    ):
        assert RULES[code].area == "discontinuation"
