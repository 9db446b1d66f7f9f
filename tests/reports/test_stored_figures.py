"""The stored figures stay equal to a full recomputation from the record, whatever is written,
in whatever order reports run between the writes, and on whatever day."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from naltrack.care import services
from naltrack.care.errors import ClinicalRuleError
from naltrack.clinical.contract import InputError
from naltrack.clinical.instruments import INSTRUMENTS
from naltrack.clinical.outcomes.coverage import LapseRule
from naltrack.clinical.outcomes.program import program_measures
from naltrack.processes.management.commands.scheduler import scheduler_step
from naltrack.reports.cohorts import Filters
from naltrack.reports.facts import episode_facts
from naltrack.reports.figures import figures_refresh, report_episodes
from naltrack.reports.models import StoredFigures
from naltrack.reports.outcomes import outcome_report
from tests.care.helpers import TODAY, check_in, started, stop_planned
from tests.factories import patient_with_login

pytestmark = pytest.mark.django_db
DAY = dt.timedelta(days=1)
START = TODAY - 70 * DAY


def recount(clinic, today=TODAY):
    return sorted(
        episode_facts(clinic, today=today, rule=LapseRule()), key=lambda item: item.figures.episode
    )


def phq9(score_each: int) -> dict[str, int]:
    return {item.key: score_each for item in INSTRUMENTS["phq9"].items}


@pytest.fixture
def two_patients(clinic, clinician):
    first = patient_with_login(clinic, sex="male")
    second = patient_with_login(clinic)
    _, tablets = started(first, clinician, day=START, indication="AUD", kind="aud_daily")
    _, monthly = started(second, clinician, day=START, kind="xr_monthly")
    services.dose_record(regimen=tablets, day=START, status="taken", by=clinician)
    services.injection_record(
        regimen=monthly, given_on=START, site="left_gluteal", lot="", given_by=clinician
    )
    return (first, tablets), (second, monthly)


def test_a_report_stores_each_episodes_figures_and_reads_them_back_equal(clinic, two_patients):
    assert StoredFigures.objects.count() == 0
    assert report_episodes(clinic, today=TODAY) == recount(clinic)
    assert StoredFigures.objects.count() == 2
    assert report_episodes(clinic, today=TODAY) == recount(clinic)


def test_a_write_forgets_only_that_patients_figures(clinic, two_patients):
    (first, _), (second, _) = two_patients
    report_episodes(clinic, today=TODAY)
    check_in(first, TODAY - DAY, drinks=6)
    assert list(StoredFigures.objects.values_list("patient_id", flat=True)) == [second.pk]
    by_patient = {item.patient: item for item in report_episodes(clinic, today=TODAY)}
    assert by_patient[first.pk].figures.heavy_per_30_after == 30


def test_writing_many_rows_at_once_forgets_the_figures_too(clinic, clinician, two_patients):
    (first, tablets), _ = two_patients
    report_episodes(clinic, today=TODAY)
    services.doses_record_many(
        regimen=tablets,
        doses=[services.DoseEntry(day=START + n * DAY, status="taken") for n in (1, 2, 3)],
        by=clinician,
    )
    assert not StoredFigures.objects.filter(patient=first).exists()
    assert report_episodes(clinic, today=TODAY) == recount(clinic)


def test_figures_counted_under_other_thresholds_are_counted_again(clinic, two_patients):
    (first, _), _ = two_patients
    check_in(first, TODAY - DAY, drinks=4)
    report_episodes(clinic, today=TODAY)

    def heavy() -> int:
        by_patient = {item.patient: item for item in report_episodes(clinic, today=TODAY)}
        return by_patient[first.pk].figures.heavy_per_30_after

    assert heavy() == 0  # 4 drinks: under the default 5 for a man
    clinic.alert_thresholds = {"heavy_drinking_drinks_male": 4}
    clinic.save()
    assert heavy() == 30


def test_the_nightly_refresh_mends_a_row_that_differs_and_nothing_else(clinic, two_patients):
    (first, _), _ = two_patients
    report_episodes(clinic, today=TODAY)
    assert figures_refresh(clinic, today=TODAY) == 0
    # A row gone wrong (as a write racing a report's recount could leave it).
    StoredFigures.objects.filter(patient=first).update(screens=7)
    assert figures_refresh(clinic, today=TODAY) == 1
    assert report_episodes(clinic, today=TODAY) == recount(clinic)


def test_figures_of_another_day_are_worked_out_again(clinic, two_patients):
    report_episodes(clinic, today=TODAY)
    later = TODAY + 45 * DAY
    # 45 days on, the tablets have lapsed and the injection is overdue: the figures move.
    assert report_episodes(clinic, today=later) == recount(clinic, later) != recount(clinic)
    assert set(StoredFigures.objects.values_list("as_of", flat=True)) == {later}
    # The night's recount for the next day stores every row again.
    assert figures_refresh(clinic, today=later + DAY) == 2


def test_the_report_from_stored_figures_equals_the_measures_of_the_full_recount(
    clinic, clinician, two_patients
):
    (first, _), _ = two_patients
    check_in(first, START + DAY, drinks=7, craving=8)
    check_in(first, START + 40 * DAY, drinks=0, craving=2)
    report = outcome_report(clinic=clinic, filters=Filters(), today=TODAY, by=None, form="page")
    reference = program_measures([item.figures for item in recount(clinic)])
    assert report.measures == reference


# One step of a random history: what is written, to whom, on which day (days after START).
steps = st.lists(
    st.one_of(
        st.tuples(
            st.just("check_in"),
            st.integers(0, 2),
            st.integers(0, 69),
            st.integers(0, 9),
            st.integers(0, 10),
            st.booleans(),
        ),
        st.tuples(st.just("dose"), st.integers(0, 2), st.integers(0, 69)),
        st.tuples(st.just("injection"), st.integers(0, 2), st.integers(0, 69)),
        st.tuples(st.just("screen"), st.integers(0, 2), st.integers(0, 69), st.booleans()),
        st.tuples(st.just("phq9"), st.integers(0, 2), st.integers(0, 69), st.integers(0, 3)),
        st.tuples(st.just("stop"), st.integers(0, 2), st.integers(10, 60)),
        st.tuples(st.just("restart"), st.integers(0, 2), st.integers(20, 69)),
        st.tuples(st.just("report"), st.integers(0, 2)),
    ),
    max_size=16,
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(history=steps)
def test_stored_figures_equal_a_full_recount_over_random_histories(clinic, clinician, history):
    # Each history runs in a savepoint rolled back at its end, so each starts from nothing.
    with transaction.atomic():
        people = []
        for indication, kind in (
            ("AUD", "aud_daily"),
            ("OUD", "xr_monthly"),
            ("OUD_AUD", "oud_induction"),
        ):
            patient = patient_with_login(clinic)
            episode, regimen = started(
                patient, clinician, day=START, indication=indication, kind=kind
            )
            people.append((patient, episode, regimen))
        for kind, who, *rest in history:
            patient, episode, regimen = people[who]
            # A step the record refuses (a second injection too soon...) writes nothing.
            with contextlib.suppress(ClinicalRuleError, InputError):
                _apply(kind, patient, episode, regimen, clinician, rest)
        assert report_episodes(clinic, today=TODAY) == recount(clinic)
        assert figures_refresh(clinic, today=TODAY) == 0
        transaction.set_rollback(True)


def _apply(kind, patient, episode, regimen, clinician, rest):
    if kind == "report":
        report_episodes(patient.clinic, today=TODAY)
        return
    day = START + rest[0] * DAY
    if kind == "check_in":
        drinks, craving, used = rest[1:]
        check_in(patient, day, drinks=drinks, craving=craving, opioid_use=used)
    elif kind == "dose":
        services.dose_record(regimen=regimen, day=day, status="taken", by=clinician)
    elif kind == "injection":
        services.injection_record(
            regimen=regimen, given_on=day, site="left_gluteal", lot="", given_by=clinician
        )
    elif kind == "screen":
        services.drug_screen_record(
            patient=patient, collected_on=day, opioids_positive=rest[1], by=clinician
        )
    elif kind == "phq9":
        services.instrument_record(
            patient=patient, instrument="phq9", answers=phq9(rest[1]), taken_on=day, by=clinician
        )
    elif kind == "stop":
        episode.refresh_from_db()
        stop_planned(episode, clinician, start=day, reason="patient choice")
    elif kind == "restart":  # refused unless the episode has stopped by then
        services.episode_open(
            patient=patient, indication=episode.indication, opened_on=day, by=clinician
        )


def test_the_nightly_work_recounts_the_figures(clinic, two_patients):
    (first, _), _ = two_patients
    report_episodes(clinic, today=TODAY)
    StoredFigures.objects.filter(patient=first).update(screens=7)
    # The test settings run queued tasks at once (ImmediateBackend): this is the night's work.
    scheduler_step(now=timezone.now().replace(hour=3), sweep_hour=2, queued_at=None)
    assert report_episodes(clinic, today=TODAY) == recount(clinic)


def test_a_report_of_stored_figures_costs_three_queries_whatever_the_size(
    clinic, clinician, two_patients, django_assert_max_num_queries
):
    for _ in range(5):
        started(patient_with_login(clinic), clinician, day=START)
    report_episodes(clinic, today=TODAY)
    # drop the rows of another day, look for missing ones, read them all
    with django_assert_max_num_queries(3):
        assert len(report_episodes(clinic, today=TODAY)) == 7


def test_many_missing_are_recounted_in_one_pass_and_the_rest_kept(
    clinic, clinician, two_patients, monkeypatch
):
    from naltrack.reports import figures

    (first, _), _ = two_patients
    for _ in range(2):
        started(patient_with_login(clinic), clinician, day=START)
    report_episodes(clinic, today=TODAY)
    check_in(first, TODAY - DAY, drinks=6)
    StoredFigures.objects.exclude(patient=first).first().delete()
    monkeypatch.setattr(figures, "_CHUNK", 1)  # two missing are "many"
    assert report_episodes(clinic, today=TODAY) == recount(clinic)
    assert StoredFigures.objects.count() == 4


def test_a_restart_after_a_stop_counts_as_a_return(clinic, clinician, two_patients):
    (first, tablets), _ = two_patients
    stop_planned(tablets.episode, clinician, start=START + 10 * DAY, reason="patient choice")
    report_episodes(clinic, today=TODAY)
    services.episode_open(patient=first, indication="AUD", opened_on=START + 40 * DAY, by=clinician)
    by_episode = {item.figures.episode: item for item in report_episodes(clinic, today=TODAY)}
    assert by_episode == {item.figures.episode: item for item in recount(clinic)}
    stopped = by_episode[tablets.episode_id].figures
    assert stopped.stopped and stopped.days_to_return is not None
    assert 0 < stopped.days_to_return <= 30
