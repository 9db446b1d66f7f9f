"""Opioid use, in every state (source: REVIA+VIVITROL+TIP63): reported at a check-in, recorded by a
clinician, a craving walk-through ended "I drank or used" (opioid use disorder), or an
opioid-positive urine screen. Urgent in screening, on naltrexone and after a stop, with no limit
on the time since stopping."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from tests.clinical.alert_snapshots import AS_OF, ago, codes, on_oral, on_xr, only, stopped

from naltrack.clinical.alerts import (
    CheckIn,
    OpioidExposure,
    PatientSnapshot,
    UrineDrugScreen,
    evaluate,
)

OPIOID_CODES = {"opioid_use_in_screening", "opioid_use_on_naltrexone", "opioid_use_after_stopping"}


def opioid_codes(snapshot: PatientSnapshot) -> list[str]:
    return [code for code in codes(snapshot) if code in OPIOID_CODES]


SOURCES = ("check_in", "recorded", "craving_used", "screen")


def used(source: str, days_ago: int = 2) -> dict[str, Any]:
    """The snapshot fields for opioid use from one of the four sources, ``days_ago`` days ago."""
    day = ago(days_ago)
    fields: dict[str, dict[str, Any]] = {
        "check_in": {"check_ins": (CheckIn(day, 3, opioid_use=True),)},
        "recorded": {"opioid_exposures": (OpioidExposure(day, "short_acting"),)},
        "craving_used": {"cravings_used": (day,)},
        "screen": {"drug_screens": (UrineDrugScreen(day, opioids_positive=True),)},
    }
    return fields[source]


STATES: dict[str, tuple[str, dict[str, Any]]] = {
    "screening": ("opioid_use_in_screening", {"state": "screening"}),
    "induction": ("opioid_use_on_naltrexone", {"state": "induction"}),
    "maintenance": ("opioid_use_on_naltrexone", {"state": "maintenance"}),
    "tapering": ("opioid_use_on_naltrexone", {"state": "tapering"}),
}


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("state", STATES)
def test_every_source_in_every_state_is_urgent(source: str, state: str) -> None:
    code, changes = STATES[state]
    snapshot = on_oral(**changes, **used(source))
    alert = only(snapshot, code)
    assert alert.severity == "urgent"
    assert alert.key == f"{code}:{ago(2).isoformat()}"
    assert alert.source == "REVIA+VIVITROL+TIP63"
    assert "naloxone" in alert.message


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("days_since_stop", [0, 89, 90, 400])
def test_opioid_use_after_stopping_has_no_time_limit(source: str, days_since_stop: int) -> None:
    snapshot = stopped(days_since_stop, **used(source), follow_up_contacts=(ago(0),))
    alert = only(snapshot, "opioid_use_after_stopping")
    assert alert.severity == "urgent"
    assert "tolerance" in alert.message and "fatal overdose" in alert.message
    assert alert.evidence["stopped_on"] == ago(days_since_stop).isoformat()


@pytest.mark.parametrize(("days", "fires"), [(0, True), (13, True), (14, False)])
@pytest.mark.parametrize("source", SOURCES)
def test_opioid_use_look_back(days: int, fires: bool, source: str) -> None:
    assert bool(opioid_codes(on_oral(**used(source, days)))) is fires


def test_opioid_use_in_screening_restarts_the_window() -> None:
    snapshot = on_oral(
        state="screening",
        opioid_exposures=(OpioidExposure(ago(9), "short_acting"),),
        drug_screens=(UrineDrugScreen(ago(1), opioids_positive=True),),
    )
    alert = only(snapshot, "opioid_use_in_screening")
    assert f"The opioid-free window restarts from {ago(1).isoformat()}" in alert.message
    assert alert.evidence["window_restarts_from"] == ago(1).isoformat()
    assert alert.evidence["recorded_use"] == [{"date": ago(9).isoformat(), "kind": "short_acting"}]
    assert "overdose risk" in alert.message
    assert alert.key == f"opioid_use_in_screening:{ago(1).isoformat()}"
    # the rest of the rules wait for the start: only this one alert
    assert codes(snapshot) == ["opioid_use_in_screening"]


def test_a_craving_ended_used_is_read_as_possible_opioid_use() -> None:
    snapshot = on_oral(state="screening", cravings_used=(ago(1),))
    alert = only(snapshot, "opioid_use_in_screening")
    assert "'I drank or used'" in alert.message and "may mean opioid use" in alert.message
    assert f"If opioids were used, the opioid-free window restarts from {ago(1).isoformat()}" in (
        alert.message
    )
    assert alert.evidence["craving_ended_used"] == [ago(1).isoformat()]


@pytest.mark.parametrize("indication", ["OUD", "OUD_AUD"])
def test_a_craving_ended_used_counts_in_opioid_use_disorder(indication: str) -> None:
    assert opioid_codes(on_oral(indication=indication, cravings_used=(ago(1),))) == [
        "opioid_use_on_naltrexone"
    ]


def test_a_craving_ended_used_in_alcohol_use_disorder_alone_is_drinking() -> None:
    # The walk-through does not say which; for AUD alone it most likely means drinking.
    assert opioid_codes(on_oral(indication="AUD", cravings_used=(ago(1),))) == []
    # Recorded or reported opioid use still counts for an AUD patient.
    aud = on_oral(indication="AUD", opioid_exposures=(OpioidExposure(ago(1), "short_acting"),))
    assert opioid_codes(aud) == ["opioid_use_on_naltrexone"]


def test_reported_opioid_use_message_and_evidence() -> None:
    snapshot = on_xr(
        check_ins=(CheckIn(ago(3), 3, opioid_use=True),),
        opioid_exposures=(OpioidExposure(ago(2), "methadone"),),
        drug_screens=(UrineDrugScreen(ago(1), opioids_positive=True),),
    )
    alert = only(snapshot, "opioid_use_on_naltrexone")
    assert alert.message.startswith(
        f"Opioid use was reported at the check-in of {ago(3).isoformat()}; the clinic recorded "
        f"opioid use (methadone on {ago(2).isoformat()}); a urine drug screen was positive for "
        f"opioids on {ago(1).isoformat()}, during naltrexone treatment."
    )
    assert alert.key == f"opioid_use_on_naltrexone:{ago(1).isoformat()}"  # the latest use
    assert alert.evidence["reported_use"] == [ago(3).isoformat()]
    assert alert.evidence["positive_screens"] == [ago(1).isoformat()]


def test_positive_screen_on_naltrexone_is_urgent() -> None:
    screens = (UrineDrugScreen(ago(1), opioids_positive=True),)
    alert = only(on_xr(drug_screens=screens), "opioid_use_on_naltrexone")
    assert alert.message.startswith("A urine drug screen was positive for opioids")


def test_negative_and_future_data_raise_nothing() -> None:
    tomorrow = AS_OF + dt.timedelta(days=1)
    snapshot = on_oral(
        state="screening",
        check_ins=(CheckIn(ago(1), 3, opioid_use=False), CheckIn(tomorrow, 3, opioid_use=True)),
        drug_screens=(UrineDrugScreen(ago(1), opioids_positive=False),),
        opioid_exposures=(OpioidExposure(tomorrow, "short_acting"),),
        cravings_used=(tomorrow,),
    )
    assert evaluate(snapshot) == []


def test_existing_callers_need_not_know_the_new_fields() -> None:
    snapshot = PatientSnapshot(as_of=AS_OF, state="maintenance", indication="OUD")
    assert snapshot.opioid_exposures == () and snapshot.cravings_used == ()
    as_list = PatientSnapshot(
        as_of=AS_OF, state="maintenance", indication="OUD", cravings_used=[ago(1)]
    )
    assert as_list.cravings_used == (ago(1),)
