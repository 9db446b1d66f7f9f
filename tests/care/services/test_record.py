"""The record's services: the clinical core's rules hold whichever door the write comes through."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from naltrack.audit.models import AuditEvent
from naltrack.care import services
from naltrack.care.models import Alert, Episode, FollowUp, Regimen
from tests.care.helpers import TODAY, ready_inputs, started

pytestmark = pytest.mark.django_db
DAY = dt.timedelta(days=1)
REASON = "Passed a naloxone challenge in clinic today"


def test_regimen_needs_a_ready_start_check_of_the_same_day(patient, clinician):
    episode = services.episode_open(
        patient=patient, indication="OUD", opened_on=TODAY, by=clinician
    )
    with pytest.raises(services.ClinicalRuleError) as refused:
        services.regimen_start(
            episode=episode, kind="oud_induction", start=TODAY, prescriber=clinician
        )
    assert refused.value.field == "override_reason"
    assert "no start check" in refused.value.message

    recent_use = ready_inputs(
        opioid_exposures=[{"kind": "short_acting", "last_use": (TODAY - 2 * DAY).isoformat()}]
    )
    check = services.start_check_run(episode=episode, inputs=recent_use, by=clinician)
    assert check.status == "not_yet"
    with pytest.raises(services.ClinicalRuleError, match="not_yet"):
        services.regimen_start(
            episode=episode, kind="oud_induction", start=TODAY, prescriber=clinician
        )
    assert not Regimen.objects.exists()


def test_clinician_can_override_with_a_reason_and_it_is_audited(patient, clinician):
    episode = services.episode_open(
        patient=patient, indication="OUD", opened_on=TODAY, by=clinician
    )
    regimen = services.regimen_start(
        episode=episode,
        kind="xr_monthly",
        start=TODAY,
        prescriber=clinician,
        override_reason=REASON,
        acknowledged=["no_start_check"],
    )
    assert regimen.override_reason == REASON
    assert [f["code"] for f in regimen.override_findings] == ["no_start_check"]
    event = AuditEvent.objects.get(object_type="regimen", object_id=str(regimen.pk))
    assert event.detail["override_reason"] == REASON
    assert event.detail["overridden"] == ["no_start_check"]
    episode.refresh_from_db()
    assert (episode.state, episode.started_on) == (Episode.State.INDUCTION, TODAY)


def test_an_override_needs_a_reason_of_substance_and_each_finding_acknowledged(patient, clinician):
    episode = services.episode_open(
        patient=patient, indication="OUD", opened_on=TODAY, by=clinician
    )
    recent_use = ready_inputs(
        opioid_exposures=[{"kind": "short_acting", "last_use": (TODAY - 2 * DAY).isoformat()}]
    )
    check = services.start_check_run(episode=episode, inputs=recent_use, by=clinician)
    codes = [f["code"] for f in check.result["findings"] if f["severity"] in ("block", "warning")]
    assert codes
    start = {"episode": episode, "kind": "oud_induction", "start": TODAY, "prescriber": clinician}
    with pytest.raises(services.ClinicalRuleError) as refused:
        services.regimen_start(**start, override_reason="x", acknowledged=codes)
    assert refused.value.field == "override_reason"
    assert "at least 25 characters" in refused.value.message
    with pytest.raises(services.ClinicalRuleError) as refused:
        services.regimen_start(**start, override_reason=REASON, acknowledged=codes[1:])
    assert refused.value.field == "acknowledged"
    assert not Regimen.objects.exists()
    regimen = services.regimen_start(**start, override_reason=REASON, acknowledged=codes)
    assert [f["code"] for f in regimen.override_findings] == codes


def test_ready_check_starts_induction_and_a_later_dose_ends_it(patient, clinician):
    episode, regimen = started(patient, clinician, day=TODAY - 2 * DAY)
    assert episode.state == Episode.State.INDUCTION
    first = services.dose_record(
        regimen=regimen, day=TODAY - 2 * DAY, status="taken", observed=True, by=clinician
    )
    assert first.dose_mg == 25  # source: REVIA — OUD first dose 25 mg
    episode.refresh_from_db()
    assert episode.state == Episode.State.INDUCTION
    second = services.dose_record(regimen=regimen, day=TODAY - DAY, status="taken", by=patient.user)
    assert second.dose_mg == 50
    episode.refresh_from_db()
    assert episode.state == Episode.State.MAINTENANCE


def test_a_patients_report_never_replaces_a_dose_staff_saw(patient, clinician):
    _, regimen = started(
        patient, clinician, kind="aud_daily", day=TODAY - 2 * DAY, indication="AUD"
    )
    day = TODAY - DAY
    services.dose_record(regimen=regimen, day=day, status="taken", observed=True, by=clinician)
    event = services.dose_record(regimen=regimen, day=day, status="missed", by=patient.user)
    assert (event.status, event.observed, event.patient_report) == ("taken", True, "missed")
    alert = Alert.objects.get(patient=patient, code="dose_report_differs")
    assert "staff recorded the dose as taken" in alert.message
    # The patient corrects their report: nothing differs, the alert resolves.
    event = services.dose_record(regimen=regimen, day=day, status="taken", by=patient.user)
    assert event.patient_report == ""
    alert.refresh_from_db()
    assert alert.resolved_at is not None


def test_staff_seeing_a_dose_keeps_the_patients_differing_report(patient, clinician):
    _, regimen = started(
        patient, clinician, kind="aud_daily", day=TODAY - 2 * DAY, indication="AUD"
    )
    day = TODAY - DAY
    services.dose_record(regimen=regimen, day=day, status="missed", by=patient.user)
    event = services.dose_record(
        regimen=regimen, day=day, status="taken", observed=True, by=clinician
    )
    assert (event.status, event.observed, event.patient_report) == ("taken", True, "missed")
    assert Alert.objects.filter(patient=patient, code="dose_report_differs").exists()


def test_a_dose_on_an_unscheduled_day_is_refused(patient, clinician):
    _, regimen = started(patient, clinician, kind="mwf_100_100_150", day=TODAY - 7 * DAY)
    unscheduled = next(
        TODAY - n * DAY for n in range(7) if (TODAY - n * DAY).weekday() in (1, 3, 5, 6)
    )
    with pytest.raises(services.ClinicalRuleError, match="No oral dose"):
        services.dose_record(regimen=regimen, day=unscheduled, status="taken", by=clinician)


def test_injection_next_due_and_overdue_alert(patient, clinician):
    _, regimen = started(patient, clinician, kind="xr_monthly", day=TODAY - 40 * DAY)
    injection = services.injection_record(
        regimen=regimen,
        given_on=TODAY - 40 * DAY,
        site="left_gluteal",
        lot="L123",
        given_by=clinician,
    )
    assert injection.next_due == TODAY - 12 * DAY  # source: VIVITROL — every 28 days
    alert = Alert.objects.get(patient=patient, code="injection_overdue")
    assert alert.severity == "high"
    # The next injection resolves it.
    services.injection_record(
        regimen=regimen, given_on=TODAY, site="right_gluteal", lot="L124", given_by=clinician
    )
    alert.refresh_from_db()
    assert alert.resolved_at is not None


def test_raised_liver_enzymes_raise_an_alert_once(patient, clinician):
    started(patient, clinician, day=TODAY - 30 * DAY)
    for _ in range(2):
        services.lab_record(
            patient=patient,
            test="ALT",
            value=Decimal(250),
            upper_limit_normal=Decimal(40),
            collected_on=TODAY,
            by=clinician,
        )
    alerts = Alert.objects.filter(patient=patient, code__startswith="liver")
    assert alerts.count() == 1
    assert alerts.get().severity == "urgent"  # 6.25x ULN > 5x (NALTRACK default)


def test_acknowledged_alert_is_not_raised_again_while_its_cause_lasts(patient, clinician):
    started(patient, clinician, day=TODAY - 30 * DAY)
    services.drug_screen_record(
        patient=patient, collected_on=TODAY, opioids_positive=True, by=clinician
    )
    alert = Alert.objects.get(patient=patient, resolved_at__isnull=True)
    services.alert_acknowledge(alert=alert, by=clinician, note="Called; naloxone kit confirmed")
    services.alerts_refresh(patient=patient)
    assert Alert.objects.filter(patient=patient).count() == 1
    alert.refresh_from_db()
    assert alert.acknowledged_by == clinician
    assert alert.acknowledgement_note == "Called; naloxone kit confirmed"


def test_step_down_plan_is_stored_and_books_follow_ups(patient, clinician):
    episode, regimen = started(
        patient, clinician, kind="aud_daily", day=TODAY - 60 * DAY, indication="AUD"
    )
    plan = services.discontinuation_plan_store(
        episode=episode,
        inputs={
            "start": TODAY.isoformat(),
            "formulation": "oral",
            "current_dose_mg": 50,
            "strategy": "step_down",
            "step_days": 3,
        },
        by=clinician,
    )
    assert plan.last_dose == TODAY + 2 * DAY
    assert plan.blockade_ends == TODAY + 3 * DAY  # source: REVIA — 50 mg blocks for up to 24 h
    episode.refresh_from_db()
    assert episode.state == Episode.State.TAPERING
    assert episode.stopped_on == TODAY + 3 * DAY
    regimen.refresh_from_db()
    assert regimen.end == plan.last_dose
    due = list(FollowUp.objects.filter(episode=episode).values_list("due_on", flat=True))
    # Days 7, 14 and 28 after the last dose, a weekend contact moved to the Friday before.
    assert due == [dt.date.fromisoformat(day) for day in plan.plan["follow_up"]]
    for booked, days in zip(due, (7, 14, 28), strict=False):
        assert booked.weekday() < 5
        assert 0 <= (plan.last_dose + days * DAY - booked).days <= 2
    assert all(day > plan.last_dose for day in due)
    assert "overdose_risk_after_stopping" in {w["code"] for w in plan.plan["warnings"]}
    assert services.episodes_finish_tapers(today=TODAY + 3 * DAY) == 1
    episode.refresh_from_db()
    assert episode.state == Episode.State.STOPPED


def test_restart_is_a_new_episode_linked_to_the_old(patient, clinician):
    episode, _ = started(
        patient, clinician, kind="aud_daily", day=TODAY - 90 * DAY, indication="AUD"
    )
    services.discontinuation_plan_store(
        episode=episode,
        inputs={
            "start": (TODAY - 30 * DAY).isoformat(),
            "formulation": "oral",
            "current_dose_mg": 50,
            "strategy": "stop",
        },
        by=clinician,
    )
    episode.refresh_from_db()
    assert episode.state == Episode.State.STOPPED
    restart = services.episode_open(
        patient=patient, indication="AUD", opened_on=TODAY, by=clinician
    )
    assert restart.restart_of == episode
    with pytest.raises(services.ClinicalRuleError):
        services.episode_open(patient=patient, indication="AUD", opened_on=TODAY, by=clinician)


def test_check_in_is_one_a_day_and_edits_keep_history(patient):
    first = services.check_in_record(
        patient=patient,
        day=TODAY,
        craving=3,
        drinks=0,
        opioid_use=False,
        side_effects=[],
        mood=3,
        note="",
        by=patient.user,
    )
    second = services.check_in_record(
        patient=patient,
        day=TODAY,
        craving=8,
        drinks=0,
        opioid_use=False,
        side_effects=["nausea"],
        mood=2,
        note="rough",
        by=patient.user,
    )
    assert first.pk == second.pk
    change = AuditEvent.objects.get(action=AuditEvent.Action.UPDATE, object_type="checkin")
    assert change.detail["changes"]["craving"] == ["3", "8"]
    assert change.actor_id == patient.user.pk


def test_every_write_is_audited_with_its_patient(patient, clinician):
    started(patient, clinician)
    written = set(
        AuditEvent.objects.filter(patient_id=patient.pk, action="create").values_list(
            "object_type", flat=True
        )
    )
    assert {"episode", "startcheck", "regimen"} <= written


def test_rows_always_carry_their_patients_clinic(patient, clinician, other_clinic):
    episode, regimen = started(patient, clinician)
    assert episode.clinic_id == regimen.clinic_id == patient.clinic_id
    regimen.clinic = other_clinic
    regimen.save()
    regimen.refresh_from_db()
    assert regimen.clinic_id == patient.clinic_id


def test_doses_during_a_taper_are_the_plans_step_dose(patient, clinician):
    episode, regimen = started(
        patient, clinician, kind="aud_daily", day=TODAY - 30 * DAY, indication="AUD"
    )
    services.discontinuation_plan_store(
        episode=episode,
        inputs={
            "start": (TODAY - DAY).isoformat(),
            "formulation": "oral",
            "current_dose_mg": 50,
            "strategy": "step_down",
            "step_days": 3,
        },
        by=clinician,
    )
    before = services.dose_record(
        regimen=regimen, day=TODAY - 2 * DAY, status="taken", by=clinician
    )
    during = services.dose_record(regimen=regimen, day=TODAY, status="taken", by=clinician)
    assert (before.dose_mg, during.dose_mg) == (50, 25)
    with pytest.raises(services.ClinicalRuleError):
        services.dose_record(regimen=regimen, day=TODAY + 2 * DAY, status="taken", by=clinician)


def test_stopping_the_injection_counts_from_the_end_of_blockade(patient, clinician):
    episode, regimen = started(patient, clinician, kind="xr_monthly", day=TODAY - 28 * DAY)
    services.injection_record(
        regimen=regimen, given_on=TODAY - 28 * DAY, site="left_gluteal", lot="", given_by=clinician
    )
    plan = services.discontinuation_plan_store(
        episode=episode,
        inputs={
            "start": TODAY.isoformat(),
            "formulation": "xr_injection",
            "current_dose_mg": 380,
            "last_injection": (TODAY - 28 * DAY).isoformat(),
            "strategy": "stop",
        },
        by=clinician,
    )
    episode.refresh_from_db()
    assert plan.blockade_ends == TODAY  # source: VIVITROL — 28 days after the last injection
    assert (episode.state, episode.stopped_on) == (Episode.State.STOPPED, TODAY)
    assert not Alert.objects.filter(patient=patient, code="follow_up_missing_after_stop").exists()


def test_a_late_entry_counts_as_contact_on_its_own_day(patient):
    services.check_in_record(
        patient=patient,
        day=TODAY - 9 * DAY,
        craving=2,
        drinks=0,
        opioid_use=False,
        side_effects=[],
        mood=3,
        note="",
        by=patient.user,
    )
    patient.refresh_from_db()
    assert patient.last_contact_at.date() == TODAY - 9 * DAY
    services.check_in_record(
        patient=patient,
        day=TODAY - 20 * DAY,
        craving=2,
        drinks=0,
        opioid_use=False,
        side_effects=[],
        mood=3,
        note="",
        by=patient.user,
    )
    patient.refresh_from_db()
    assert patient.last_contact_at.date() == TODAY - 9 * DAY  # never moves back


def test_a_restart_drops_the_old_stops_unmade_follow_ups(patient, clinician):
    episode, _ = started(
        patient, clinician, kind="aud_daily", day=TODAY - 60 * DAY, indication="AUD"
    )
    services.discontinuation_plan_store(
        episode=episode,
        inputs={
            "start": (TODAY - 10 * DAY).isoformat(),
            "formulation": "oral",
            "current_dose_mg": 50,
            "strategy": "stop",
        },
        by=clinician,
    )
    made = FollowUp.objects.get(episode=episode, due_on=TODAY - 4 * DAY)
    services.follow_up_record(
        follow_up=made, done_on=TODAY - 4 * DAY, method="phone", note="doing well", by=clinician
    )
    services.episode_open(patient=patient, indication="AUD", opened_on=TODAY, by=clinician)
    assert list(FollowUp.objects.filter(episode=episode).values_list("pk", flat=True)) == [made.pk]


def test_creating_a_patient_is_audited(clinic, clinician):
    patient = services.patient_create(
        clinic=clinic,
        by=clinician,
        given_name="Ana",
        family_name="Ruiz",
        date_of_birth=dt.date(1990, 1, 2),
    )
    assert AuditEvent.objects.filter(
        action="create", object_type="patient", patient_id=patient.pk, actor_id=clinician.pk
    ).exists()


def test_the_same_injection_three_times_in_a_day_needs_confirming_each_time(patient, clinician):
    _, regimen = started(patient, clinician, kind="xr_monthly", day=TODAY - 5 * DAY)
    given = {"regimen": regimen, "given_on": TODAY, "site": "left_gluteal", "lot": "A1"}
    services.injection_record(**given, given_by=clinician)
    for _ in range(2):
        with pytest.raises(services.ClinicalRuleError) as refused:
            services.injection_record(**given, given_by=clinician)
        assert refused.value.field == "confirm_spacing"
        assert "already recorded" in refused.value.message
    assert regimen.injections.count() == 1
    services.injection_record(**given, given_by=clinician, confirm_spacing=True)
    assert regimen.injections.count() == 2


def test_an_injection_entered_for_a_day_before_a_recent_one_is_questioned(patient, clinician):
    _, regimen = started(patient, clinician, kind="xr_monthly", day=TODAY - 30 * DAY)
    services.injection_record(
        regimen=regimen, given_on=TODAY - 2 * DAY, site="left_gluteal", lot="", given_by=clinician
    )
    with pytest.raises(services.ClinicalRuleError, match="12 days before the injection"):
        services.injection_record(
            regimen=regimen,
            given_on=TODAY - 14 * DAY,
            site="left_gluteal",
            lot="",
            given_by=clinician,
        )
