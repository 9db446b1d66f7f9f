"""The demo clinic: about 60 patients in every state, with the cases a clinician must see."""

from __future__ import annotations

import datetime as dt
import io
import itertools
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import F
from django.test import override_settings
from django.utils import timezone

from naltrack.accounts.models import Clinic
from naltrack.audit.models import AuditEvent
from naltrack.care import selectors
from naltrack.care.models import (
    Alert,
    CheckIn,
    ClinicalNote,
    DoseEvent,
    DrugScreen,
    Episode,
    FollowUp,
    Injection,
    InstrumentResponse,
    LabResult,
    OpioidExposure,
    Patient,
    Regimen,
    StartCheck,
    TaperPlan,
    TherapySession,
)
from naltrack.demo_clinic.clinic import DEMO_SLUG
from naltrack.disclosure.models import Consent, Disclosure
from naltrack.patient.wallet_card import wallet_card_data
from naltrack.reports.cohorts import Filters
from naltrack.reports.outcomes import outcome_report, report_rows

pytestmark = pytest.mark.django_db
DAY = dt.timedelta(days=1)
RECORD = (
    Alert,
    CheckIn,
    ClinicalNote,
    DoseEvent,
    DrugScreen,
    Episode,
    FollowUp,
    Injection,
    InstrumentResponse,
    LabResult,
    OpioidExposure,
    Regimen,
    StartCheck,
    TaperPlan,
    TherapySession,
)
SIDE_EFFECTS = {
    "nausea",
    "headache",
    "dizziness",
    "tiredness",
    "trouble_sleeping",
    "anxiety",
    "injection_site_pain",
}


def build_demo() -> None:
    with override_settings(DEMO=True):
        call_command("demo", stdout=io.StringIO())


@pytest.fixture(scope="module")
def clinic(django_db_setup, django_db_blocker):
    """The demo, built once for this module (it takes seconds) and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        build_demo()
        yield Clinic.objects.get(slug=DEMO_SLUG)
        transaction.set_rollback(True)


def open_alerts(code: str):
    return Alert.objects.filter(code=code, resolved_at__isnull=True, acknowledged_at__isnull=True)


def counts() -> dict[str, object]:
    alerts = Counter(Alert.objects.filter(resolved_at__isnull=True).values_list("code", flat=True))
    return {
        **{model.__name__: model.objects.count() for model in (Patient, *RECORD)},
        "states": Counter(Episode.objects.values_list("state", flat=True)),
        "alerts": alerts,
    }


def test_about_sixty_patients_in_every_state(clinic):
    assert Patient.objects.filter(clinic=clinic).count() >= 55
    latest = Counter(selectors.episode_latest(patient=p).state for p in Patient.objects.all())
    assert set(latest) == set(Episode.State.values)
    assert latest[Episode.State.MAINTENANCE] >= 25
    assert latest[Episode.State.SCREENING] >= 3
    assert latest[Episode.State.STOPPED] >= 3


def test_every_required_case_has_its_open_alert(clinic):
    for code in (
        "injection_overdue",
        "liver_enzymes_high",
        "liver_enzymes_very_high",
        "opioid_use_on_naltrexone",
        "follow_up_missing_after_stop",
        "suicidal_ideation",
        "craving_rising",
        "heavy_drinking_days",
    ):
        assert open_alerts(code).exists(), code
    liver = open_alerts("liver_enzymes_very_high").get()
    assert liver.evidence["multiple_of_uln"] > 5  # source: NALTRACK — urgent above 5x ULN
    on_naltrexone = open_alerts("opioid_use_on_naltrexone")
    assert any(alert.evidence["positive_screens"] for alert in on_naltrexone)


def test_screening_patients_wait_some_for_recent_opioid_use(clinic):
    screening = Episode.objects.filter(state=Episode.State.SCREENING)
    assert not Regimen.objects.filter(episode__in=screening).exists()
    not_yet = StartCheck.objects.filter(episode__in=screening, status="not_yet")
    assert not_yet.count() >= 2
    assert any(
        finding["code"].startswith("opioid_free")
        for check in not_yet
        for finding in check.result["findings"]
        if finding["severity"] == "block"
    )


def latest_state(patient: Patient) -> str:
    return selectors.episode_latest(patient=patient).state


def latest_check(patient: Patient) -> StartCheck | None:
    return StartCheck.objects.filter(patient=patient).order_by("-checked_on", "-id").first()


def blocks(check: StartCheck) -> dict[str, str]:
    """The check's blocking findings: code to message."""
    return {f["code"]: f["message"] for f in check.result["findings"] if f["severity"] == "block"}


def test_a_screening_patient_after_sublocade_waits_for_a_clinicians_review(clinic):
    today = timezone.localdate()
    waiting = []
    for exposure in OpioidExposure.objects.filter(kind="buprenorphine_extended_release"):
        check = latest_check(exposure.patient)
        if latest_state(exposure.patient) == Episode.State.SCREENING and check is not None:
            waiting.append((exposure, check))
    assert waiting
    for exposure, check in waiting:
        assert check.status == "review"
        assert "buprenorphine_extended_release" in blocks(check)
        assert exposure.substance == "Sublocade"
        # source: SUBLOCADE §12.3 — counted for 12 months; the demo's last injection 3-6 months ago
        assert 90 <= (today - exposure.last_use).days <= 185
    assert "Owen Prescott" in {exposure.patient.full_name for exposure, _ in waiting}


def test_a_screening_patient_whose_screen_missed_fentanyl_waits_for_review(clinic):
    incomplete = [
        screen
        for screen in DrugScreen.objects.exclude(panel={}).select_related("patient")
        if "fentanyl" not in screen.panel
        and latest_state(screen.patient) == Episode.State.SCREENING
    ]
    assert incomplete
    for screen in incomplete:
        patient = screen.patient
        latest = DrugScreen.objects.filter(patient=patient).order_by("-collected_on", "-id")[0]
        assert latest == screen
        assert screen.panel == {"opiates": "negative", "oxycodone": "negative"}
        assert not screen.opioids_positive
        assert selectors.episode_latest(patient=patient).indication in ("OUD", "OUD_AUD")
        check = latest_check(patient)
        assert check.status == "review"
        assert check.inputs["urine_drug_screen"]["panel"] == screen.panel
        assert "fentanyl" in blocks(check)["urine_screen_panel_incomplete"]
    assert "Bianca Moreau" in {screen.patient.full_name for screen in incomplete}


def test_an_opioid_patient_out_of_contact_after_stopping_raises_an_urgent_alert(clinic):
    today = timezone.localdate()
    out_of_contact = []
    for alert in open_alerts("follow_up_missing_after_stop").filter(severity="urgent"):
        episode = selectors.episode_latest(patient=alert.patient)
        assert episode.state == Episode.State.STOPPED
        assert episode.indication in ("OUD", "OUD_AUD")
        last = CheckIn.objects.filter(patient=alert.patient).order_by("-day").first()
        missed = episode.follow_ups.filter(due_on__lt=today, done_on__isnull=True)
        if (last is None or last.day < today - 14 * DAY) and missed.exists():
            out_of_contact.append(alert.patient.full_name)
    assert "Curtis Redfield" in out_of_contact


def test_a_stopped_opioid_patients_wallet_card_says_they_stopped(clinic):
    today = timezone.localdate()
    cards = {
        episode.patient.full_name: wallet_card_data(patient=episode.patient, today=today)
        for episode in Episode.objects.filter(
            state=Episode.State.STOPPED, indication="OUD"
        ).select_related("patient")
        if latest_state(episode.patient) == Episode.State.STOPPED
    }
    stopped_cards = {name for name, card in cards.items() if card and not card.on_naltrexone}
    assert "Ruth Calloway" in stopped_cards
    ruth = cards["Ruth Calloway"]
    assert ruth.last_dose is not None and ruth.last_dose < today
    assert not ruth.form


def test_inducting_patients_started_in_the_last_days(clinic):
    today = timezone.localdate()
    inducting = Episode.objects.filter(state=Episode.State.INDUCTION)
    assert inducting.count() >= 2
    for episode in inducting:
        assert today - 3 * DAY <= episode.started_on <= today
        assert DoseEvent.objects.filter(regimen__episode=episode, day=episode.started_on).exists()
    assert InstrumentResponse.objects.filter(instrument="cows").exists()


def test_regimens_cover_oral_supervised_and_the_injection(clinic):
    current = set(Regimen.objects.filter(end__isnull=True).values_list("kind", flat=True))
    assert {"aud_daily", "oud_induction", "mwf_100_100_150", "xr_monthly"} <= current
    switched = Regimen.objects.filter(kind="mwf_100_100_150").first()
    assert switched.episode.regimens.filter(kind="oud_induction", end__isnull=False).exists()
    assert DoseEvent.objects.filter(regimen=switched, observed=True, dose_mg=150).exists()


def test_injections_alternate_sites_about_every_four_weeks(clinic):
    regular = 0
    for regimen in Regimen.objects.filter(kind="xr_monthly"):
        given = list(regimen.injections.order_by("given_on"))
        for before, after in itertools.pairwise(given):
            assert before.site != after.site
            assert 26 <= (after.given_on - before.given_on).days <= 31
            regular += 1
    assert regular >= 20


def test_a_restart_is_linked_to_the_episode_it_follows(clinic):
    restarts = Episode.objects.filter(restart_of__isnull=False).select_related("restart_of")
    assert restarts.count() >= 1
    for episode in restarts:
        assert episode.restart_of.patient_id == episode.patient_id
        assert episode.restart_of.state == Episode.State.STOPPED
        assert episode.restart_of.stopped_on < episode.opened_on


def test_tapering_follows_a_step_down_plan(clinic):
    tapering = Episode.objects.filter(state=Episode.State.TAPERING)
    assert tapering.exists()
    for episode in tapering:
        plan = episode.taper_plans.get()
        assert plan.strategy == "step_down"
        assert plan.plan["steps"][0]["dose_mg"] == 25  # source: NALTRACK — half of 50 mg
        assert episode.stopped_on > timezone.localdate()


def test_stopped_patients_have_follow_ups_some_done_one_with_none(clinic):
    assert FollowUp.objects.filter(done_on__isnull=False).count() >= 10
    stopped = Episode.objects.filter(state=Episode.State.STOPPED)
    none_done = [e for e in stopped if not e.follow_ups.filter(done_on__isnull=False).exists()]
    assert none_done
    alerted = set(open_alerts("follow_up_missing_after_stop").values_list("patient", flat=True))
    assert {e.patient_id for e in none_done} & alerted


def test_months_of_plausible_history(clinic):
    today = timezone.localdate()
    assert CheckIn.objects.filter(day__lte=today - 150 * DAY).exists()
    assert not CheckIn.objects.filter(day__gt=today).exists()
    assert set(InstrumentResponse.objects.values_list("instrument", flat=True)) >= {
        "phq9",
        "audit_c",
        "pacs",
        "cows",
    }
    sessions = Counter(TherapySession.objects.values_list("status", flat=True))
    assert sessions["attended"] > sessions["missed"] > 0
    future = TherapySession.objects.filter(scheduled_at__gt=timezone.now())
    assert future.exists()
    assert set(future.values_list("status", flat=True)) == {"scheduled"}
    doses = DoseEvent.objects
    assert doses.filter(status="taken").count() > 10 * doses.filter(status="missed").count() > 0
    assert doses.filter(observed=True).exists() and doses.filter(observed=False).exists()
    assert DrugScreen.objects.filter(opioids_positive=False).count() > 100
    assert ClinicalNote.objects.count() >= 60
    three_months = [
        p
        for p in Patient.objects.all()
        if len(set(LabResult.objects.filter(patient=p, test="ALT").values_list("collected_on")))
        >= 2
    ]
    assert len(three_months) >= 10


def test_check_ins_look_real_and_cravings_fall_for_most(clinic):
    assert set(CheckIn.objects.values_list("craving", flat=True)) <= set(range(11))
    reported = Counter(
        effect
        for effects in CheckIn.objects.values_list("side_effects", flat=True)
        for effect in effects
    )
    assert set(reported) == SIDE_EFFECTS
    falling = rising = 0
    for episode in Episode.objects.filter(
        state=Episode.State.MAINTENANCE, started_on__lte=timezone.localdate() - 60 * DAY
    ):
        cravings = list(
            CheckIn.objects.filter(patient=episode.patient, day__gte=episode.started_on)
            .order_by("day")
            .values_list("craving", flat=True)
        )
        first, last = cravings[:14], cravings[-14:]
        if sum(first) / len(first) > sum(last) / len(last):
            falling += 1
        else:
            rising += 1
    assert falling > 3 * rising


def test_every_row_belongs_to_the_demo_clinic(clinic):
    assert not Patient.objects.exclude(clinic=clinic).exists()
    for model in RECORD:
        assert model.objects.exists(), model.__name__
        assert not model.objects.exclude(clinic=clinic).exists(), model.__name__
        assert not model.objects.exclude(clinic_id=F("patient__clinic_id")).exists()


def test_the_demo_patient_signs_in_to_an_ongoing_treatment(clinic):
    patient = Patient.objects.get(user__email="patient@riverside.example")
    assert patient.full_name == "Jordan Lee"
    episode = selectors.episode_current(patient=patient)
    assert (episode.indication, episode.state) == ("OUD", Episode.State.MAINTENANCE)
    days_on = (timezone.localdate() - episode.started_on).days
    assert CheckIn.objects.filter(patient=patient).count() >= 0.8 * days_on
    # Today's check-in is left for the visitor to make.
    assert not CheckIn.objects.filter(patient=patient, day=timezone.localdate()).exists()


def test_building_again_gives_the_same_clinic_and_keeps_the_audit_trail(clinic):
    before, audited = counts(), AuditEvent.objects.count()
    build_demo()
    assert counts() == before
    assert Clinic.objects.get().pk != clinic.pk
    assert AuditEvent.objects.count() > audited
    assert AuditEvent.objects.filter(clinic_id=clinic.pk).exists()


def test_demo_patients_have_consents_of_each_kind(clinic):
    consents = list(Consent.objects.filter(clinic=clinic))
    active = [c for c in consents if c.is_active()]
    assert any(c.recipient_kind == Consent.RecipientKind.GENERAL_TPO for c in active)
    assert any(
        c.recipient_kind == Consent.RecipientKind.NAMED and c.signature_kind == "paper"
        for c in active
    )
    assert any(c.revoked_at is not None and not c.is_active() for c in consents)
    assert len({c.patient_id for c in consents}) >= 2
    # The accounting of disclosures has a row to show, made under the consent in force.
    (sent,) = Disclosure.objects.filter(clinic=clinic)
    assert sent.consent in active and sent.basis == Disclosure.Basis.CONSENT


def test_the_demo_reports_show_every_retention_figure(clinic):
    report = outcome_report(
        clinic=clinic, filters=Filters(), today=timezone.localdate(), by=None, form="page"
    )
    retention = report.measures.retention
    assert all(retention.at[day] is not None for day in (30, 90, 180))
    assert retention.continuity.n >= 3
    assert report.measures.funnel.reached[180].n >= 3
    empty = [row.measure for row in report_rows(report.measures) if not row.n]
    assert empty == [], empty
