"""The report read from the database: facts per episode, cohorts, the command, set-based reads."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from naltrack.audit.models import AuditEvent
from naltrack.care import services
from naltrack.clinical.outcomes.coverage import LapseRule
from naltrack.reports.cohorts import Filters
from naltrack.reports.facts import episode_facts, select
from naltrack.reports.outcomes import outcome_report, report_json
from tests.care.helpers import TODAY, ready_inputs, started
from tests.factories import patient_with_login

pytestmark = pytest.mark.django_db
DAY = dt.timedelta(days=1)


def _check_in(patient, day, drinks, by):
    services.check_in_record(
        patient=patient,
        day=day,
        craving=3,
        drinks=drinks,
        opioid_use=False,
        side_effects=[],
        mood=None,
        note="",
        by=by,
    )


@pytest.fixture
def cohort(clinic, clinician, foreign_patient):
    start = TODAY - 40 * DAY
    tablets = patient_with_login(clinic)
    _, regimen = started(tablets, clinician, day=start, indication="AUD", kind="aud_daily")
    for n in range(10):
        services.dose_record(regimen=regimen, day=start + n * DAY, status="taken", by=clinician)
    _check_in(tablets, start, 6, tablets.user)
    _check_in(tablets, start + 35 * DAY, 0, tablets.user)
    injected = patient_with_login(clinic)
    _, monthly = started(injected, clinician, day=start, kind="xr_monthly")
    services.injection_record(
        regimen=monthly, given_on=start, site="left_gluteal", lot="", given_by=clinician
    )
    never = patient_with_login(clinic)
    episode = services.episode_open(patient=never, indication="OUD", opened_on=start, by=clinician)
    services.start_check_run(episode=episode, inputs=ready_inputs(start), by=clinician)
    return tablets, injected, never


def test_each_episode_has_its_own_facts_and_no_other_clinics(clinic, cohort):
    tablets, injected, never = cohort
    by_patient = {
        item.patient: item for item in episode_facts(clinic, today=TODAY, rule=LapseRule())
    }
    assert set(by_patient) == {tablets.pk, injected.pk, never.pk}
    on_tablets = by_patient[tablets.pk].figures
    # ten days of tablets, then none for thirty: lapsed on its tenth day, every day covered
    assert (on_tablets.days_in_treatment, on_tablets.ended) == (9, True)
    assert on_tablets.days_covered_share == 1
    # 6 drinks on the first day (heavy for anyone), none on day 35 (abstinent, after month one)
    assert (on_tablets.heavy_per_30_first_month, on_tablets.abstinent_per_30_after) == (30, 30)
    injected_figures = by_patient[injected.pk].figures
    assert (injected_figures.days_in_treatment, injected_figures.ended) == (40, False)
    assert by_patient[injected.pk].formulation == "xr_injection"
    assert not by_patient[never.pk].figures.started and by_patient[never.pk].figures.had_start_check


def test_the_report_measures_the_cohort(clinic, clinician, cohort):
    report = outcome_report(
        clinic=clinic, filters=Filters(), today=TODAY, by=clinician, form="page"
    )
    m = report.measures
    assert (m.induction.started.count, m.induction.started.n) == (2, 3)
    # tablets for 10 days then nothing for 30: lapsed on its 10th day; the injection still covers
    assert sorted((s.day, s.ended) for s in m.retention.curve.steps) == [(9, 1), (40, 0)]
    assert AuditEvent.objects.filter(object_type="outcome_report", actor_id=clinician.pk).exists()


def test_filters_take_their_episodes(clinic, cohort):
    _, injected, _ = cohort
    everything = episode_facts(clinic, today=TODAY, rule=LapseRule())
    monthly = select(everything, Filters(formulation="xr_injection"))
    assert [item.patient for item in monthly] == [injected.pk]
    assert select(everything, Filters(started_from=TODAY - 10 * DAY)) == []
    with pytest.raises(ValueError):
        Filters(indication="cocaine")


def test_a_therapy_session_counts_on_the_clinic_day_it_was_held(clinic, clinician):
    # A session this evening (21:00 where the clinic is: tomorrow in UTC) is in an episode that
    # runs to today.
    patient = patient_with_login(clinic)
    started(patient, clinician, day=TODAY - 5 * DAY)
    evening = dt.datetime.combine(TODAY, dt.time(21, 0), tzinfo=timezone.get_current_timezone())
    assert evening.astimezone(dt.UTC).date() == TODAY + DAY
    session = services.therapy_session_schedule(
        patient=patient, kind="cbt", scheduled_at=evening, counsellor=clinician, by=clinician
    )
    services.therapy_session_mark(session=session, status="attended", by=clinician)
    (item,) = episode_facts(clinic, today=TODAY, rule=LapseRule())
    assert item.therapy == "any"


def test_reads_are_set_based(clinic, clinician, cohort, django_assert_max_num_queries):
    # three episodes or thirty: the same dozen queries
    for _ in range(9):
        more = patient_with_login(clinic)
        started(more, clinician, day=TODAY - 20 * DAY)
    with django_assert_max_num_queries(12):
        assert len(episode_facts(clinic, today=TODAY, rule=LapseRule())) == 12


def test_the_command_prints_the_same_figures(clinic, cohort):
    out = io.StringIO()
    call_command("report", "outcomes", "--clinic", clinic.slug, "--format", "json", stdout=out)
    printed = json.loads(out.getvalue())
    page = report_json(
        outcome_report(clinic=clinic, filters=Filters(), today=TODAY, by=None, form="page")
    )
    assert printed["measures"] == page["measures"]
    out = io.StringIO()
    call_command("report", "outcomes", "--clinic", clinic.slug, "--format", "csv", stdout=out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    started_row = next(r for r in rows if r["measure"].startswith("Started"))
    assert (started_row["n"], float(started_row["value"])) == ("3", 2 / 3)


def test_the_command_refuses_bad_input_plainly(clinic):
    with pytest.raises(CommandError, match="No clinic"):
        call_command("report", "outcomes", "--clinic", "nowhere")
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("report", "outcomes", "--clinic", clinic.slug, "--from", "last week")
    with pytest.raises(CommandError, match="ends before it starts"):
        call_command(
            "report",
            "outcomes",
            "--clinic",
            clinic.slug,
            "--from",
            "2026-05-01",
            "--to",
            "2026-01-01",
        )
