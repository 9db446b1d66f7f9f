"""A check-in or a dose re-runs only the alert rules it feeds: over random histories, the alerts
it leaves are exactly those a full refresh of every rule would leave."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from naltrack.care import services
from naltrack.care.errors import ClinicalRuleError
from naltrack.care.models import Alert
from naltrack.clinical.contract import InputError
from naltrack.clinical.instruments import INSTRUMENTS
from tests.care.helpers import TODAY, check_in, started, stop_planned
from tests.factories import patient_with_login

pytestmark = pytest.mark.django_db
DAY = dt.timedelta(days=1)
START = TODAY - 40 * DAY
PEOPLE = 4  # tablets for alcohol, the injection, tablets for opioids, no episode yet


def alerts_of(patient) -> list[tuple]:
    return sorted(
        Alert.objects.filter(patient=patient).values_list(
            "code", "key", "severity", "message", "resolved_at", "acknowledged_at"
        ),
        key=repr,
    )


who = st.integers(0, PEOPLE - 1)
day = st.integers(0, 40)
# A write that re-runs only the rules it feeds.
incremental = st.one_of(
    st.tuples(st.just("check_in"), who, day, st.integers(0, 10), st.integers(0, 9), st.booleans()),
    # Doses on tablets in the last five days, so runs of missed doses and a patient's report of
    # a dose staff saw come up often.
    st.tuples(
        st.just("dose"),
        st.sampled_from([0, 2]),
        st.integers(36, 40),
        st.sampled_from(["taken", "missed", "missed"]),
        st.booleans(),
    ),
)
# Everything else a record holds, each refreshed in full by its own service.
other = st.one_of(
    st.tuples(st.just("injection"), who, day),
    st.tuples(st.just("screen"), who, day, st.booleans()),
    st.tuples(st.just("phq9"), who, day, st.integers(0, 3)),
    st.tuples(st.just("lab"), who, day, st.sampled_from([30, 130, 250])),
    st.tuples(st.just("stop"), who, st.integers(5, 35)),
    st.tuples(st.just("acknowledge"), who),
)
histories = st.lists(st.one_of(incremental, incremental, other), min_size=1, max_size=24)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(history=histories)
def test_a_check_in_or_dose_leaves_the_alerts_a_full_refresh_would(clinic, clinician, history):
    # Each history runs in a savepoint rolled back at its end, so each starts from nothing.
    with transaction.atomic():
        people = []
        for indication, kind in (
            ("AUD", "aud_daily"),
            ("OUD", "xr_monthly"),
            ("OUD", "oud_induction"),
        ):
            patient = patient_with_login(clinic, sex="male")
            _, regimen = started(patient, clinician, day=START, indication=indication, kind=kind)
            people.append((patient, regimen))
        people.append((patient_with_login(clinic), None))
        for kind, index, *rest in history:
            patient, regimen = people[index]
            # A write the record refuses (a dose on a day none is due...) writes nothing.
            with contextlib.suppress(ClinicalRuleError, InputError):
                _apply(kind, patient, regimen, clinician, rest)
            left = alerts_of(patient)
            services.alerts_refresh(patient=patient)
            assert alerts_of(patient) == left, (kind, rest)
        transaction.set_rollback(True)


def _apply(kind, patient, regimen, clinician, rest):
    if kind == "acknowledge":
        alert = Alert.objects.filter(patient=patient, acknowledged_at__isnull=True).first()
        if alert is not None:
            services.alert_acknowledge(alert=alert, by=clinician, note="Called; safe.")
        return
    on = START + rest[0] * DAY
    if kind == "check_in":
        craving, drinks, used = rest[1:]
        check_in(patient, on, craving=craving, drinks=drinks, opioid_use=used)
    elif kind == "dose" and regimen is not None:
        status, by_patient = rest[1:]
        services.dose_record(
            regimen=regimen,
            day=on,
            status=status,
            observed=not by_patient,
            by=patient.user if by_patient else clinician,
        )
    elif kind == "injection" and regimen is not None:
        services.injection_record(
            regimen=regimen, given_on=on, site="left_gluteal", lot="", given_by=clinician
        )
    elif kind == "screen":
        services.drug_screen_record(
            patient=patient, collected_on=on, opioids_positive=rest[1], by=clinician
        )
    elif kind == "phq9":
        answers = {item.key: rest[1] for item in INSTRUMENTS["phq9"].items}
        services.instrument_record(
            patient=patient, instrument="phq9", answers=answers, taken_on=on, by=clinician
        )
    elif kind == "lab":
        services.lab_record(
            patient=patient,
            test="ALT",
            value=rest[1],
            upper_limit_normal=40,
            collected_on=on,
            by=clinician,
            confirm_value=True,
        )
    elif kind == "stop" and regimen is not None:
        episode = regimen.episode
        episode.refresh_from_db()
        stop_planned(episode, clinician, start=on, reason="patient choice")


def open_codes(patient) -> set[str]:
    return {a.code for a in Alert.objects.filter(patient=patient, resolved_at__isnull=True)}


def test_a_check_in_settles_only_the_alerts_of_the_rules_that_read_check_ins(clinic, clinician):
    patient = patient_with_login(clinic)
    started(patient, clinician, day=START, indication="OUD", kind="oud_induction")
    check_in(patient, TODAY - DAY, craving=9, drinks=0, opioid_use=False)
    assert open_codes(patient) == {"craving_high"}
    # A raised liver result whose alert is gone stays unseen by a check-in: no rule a check-in
    # feeds reads labs (the lab's own service, or the nightly sweep, refreshes those).
    services.lab_record(
        patient=patient,
        test="ALT",
        value=250,
        upper_limit_normal=40,
        collected_on=TODAY - DAY,
        by=clinician,
    )
    Alert.objects.filter(code__startswith="liver").delete()
    check_in(patient, TODAY, craving=1, drinks=0, opioid_use=True)
    assert open_codes(patient) == {"opioid_use_on_naltrexone"}  # the craving has passed
    services.alerts_refresh(patient=patient)
    assert open_codes(patient) == {"opioid_use_on_naltrexone", "liver_enzymes_very_high"}


def test_a_check_in_of_someone_not_yet_started_keeps_what_a_screen_showed(clinic, clinician):
    patient = patient_with_login(clinic)  # accepted from intake, no episode yet
    services.drug_screen_record(
        patient=patient, collected_on=TODAY - DAY, opioids_positive=True, by=clinician
    )
    assert open_codes(patient) == {"opioid_use_in_screening"}
    check_in(patient, TODAY, craving=2, drinks=0, opioid_use=False)
    assert open_codes(patient) == {"opioid_use_in_screening"}
