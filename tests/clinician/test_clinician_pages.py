"""The clinician's pages: what they show, what they write, and that they stay within scope."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.urls import resolve, reverse

from naltrack.audit.models import AuditEvent
from naltrack.care import services
from naltrack.care.models import Episode, FollowUp, StartCheck, TaperPlan
from tests.care.helpers import TODAY, started, stop_planned
from tests.factories import PatientFactory

pytestmark = pytest.mark.django_db
DAY = dt.timedelta(days=1)
REASON = "Checked by phone: no opioids for two weeks, screen negative"


@pytest.fixture
def overdue(patient, clinician):
    """A patient whose injection was due 5 days ago."""
    _, regimen = started(patient, clinician, kind="xr_monthly", day=TODAY - 33 * DAY)
    services.injection_record(
        regimen=regimen,
        given_on=TODAY - 33 * DAY,
        site="left_gluteal",
        lot="A1",
        given_by=clinician,
    )
    return patient


def test_dashboard_shows_overdue_injection_and_alert_counts(client, clinician, overdue):
    client.force_login(clinician)
    page = client.get(reverse("clinician:home"))
    assert page.status_code == 200
    dashboard = page.context["dashboard"]
    assert [p.pk for p in dashboard.injections_due] == [overdue.pk]
    assert dashboard.alert_counts["high"] == 1
    assert "overdue since" in page.text
    assert AuditEvent.objects.filter(
        action="list", object_type="dashboard", detail__patient_ids=[overdue.pk]
    ).exists()


def test_dashboard_lists_follow_ups_due(client, clinician, patient):
    episode, _ = started(
        patient, clinician, kind="aud_daily", day=TODAY - 60 * DAY, indication="AUD"
    )
    stop_planned(episode, clinician, start=TODAY - 20 * DAY)
    # The contacts 1 and 2 weeks after the last dose are due; they move off a weekend, so which
    # days they fall on depends on the weekday the test runs.
    due = set(FollowUp.objects.filter(due_on__lte=TODAY).values_list("due_on", flat=True))
    assert len(due) == 2 and all(TODAY - 16 * DAY <= day <= TODAY - 5 * DAY for day in due)
    client.force_login(clinician)
    dashboard = client.get(reverse("clinician:home")).context["dashboard"]
    assert {f.due_on for f in dashboard.follow_ups_due} == due


def test_patient_list_filters_by_state_and_risk(client, clinician, overdue, other_patient):
    client.force_login(clinician)
    by_state = client.get(reverse("clinician:patient_list"), {"state": "maintenance"})
    assert [p.pk for p in by_state.context["page"]] == [overdue.pk]
    at_risk = client.get(reverse("clinician:patient_list"), {"risk": "alerts"})
    assert [p.pk for p in at_risk.context["page"]] == [overdue.pk]
    nonsense = client.get(reverse("clinician:patient_list"), {"state": "<script>", "risk": "zzz"})
    assert nonsense.status_code == 200
    assert len(nonsense.context["page"]) == 2


def test_patient_list_answers_htmx_with_just_the_rows(client, clinician, patient):
    client.force_login(clinician)
    response = client.get(
        reverse("clinician:patient_list"), {"q": patient.family_name}, HTTP_HX_REQUEST="true"
    )
    assert "<h1>" not in response.text
    assert patient.full_name in response.text


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx rows"])
def test_patient_list_rows_link_to_each_patients_chart(
    client, clinician, patient, other_patient, htmx
):
    client.force_login(clinician)
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = client.get(reverse("clinician:patient_list"), **headers)
    listed = [p.pk for p in response.context["page"]]
    assert sorted(listed) == sorted([patient.pk, other_patient.pk])
    rows = response.text.split("<tbody>")[1].split("</tbody>")[0]
    links = [resolve(link) for link in re.findall(r'href="([^"]+)"', rows)]
    assert [(link.view_name, link.kwargs) for link in links] == [
        ("clinician:patient_chart", {"patient_id": pk}) for pk in listed
    ]


def test_chart_shows_summary_charts_and_alerts(client, clinician, patient):
    _, regimen = started(
        patient, clinician, kind="aud_daily", day=TODAY - 20 * DAY, indication="AUD"
    )
    for n in range(1, 15):
        services.check_in_record(
            patient=patient,
            day=TODAY - n * DAY,
            craving=8,
            drinks=n % 3,
            opioid_use=False,
            side_effects=[],
            mood=3,
            note="",
            by=patient.user,
        )
        services.dose_record(
            regimen=regimen,
            day=TODAY - n * DAY,
            status="taken" if n % 4 else "missed",
            by=clinician,
        )
    services.lab_record(
        patient=patient,
        test="ALT",
        value=Decimal(130),
        upper_limit_normal=Decimal(40),
        collected_on=TODAY,
        by=clinician,
    )
    client.force_login(clinician)
    page = client.get(reverse("clinician:patient_chart", args=[patient.pk]))
    assert page.status_code == 200
    assert set(page.context["figures"]) == {"cravings", "use", "adherence", "liver"}
    assert page.text.count('role="img"') == 4
    assert "Maintenance" in page.text
    assert "Liver" in page.text or "liver" in page.text
    assert page.context["chart"].open_alerts  # raised liver enzymes and high cravings


def test_start_check_page_runs_the_core_and_shows_the_earliest_date(client, clinician, patient):
    services.episode_open(patient=patient, indication="OUD", opened_on=TODAY, by=clinician)
    services.opioid_exposure_record(
        patient=patient,
        kind="short_acting",
        last_use=TODAY - 3 * DAY,
        substance="fentanyl",
        by=clinician,
    )
    client.force_login(clinician)
    response = client.post(
        reverse("clinician:start_check", args=[patient.pk]),
        {
            "date": TODAY.isoformat(),
            "formulation": "oral",
            "challenge": "none",
            "acute_hepatitis_or_liver_failure": "False",
            "needs_opioid_analgesics": "False",
            "naltrexone_hypersensitivity": "False",
            "pregnant": "no",
            "current_medications": "sertraline 50 mg\nPercocet",
        },
    )
    assert response.status_code == 200
    check = StartCheck.objects.get(patient=patient)
    assert check.status == "contraindicated" or check.status == "not_yet"
    assert check.inputs["opioid_exposures"] == [
        {"kind": "short_acting", "last_use": (TODAY - 3 * DAY).isoformat()}
    ]
    assert check.inputs["current_medications"] == ["sertraline 50 mg", "Percocet"]
    assert "Source:" in response.text


def test_start_check_form_errors_are_clear(client, clinician, patient):
    services.episode_open(patient=patient, indication="OUD", opened_on=TODAY, by=clinician)
    client.force_login(clinician)
    response = client.post(
        reverse("clinician:start_check", args=[patient.pk]), {"date": "yesterday"}
    )
    assert response.status_code == 200
    assert "date" in response.context["form"].errors
    assert not StartCheck.objects.exists()


def test_regimen_start_without_ready_check_needs_a_reason(client, clinician, patient):
    services.episode_open(patient=patient, indication="AUD", opened_on=TODAY, by=clinician)
    client.force_login(clinician)
    url = reverse("clinician:regimen_start", args=[patient.pk])
    refused = client.post(url, {"kind": "aud_daily", "start": TODAY.isoformat()})
    assert refused.status_code == 200
    assert "override_reason" in refused.context["form"].errors
    too_short = client.post(
        url, {"kind": "aud_daily", "start": TODAY.isoformat(), "override_reason": "x"}
    )
    assert "at least 25 characters" in str(too_short.context["form"].errors["override_reason"])
    unacknowledged = client.post(
        url, {"kind": "aud_daily", "start": TODAY.isoformat(), "override_reason": REASON}
    )
    assert "Tick each finding" in str(unacknowledged.context["form"].errors["acknowledged"])
    assert "There is no start check" in unacknowledged.content.decode()
    accepted = client.post(
        url,
        {
            "kind": "aud_daily",
            "start": TODAY.isoformat(),
            "override_reason": REASON,
            "acknowledged": ["no_start_check"],
        },
    )
    assert accepted.status_code == 302
    assert Episode.objects.get(patient=patient).state == Episode.State.INDUCTION


def test_the_timeline_shows_regimen_starts_overrides_and_opioid_use(client, clinician, patient):
    services.episode_open(patient=patient, indication="AUD", opened_on=TODAY, by=clinician)
    client.force_login(clinician)
    client.post(
        reverse("clinician:regimen_start", args=[patient.pk]),
        {
            "kind": "aud_daily",
            "start": TODAY.isoformat(),
            "override_reason": REASON,
            "acknowledged": ["no_start_check"],
        },
    )
    client.post(
        reverse("clinician:record_exposure", args=[patient.pk]),
        {"kind": "short_acting", "substance": "oxycodone", "last_use": (TODAY - DAY).isoformat()},
    )
    timeline = (
        client.get(reverse("clinician:patient_chart", args=[patient.pk])).context["chart"].timeline
    )
    by_kind = {entry.kind: entry for entry in timeline}
    assert by_kind["regimen"].day == TODAY
    assert REASON in by_kind["override"].detail
    assert "There is no start check" in by_kind["override"].detail
    assert by_kind["override"].severity == "urgent"
    assert "oxycodone" in by_kind["opioid_use"].title
    assert str(clinician) in by_kind["opioid_use"].detail


def test_regimen_choices_follow_the_indication(client, clinician, patient):
    services.episode_open(patient=patient, indication="AUD", opened_on=TODAY, by=clinician)
    client.force_login(clinician)
    form = client.get(reverse("clinician:regimen_start", args=[patient.pk])).context["form"]
    kinds = {value for value, _ in form.fields["kind"].choices}
    assert "aud_daily" in kinds
    assert "oud_induction" not in kinds


def test_plan_stop_previews_then_saves_a_step_down(client, clinician, patient):
    started(patient, clinician, kind="aud_daily", day=TODAY - 60 * DAY, indication="AUD")
    client.force_login(clinician)
    url = reverse("clinician:plan_stop", args=[patient.pk])
    data = {
        "strategy": "step_down",
        "start": TODAY.isoformat(),
        "step_days": 3,
        "reason": "patient choice",
    }
    preview = client.post(url, {**data, "preview": "1"})
    assert preview.status_code == 200
    assert preview.context["preview"]["steps"][0]["dose_mg"] == 25
    assert "tolerance" in preview.text.lower()
    assert not TaperPlan.objects.exists()
    saved = client.post(url, {**data, "save": "1"})
    assert saved.status_code == 302
    assert TaperPlan.objects.get(patient=patient).strategy == "step_down"
    assert Episode.objects.get(patient=patient).state == Episode.State.TAPERING


def test_intermittent_schedule_stops_only_after_a_dosing_day(client, clinician, patient):
    started(patient, clinician, kind="mwf_100_100_150", day=TODAY - 30 * DAY)
    client.force_login(clinician)
    url = reverse("clinician:plan_stop", args=[patient.pk])
    page = client.get(url)
    assert [value for value, _ in page.context["form"].fields["strategy"].choices] == ["stop"]
    not_after_dose = next(
        TODAY + n * DAY for n in range(1, 8) if (TODAY + n * DAY - DAY).weekday() in (1, 3, 5, 6)
    )
    response = client.post(
        url, {"strategy": "stop", "start": not_after_dose.isoformat(), "preview": "1"}
    )
    assert "dosing day" in response.text
    after_friday = next(TODAY + n * DAY for n in range(1, 8) if (TODAY + n * DAY).weekday() == 5)
    ok = client.post(url, {"strategy": "stop", "start": after_friday.isoformat(), "preview": "1"})
    # source: REVIA — 150 mg blocks for up to 72 h
    assert ok.context["preview"]["blockade_ends"] == (after_friday - DAY + 3 * DAY).isoformat()


def test_restart_opens_a_linked_episode(client, clinician, patient):
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
    client.force_login(clinician)
    chart = client.get(reverse("clinician:patient_chart", args=[patient.pk]))
    assert "Restart treatment" in chart.text
    response = client.post(
        reverse("clinician:episode_open", args=[patient.pk]), {"indication": "AUD"}
    )
    assert response["Location"] == reverse("clinician:start_check", args=[patient.pk])
    assert Episode.objects.get(patient=patient, restart_of=episode).state == Episode.State.SCREENING


def test_alert_queue_lists_open_alerts_by_severity(client, clinician, overdue, foreign_patient):
    client.force_login(clinician)
    page = client.get(reverse("clinician:alert_queue"), {"severity": "high"})
    assert [a.patient_id for a in page.context["page"]] == [overdue.pk]
    assert (
        client.get(reverse("clinician:alert_queue"), {"severity": "urgent"})
        .context["page"]
        .paginator.count
        == 0
    )


@pytest.mark.parametrize("name", ["start_check", "regimen_start", "plan_stop", "episode_open"])
def test_planners_are_out_of_scope_for_other_clinics(client, clinician, foreign_patient, name):
    client.force_login(clinician)
    assert client.get(reverse(f"clinician:{name}", args=[foreign_patient.pk])).status_code == 404


def test_pages_say_when_there_is_nothing_yet(client, clinician, clinic):
    patient = PatientFactory(clinic=clinic)
    client.force_login(clinician)
    chart = client.get(reverse("clinician:patient_chart", args=[patient.pk]))
    assert "Open an episode" in chart.text
    assert client.get(reverse("clinician:plan_stop", args=[patient.pk])).status_code == 404
