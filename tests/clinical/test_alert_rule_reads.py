"""The alert rules' table: each rule reads only the snapshot fields it lists and raises only its
codes, so re-running only the rules a write feeds (a check-in, a dose) answers as all of them."""

from __future__ import annotations

import datetime as dt
from typing import Any, get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from naltrack.clinical.alerts import (
    RULES,
    CheckIn,
    InstrumentScore,
    LabResult,
    OpioidExposure,
    OralDoseEvent,
    PatientSnapshot,
    UrineDrugScreen,
    evaluate,
    rules_reading,
)
from naltrack.clinical.alerts.evaluation import EPISODE_FIELDS
from naltrack.clinical.alerts.snapshot import RECORD_FIELDS
from naltrack.clinical.alerts.thresholds import DEFAULT_THRESHOLDS, Thresholds
from naltrack.clinical.evidence import RULES as REGISTERED
from naltrack.clinical.instruments import SUICIDAL_IDEATION
from naltrack.clinical.start_check.inputs import ExposureKind

AS_OF = dt.date(2026, 6, 15)


def recent(days: int = 130) -> st.SearchStrategy[dt.date]:
    return st.integers(0, days).map(lambda back: AS_OF - dt.timedelta(days=back))


def few(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[list[Any]]:
    return st.lists(strategy, max_size=12)


@st.composite
def snapshots(draw: st.DrawFn) -> PatientSnapshot:
    state = draw(st.sampled_from(["screening", "induction", "maintenance", "tapering", "stopped"]))
    return WatchedSnapshot(
        as_of=AS_OF,
        state=state,
        indication=draw(st.sampled_from(["OUD", "AUD", "OUD_AUD"])),
        formulation=draw(st.sampled_from([None, "oral", "xr_injection"])),
        sex=draw(st.sampled_from([None, "female", "male"])),
        stopped_on=draw(recent(60)) if state == "stopped" else None,
        last_dose_on=draw(st.none() | recent()),
        injections=draw(few(recent())),
        oral_doses=draw(
            few(
                st.builds(
                    OralDoseEvent,
                    recent(30),
                    st.sampled_from(["taken", "missed"]),
                    st.sampled_from([None, "taken", "missed"]),
                )
            )
        ),
        check_ins=draw(
            few(
                st.builds(
                    CheckIn,
                    recent(30),
                    st.integers(0, 10),
                    st.none() | st.integers(0, 12),
                    st.booleans(),
                )
            )
        ),
        labs=draw(
            few(
                st.builds(
                    LabResult,
                    recent(400),
                    st.sampled_from(["ALT", "AST"]),
                    st.floats(5, 2000),
                    st.floats(20, 60),
                )
            )
        ),
        drug_screens=draw(few(st.builds(UrineDrugScreen, recent(30), st.booleans()))),
        scores=draw(
            few(
                st.builds(
                    InstrumentScore,
                    recent(60),
                    st.just("phq9"),
                    st.integers(0, 27),
                    st.none(),
                    st.sampled_from([(), (SUICIDAL_IDEATION,)]),
                )
            )
        ),
        follow_up_contacts=draw(few(recent(60))),
        follow_ups_booked=draw(few(recent(60))),
        opioid_exposures=draw(
            few(st.builds(OpioidExposure, recent(30), st.sampled_from(get_args(ExposureKind))))
        ),
        cravings_used=draw(few(recent(30))),
    )


class WatchedSnapshot(PatientSnapshot):
    """A snapshot that notes each of its fields a rule reads."""

    def watch(self) -> set[str]:
        read: set[str] = set()
        object.__setattr__(self, "_read", read)
        return read

    def __getattribute__(self, name: str) -> Any:
        read = object.__getattribute__(self, "__dict__").get("_read")
        if read is not None and name in RECORD_FIELDS | EPISODE_FIELDS:
            read.add(name)
        return super().__getattribute__(name)


@settings(max_examples=400, deadline=None)
@given(snapshot=snapshots())
def test_each_rule_reads_only_what_it_lists_and_raises_only_its_codes(
    snapshot: WatchedSnapshot,
) -> None:
    for rule in RULES:
        read = snapshot.watch()
        findings = rule.check(snapshot, DEFAULT_THRESHOLDS)
        assert read - EPISODE_FIELDS <= rule.reads, rule.check
        assert {finding.code for finding in findings} <= rule.codes, rule.check


def test_the_watch_sees_what_a_rule_reads() -> None:
    """A rule that reads one more field than it lists is caught."""
    snapshot = WatchedSnapshot(as_of=AS_OF, state="maintenance", indication="OUD")
    read = snapshot.watch()
    assert snapshot.labs == () and read == {"labs"}


def test_every_alert_rule_is_in_the_table_once() -> None:
    registered = {code for code, rule in REGISTERED.items() if rule.area == "alerts"}
    listed = [code for rule in RULES for code in rule.codes]
    assert sorted(listed) == sorted(registered)


@settings(max_examples=200, deadline=None)
@given(snapshot=snapshots(), changed=st.sampled_from(sorted(RECORD_FIELDS)))
def test_the_rules_a_change_feeds_answer_as_all_of_them_for_their_codes(
    snapshot: PatientSnapshot, changed: str
) -> None:
    thresholds = Thresholds()
    rules = rules_reading({changed})
    codes = {code for rule in rules for code in rule.codes}
    everything = [f for f in evaluate(snapshot, thresholds) if f.code in codes]
    assert evaluate(snapshot, thresholds, rules) == everything
    assert all(changed in rule.reads for rule in rules)


def test_a_change_to_the_episode_itself_runs_every_rule() -> None:
    assert rules_reading({"state"}) == RULES
    assert rules_reading({"check_ins", "sex"}) == RULES


def test_a_field_the_snapshot_does_not_have_is_refused() -> None:
    with pytest.raises(ValueError, match="checkins"):
        rules_reading({"checkins"})
