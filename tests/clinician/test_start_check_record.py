"""The start check page feeds the clinical core from the record: the screen's panel, extended-
release buprenorphine, the patient's age; and asks only what applies."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from naltrack.care import services
from naltrack.care.models import DrugScreen, Patient, StartCheck
from tests.care.helpers import TODAY
from tests.clinician.record_forms import assert_refused, url

pytestmark = pytest.mark.django_db
DAY = dt.timedelta(days=1)

ANSWERS = {
    "date": TODAY.isoformat(),
    "formulation": "oral",
    "challenge": "passed",
    "acute_hepatitis_or_liver_failure": "False",
    "needs_opioid_analgesics": "False",
    "naltrexone_hypersensitivity": "False",
    "pregnant": "no",
    "current_medications": "",
}


def run_check(client, patient, **changes) -> StartCheck:
    response = client.post(reverse("clinician:start_check", args=[patient.pk]), ANSWERS | changes)
    assert response.status_code == 200, response.content
    return StartCheck.objects.filter(patient=patient).latest("id")


def codes(check: StartCheck) -> set[str]:
    return {finding["code"] for finding in check.result["findings"]}


@pytest.fixture
def screening(client, clinician, patient):
    services.episode_open(patient=patient, indication="OUD", opened_on=TODAY, by=clinician)
    services.opioid_exposure_record(
        patient=patient, kind="short_acting", last_use=TODAY - 14 * DAY, by=clinician
    )
    client.force_login(clinician)
    return patient


def test_the_screen_is_recorded_test_by_test(client, screening):
    response = client.post(
        url("record_screen", screening),
        {"collected_on": TODAY, "opiates": "negative", "oxycodone": "negative"},
    )
    assert response.status_code == 302
    screen = DrugScreen.objects.get(patient=screening)
    assert screen.panel == {"opiates": "negative", "oxycodone": "negative"}
    assert screen.opioids_positive is False


def test_a_panel_and_a_summary_that_disagree_are_refused(client, screening):
    response = client.post(
        url("record_screen", screening),
        {"collected_on": TODAY, "fentanyl": "positive", "opioids_positive": "no"},
    )
    assert_refused(response, "opioids_positive", "disagrees with the tests above")
    assert not DrugScreen.objects.exists()


def test_a_negative_screen_that_missed_fentanyl_is_not_proof(client, screening):
    client.post(
        url("record_screen", screening),
        {"collected_on": TODAY, "opiates": "negative", "oxycodone": "negative"},
    )
    check = run_check(client, screening)
    assert check.inputs["urine_drug_screen"]["panel"] == {
        "opiates": "negative",
        "oxycodone": "negative",
    }
    assert check.status == "review"
    assert "urine_screen_panel_incomplete" in codes(check)
    assert any("fentanyl" in f["message"].lower() for f in check.result["findings"])


def test_a_full_negative_panel_lets_the_window_decide(client, screening):
    panel = {
        a: "negative" for a in ("opiates", "oxycodone", "fentanyl", "buprenorphine", "methadone")
    }
    client.post(url("record_screen", screening), {"collected_on": TODAY, **panel})
    found = codes(run_check(client, screening))
    assert not found & {"urine_screen_panel_incomplete", "urine_screen_panel_not_recorded"}


def test_extended_release_buprenorphine_20_days_ago_needs_a_review(client, clinician, screening):
    client.post(
        url("record_exposure", screening),
        {
            "kind": "buprenorphine_extended_release",
            "substance": "Sublocade",
            "last_use": TODAY - 20 * DAY,
        },
    )
    exposure = screening.opioid_exposures.get(kind="buprenorphine_extended_release")
    assert exposure.substance == "Sublocade"
    check = run_check(client, screening)
    assert check.status == "review"
    assert {
        "kind": "buprenorphine_extended_release",
        "last_use": (TODAY - 20 * DAY).isoformat(),
    } in (check.inputs["opioid_exposures"])


def test_extended_release_buprenorphine_counts_for_a_year_not_30_days(client, screening):
    services.opioid_exposure_record(
        patient=screening,
        kind="buprenorphine_extended_release",
        last_use=TODAY - 200 * DAY,
        substance="Brixadi",
        by=None,
    )
    assert run_check(client, screening).status == "review"


def test_the_patients_age_comes_from_the_date_of_birth(client, screening):
    screening.date_of_birth = TODAY.replace(year=TODAY.year - 17)
    screening.save()
    check = run_check(client, screening)
    assert check.inputs["age_years"] == 17
    assert check.status == "review"


def test_pregnancy_is_not_asked_of_a_patient_recorded_as_male(client, screening):
    screening.sex = Patient.Sex.MALE
    screening.save()
    page = client.get(reverse("clinician:start_check", args=[screening.pk]))
    assert "Pregnant?" not in page.text
    answers = {k: v for k, v in ANSWERS.items() if k != "pregnant"}
    response = client.post(reverse("clinician:start_check", args=[screening.pk]), answers)
    assert response.status_code == 200
    assert StartCheck.objects.get(patient=screening).inputs["pregnant"] is False


def test_drinking_now_holds_the_first_injection_for_alcohol(client, clinician, patient):
    services.episode_open(patient=patient, indication="AUD", opened_on=TODAY, by=clinician)
    client.force_login(clinician)
    check = run_check(client, patient, formulation="xr_injection", currently_drinking="yes")
    assert check.inputs["currently_drinking"] is True
    assert check.status == "not_yet"


def test_the_stop_planner_sends_the_indication_and_a_surgery_date(client, clinician, patient):
    from naltrack.care.models import TaperPlan
    from tests.care.helpers import started

    started(patient, clinician, day=TODAY - 30 * DAY)  # OUD, tablets
    client.force_login(clinician)
    surgery = TODAY + 10 * DAY
    page = client.post(
        reverse("clinician:plan_stop", args=[patient.pk]),
        {
            "strategy": "stop",
            "start": TODAY.isoformat(),
            "surgery_date": surgery.isoformat(),
            "save": "1",
        },
    )
    assert page.status_code == 302
    plan = TaperPlan.objects.get(patient=patient)
    assert plan.inputs["indication"] == "OUD"
    assert plan.plan["surgery_opioids_from"] == (TODAY - DAY + 3 * DAY).isoformat()
    # Denser follow-up for opioid use disorder: the first contact within days.
    first = dt.date.fromisoformat(plan.plan["follow_up"][0])
    assert (first - plan.last_dose).days <= 3


def test_an_alcohol_only_plan_keeps_the_overdose_warning_when_the_record_shows_opioid_use(
    client, clinician, patient
):
    from naltrack.care import selectors
    from tests.care.helpers import started

    episode, _ = started(
        patient, clinician, kind="aud_daily", indication="AUD", day=TODAY - 30 * DAY
    )
    assert selectors.stop_plan_indication(episode=episode) == "AUD"
    services.opioid_exposure_record(
        patient=patient, kind="short_acting", last_use=TODAY - 40 * DAY, by=clinician
    )
    assert selectors.stop_plan_indication(episode=episode) is None


def test_opioid_use_reported_at_a_check_in_restarts_the_window(client, screening):
    services.check_in_record(
        patient=screening,
        day=TODAY - 2 * DAY,
        craving=5,
        drinks=0,
        opioid_use=True,
        side_effects=[],
        mood=None,
        note="",
        by=screening.user,
    )
    check = run_check(client, screening)
    assert {"kind": "short_acting", "last_use": (TODAY - 2 * DAY).isoformat()} in check.inputs[
        "opioid_exposures"
    ]
    assert check.status == "not_yet"
    page = client.get(reverse("clinician:start_check", args=[screening.pk]))
    assert "Reported by the patient" in page.text


def test_extended_release_buprenorphine_over_a_year_ago_still_reaches_the_check(client, screening):
    """The record sends it at any age; the clinical core decides (a warning after 12 months)."""
    services.opioid_exposure_record(
        patient=screening,
        kind="buprenorphine_extended_release",
        last_use=TODAY - 430 * DAY,
        substance="Sublocade",
        by=None,
    )
    check = run_check(client, screening)
    assert {
        "kind": "buprenorphine_extended_release",
        "last_use": (TODAY - 430 * DAY).isoformat(),
    } in check.inputs["opioid_exposures"]
    assert any("buprenorphine" in code for code in codes(check))
