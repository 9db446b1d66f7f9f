"""The urine drug screen's panel: a negative screen proves only what it tested (TIP63, Part 3)."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from tests.clinical.start_check_inputs import FULL_PANEL, D, codes, finding, payload, run

from naltrack.clinical.contract import InputError
from naltrack.clinical.start_check import (
    DrugScreen,
    ScreenPanel,
    start_check,
    start_check_from_json,
)

SHORT = [{"kind": "short_acting", "last_use": "2026-03-01"}]


def screen(positive: bool = False, date: str = "2026-03-15", **panel: str) -> dict[str, Any]:
    return {"date": date, "opioids_positive": positive, "panel": panel}


def only(*analytes: str) -> dict[str, str]:
    return {analyte: "negative" for analyte in analytes}


@pytest.mark.parametrize(
    ("indication", "exposures", "panel", "status", "not_tested"),
    [
        pytest.param("OUD", SHORT, FULL_PANEL, "ready", (), id="full-panel"),
        pytest.param(
            "OUD", SHORT, only("opiates", "oxycodone", "fentanyl"), "ready", (), id="short-covered"
        ),
        pytest.param("OUD", [], only("opiates"), "review", ("fentanyl",), id="OUD-no-fentanyl"),
        pytest.param("OUD", [], only("fentanyl"), "ready", (), id="OUD-fentanyl-only"),
        pytest.param(
            "OUD_AUD", [], only("opiates", "oxycodone"), "review", ("fentanyl",), id="OUD_AUD"
        ),
        # a short-acting opioid may be oxycodone, which opiate assays often miss
        pytest.param(
            "OUD", SHORT, only("opiates", "fentanyl"), "review", ("oxycodone",), id="short-no-oxy"
        ),
        pytest.param(
            "OUD",
            SHORT,
            only("fentanyl"),
            "review",
            ("opiates", "oxycodone"),
            id="short-no-opiates",
        ),
        pytest.param(
            "OUD",
            [{"kind": "methadone", "last_use": "2026-03-01"}],
            only("opiates", "oxycodone", "fentanyl", "buprenorphine"),
            "review",
            ("methadone",),
            id="methadone-not-tested",
        ),
        pytest.param(
            "OUD",
            [{"kind": "buprenorphine", "last_use": "2026-03-01"}],
            {**only("opiates", "fentanyl", "methadone"), "buprenorphine": "not_tested"},
            "review",
            ("buprenorphine",),
            id="buprenorphine-not-tested",
        ),
        pytest.param(
            "OUD",
            [{"kind": "other_long_acting", "last_use": "2026-03-01"}],
            only("opiates", "fentanyl"),
            "review",
            ("oxycodone",),
            id="long-acting-no-oxy",
        ),
        # AUD without reported opioid use: a screen is only recommended, whatever it tested
        pytest.param("AUD", [], only("opiates"), "ready", (), id="AUD-no-opioids"),
        # AUD with reported opioid use: the reported opioid must have been tested
        pytest.param(
            "AUD",
            [{"kind": "methadone", "last_use": "2026-03-01"}],
            only("opiates"),
            "review",
            ("methadone",),
            id="AUD-methadone-not-tested",
        ),
        pytest.param(
            "AUD",
            [{"kind": "methadone", "last_use": "2026-03-01"}],
            only("methadone"),
            "ready",
            (),
            id="AUD-methadone-no-fentanyl-needed",
        ),
    ],
)
def test_negative_screen_counts_for_what_its_panel_tested(
    indication: str,
    exposures: list[dict[str, str]],
    panel: dict[str, str],
    status: str,
    not_tested: tuple[str, ...],
) -> None:
    result = run(
        indication=indication, opioid_exposures=exposures, urine_drug_screen=screen(**panel)
    )
    assert result["status"] == status
    assert result["earliest_start"] == "2026-03-15"
    if not_tested:
        f = finding(result, "urine_screen_panel_incomplete")
        assert (f["severity"], f["source"]) == ("block", "TIP63")
        named = f["message"].split("did not test for ", 1)[1].split(".", 1)[0]
        assert sorted(named.replace(" or ", ", ").split(", ")) == sorted(not_tested)
        assert "urine_screen_negative" not in codes(result)
    else:
        assert "urine_screen_panel_incomplete" not in codes(result)
        assert finding(result, "urine_screen_negative")["severity"] == "info"


def test_negative_finding_says_what_was_tested() -> None:
    result = run(urine_drug_screen=screen(**only("opiates", "oxycodone", "fentanyl")))
    message = finding(result, "urine_screen_negative")["message"]
    assert message == (
        "The urine drug screen of 2026-03-15 is negative for opiates, oxycodone and fentanyl."
    )


def test_incomplete_panel_says_why_each_analyte_was_needed() -> None:
    result = run(
        opioid_exposures=[*SHORT, {"kind": "methadone", "last_use": "2026-03-01"}],
        urine_drug_screen=screen(**only("opiates")),
    )
    message = finding(result, "urine_screen_panel_incomplete")["message"]
    assert "did not test for oxycodone, fentanyl or methadone" in message
    assert "fentanyl, for opioid use disorder" in message
    assert "for the reported use of a short-acting opioid" in message
    assert "methadone, for the reported use of methadone" in message


@pytest.mark.parametrize(
    ("indication", "exposures", "warned"),
    [
        pytest.param("OUD", [], True, id="OUD"),
        pytest.param("OUD_AUD", SHORT, True, id="OUD_AUD"),
        pytest.param("AUD", SHORT, True, id="AUD-with-opioids"),
        pytest.param("AUD", [], False, id="AUD-no-opioids"),
    ],
)
def test_screen_without_a_recorded_panel_asks_to_confirm_it(
    indication: str, exposures: list[dict[str, str]], warned: bool
) -> None:
    result = run(
        indication=indication,
        opioid_exposures=exposures,
        urine_drug_screen={"date": "2026-03-15", "opioids_positive": False},
    )
    assert result["status"] == "ready"  # a warning: status unchanged
    assert "urine_screen_negative" in codes(result)
    if warned:
        f = finding(result, "urine_screen_panel_not_recorded")
        assert (f["severity"], f["source"]) == ("warning", "TIP63")
        assert "fentanyl" in f["message"]
    else:
        assert "urine_screen_panel_not_recorded" not in codes(result)


@pytest.mark.parametrize(
    ("panel", "named"),
    [
        pytest.param({**FULL_PANEL, "fentanyl": "positive"}, "fentanyl", id="fentanyl"),
        pytest.param(
            {"opiates": "positive", "buprenorphine": "positive"},
            "opiates and buprenorphine",
            id="two-analytes",
        ),
        pytest.param({"methadone": "positive"}, "methadone", id="others-not-tested"),
    ],
)
def test_any_positive_analyte_is_not_yet(panel: dict[str, str], named: str) -> None:
    result = run(indication="AUD", opioid_exposures=[], urine_drug_screen=screen(True, **panel))
    assert result["status"] == "not_yet"
    assert result["earliest_start"] is None
    f = finding(result, "urine_screen_opioid_positive")
    assert f["message"].startswith(f"The urine drug screen of 2026-03-15 is positive for {named}:")
    assert f["source"] == "REVIA+TIP63"


def test_a_panel_that_tested_nothing_is_no_screen() -> None:
    result = run(urine_drug_screen=screen())
    assert result["status"] == "review"
    assert "tested for no opioid" in finding(result, "urine_screen_needed")["message"]
    aud = run(
        indication="AUD", opioid_exposures=[], urine_drug_screen=screen(**{"opiates": "not_tested"})
    )
    assert aud["status"] == "ready"
    assert finding(aud, "urine_screen_recommended")["severity"] == "warning"


def test_an_old_screen_counts_as_missing_whatever_its_panel() -> None:
    result = run(urine_drug_screen=screen(date="2026-03-07", **FULL_PANEL))
    assert result["status"] == "review"
    assert "urine_screen_needed" in codes(result)


# --- the JSON contract of the panel ------------------------------------------------------------


def test_panel_is_parsed_and_absent_keys_are_not_tested() -> None:
    inp = start_check_from_json(payload(urine_drug_screen=screen(fentanyl="negative")))
    assert inp.urine_drug_screen == DrugScreen(
        D("2026-03-15"), opioids_positive=False, panel=ScreenPanel(fentanyl="negative")
    )
    assert inp.urine_drug_screen.panel is not None
    assert inp.urine_drug_screen.panel.result("opiates") == "not_tested"
    without = start_check_from_json(
        payload(urine_drug_screen={"date": "2026-03-15", "opioids_positive": False})
    )
    assert without.urine_drug_screen is not None and without.urine_drug_screen.panel is None


@pytest.mark.parametrize(
    ("screen_json", "field"),
    [
        pytest.param(screen(tramadol="negative"), "urine_drug_screen.panel.tramadol", id="unknown"),
        pytest.param(screen(fentanyl="pos"), "urine_drug_screen.panel.fentanyl", id="bad-value"),
        pytest.param(
            {**screen(), "panel": {"fentanyl": False}},
            "urine_drug_screen.panel.fentanyl",
            id="bool-value",
        ),
        pytest.param(
            {**screen(), "panel": {"fentanyl": None}},
            "urine_drug_screen.panel.fentanyl",
            id="null-value",
        ),
        pytest.param({**screen(), "panel": None}, "urine_drug_screen.panel", id="null-panel"),
        pytest.param({**screen(), "panel": ["fentanyl"]}, "urine_drug_screen.panel", id="list"),
        pytest.param(
            screen(True, **FULL_PANEL), "urine_drug_screen.opioids_positive", id="true-all-negative"
        ),
        pytest.param(
            screen(False, **{**FULL_PANEL, "oxycodone": "positive"}),
            "urine_drug_screen.opioids_positive",
            id="false-but-positive",
        ),
        pytest.param(screen(True), "urine_drug_screen.opioids_positive", id="true-nothing-tested"),
    ],
)
def test_panel_input_errors_name_the_field(screen_json: dict[str, Any], field: str) -> None:
    with pytest.raises(InputError) as error:
        start_check_from_json(payload(urine_drug_screen=screen_json))
    assert error.value.field == field


def test_python_door_checks_the_panel_agrees() -> None:
    inp = start_check_from_json(payload())
    assert inp.urine_drug_screen is not None
    wrong = dataclasses.replace(inp.urine_drug_screen, opioids_positive=True)
    with pytest.raises(InputError) as error:
        start_check(dataclasses.replace(inp, urine_drug_screen=wrong))
    assert error.value.field == "urine_drug_screen.opioids_positive"
