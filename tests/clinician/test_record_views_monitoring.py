"""The clinician's record forms for what is monitored: opioid use, lab results, urine drug
screens and instruments (PHQ-9, craving scale)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from naltrack.audit.models import AuditEvent
from naltrack.care.models import Alert, DrugScreen, InstrumentResponse, LabResult, OpioidExposure
from tests.care.helpers import TODAY, started
from tests.clinician.record_forms import TOMORROW, assert_refused, chart, messages_of, url

pytestmark = pytest.mark.django_db


# --- opioid use ---------------------------------------------------------------------------------


def test_exposure_is_recorded_and_goes_back_to_the_chart(signed_in, patient, clinician):
    response = signed_in.post(
        url("record_exposure", patient),
        {"kind": "methadone", "substance": "methadone 60 mg", "last_use": "2025-01-02"},
    )
    assert response.status_code == 302
    assert response["Location"] == chart(patient)
    exposure = OpioidExposure.objects.get(patient=patient)
    assert (exposure.kind, exposure.last_use) == ("methadone", dt.date(2025, 1, 2))
    assert exposure.recorded_by == clinician
    assert "Methadone" in messages_of(response)[0]


def test_exposure_page_labels_and_focuses_its_fields(signed_in, patient):
    response = signed_in.get(url("record_exposure", patient))
    assert response.status_code == 200
    assert f"Record opioid use — {patient.full_name}" in response.text
    assert "<legend>Kind of opioid" in response.text
    assert 'for="id_last_use"' in response.text
    assert response.text.count("autofocus") >= 1
    assert f'href="{chart(patient)}"' in response.text  # Cancel


def test_exposure_with_nothing_filled_in_shows_every_missing_field(signed_in, patient):
    response = signed_in.post(url("record_exposure", patient), {})
    assert_refused(response, "kind", "required")
    assert "last_use" in response.context["form"].errors
    assert not OpioidExposure.objects.exists()


def test_exposure_in_the_future_is_refused(signed_in, patient):
    response = signed_in.post(
        url("record_exposure", patient), {"kind": "short_acting", "last_use": TOMORROW}
    )
    assert_refused(response, "last_use", "in the future")
    assert not OpioidExposure.objects.exists()


# --- labs ---------------------------------------------------------------------------------------


def test_lab_is_recorded_with_the_default_unit(signed_in, patient, clinician):
    response = signed_in.post(
        url("record_lab", patient),
        {"test": "ALT", "value": "45.5", "upper_limit_normal": "40", "collected_on": TODAY},
    )
    assert response.status_code == 302
    lab = LabResult.objects.get(patient=patient)
    assert (lab.test, lab.value, lab.unit, lab.upper_limit_normal) == (
        "ALT",
        Decimal("45.5"),
        "U/L",
        Decimal(40),
    )
    assert lab.recorded_by == clinician


def test_bilirubin_defaults_to_mg_per_dl_and_refuses_u_per_l(signed_in, patient):
    data = {"test": "bilirubin", "value": "0.8", "upper_limit_normal": "1.2", "collected_on": TODAY}
    refused = signed_in.post(url("record_lab", patient), {**data, "unit": "U/L"})
    assert_refused(refused, "unit", "Bilirubin is reported in mg/dL or µmol/L")
    assert not LabResult.objects.exists()
    signed_in.post(url("record_lab", patient), data)
    assert LabResult.objects.get().unit == "mg/dL"


def test_a_result_no_liver_produces_is_refused_on_the_value(signed_in, patient):
    data = {"test": "ALT", "value": "999999", "upper_limit_normal": "40", "collected_on": TODAY}
    refused = signed_in.post(url("record_lab", patient), {**data, "confirm_value": "on"})
    assert_refused(refused, "value", "more than any ALT ever reported")
    assert not LabResult.objects.exists()


def test_a_unit_not_on_the_list_is_refused(signed_in, patient):
    data = {"test": "ALT", "value": "30", "upper_limit_normal": "40", "collected_on": TODAY}
    refused = signed_in.post(url("record_lab", patient), {**data, "unit": "<b>x</b>"})
    assert refused.status_code == 200
    assert "unit" in refused.context["form"].errors
    assert not LabResult.objects.exists()


def test_a_rare_result_is_recorded_only_once_confirmed(signed_in, patient, clinician):
    data = {"test": "AST", "value": "4500", "upper_limit_normal": "40", "collected_on": TODAY}
    asked = signed_in.post(url("record_lab", patient), data)
    assert_refused(asked, "confirm_value", "rare outside acute liver injury")
    assert not LabResult.objects.exists()
    saved = signed_in.post(url("record_lab", patient), {**data, "confirm_value": "on"})
    assert saved.status_code == 302
    lab = LabResult.objects.get()
    assert (lab.value, lab.unit) == (4500, "U/L")
    event = AuditEvent.objects.get(object_type="labresult", action=AuditEvent.Action.CREATE)
    assert event.detail["confirmed_rare_value"] is True


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("value", "abc", "Enter the result as a number"),
        ("value", "-1", "can’t be below 0"),
        ("value", "NaN", "Enter the result as a number"),
        ("upper_limit_normal", "0", "must be more than 0"),
        ("upper_limit_normal", "", "required"),
        ("collected_on", TOMORROW.isoformat(), "in the future"),
        ("collected_on", "31/02/2025", "Enter a date"),
    ],
)
def test_bad_lab_input_is_refused(signed_in, patient, field, value, message):
    data = {"test": "AST", "value": "30", "upper_limit_normal": "40", "collected_on": TODAY}
    data[field] = value
    response = signed_in.post(url("record_lab", patient), data)
    assert_refused(response, field, message)
    assert not LabResult.objects.exists()


# --- drug screens -------------------------------------------------------------------------------


def test_drug_screen_is_recorded(signed_in, patient):
    response = signed_in.post(
        url("record_screen", patient),
        {"collected_on": TODAY, "opioids_positive": "yes", "other_findings": "THC"},
    )
    assert response.status_code == 302
    screen = DrugScreen.objects.get(patient=patient)
    assert (screen.opioids_positive, screen.other_findings) == (True, "THC")
    assert "opioids positive" in messages_of(response)[0]


def test_drug_screen_needs_an_explicit_answer_on_opioids(signed_in, patient):
    response = signed_in.post(url("record_screen", patient), {"collected_on": TODAY})
    assert_refused(response, "opioids_positive", "Say whether the screen was positive")
    assert not DrugScreen.objects.exists()


def test_drug_screen_in_the_future_is_refused(signed_in, patient):
    response = signed_in.post(
        url("record_screen", patient), {"collected_on": TOMORROW, "opioids_positive": "no"}
    )
    assert_refused(response, "collected_on", "in the future")
    assert not DrugScreen.objects.exists()


# --- instruments --------------------------------------------------------------------------------


def phq9(**answers):
    data = {f"q{n}": "0" for n in range(1, 10)}
    data.update(answers)
    return data


def test_instrument_page_shows_each_item_as_a_labelled_radio_group(signed_in, patient):
    response = signed_in.get(url("record_instrument", patient, "phq9"))
    assert response.status_code == 200
    assert response.text.count("<fieldset") == 9
    assert "<legend>Little interest or pleasure in doing things" in response.text
    assert "3 — nearly every day" in response.text


def test_instrument_is_scored_and_the_result_shown(signed_in, patient):
    response = signed_in.post(
        url("record_instrument", patient, "phq9"),
        {**phq9(q1="2", q2="2", q3="2", q4="2", q5="2"), "taken_on": TODAY},
    )
    assert response.status_code == 302
    stored = InstrumentResponse.objects.get(patient=patient)
    assert (stored.instrument, stored.score, stored.band) == ("phq9", 10, "moderate")
    assert stored.answers["q1"] == 2
    assert "score 10 of 27, moderate" in messages_of(response)[0]


def test_suicidal_ideation_says_an_urgent_alert_was_raised(signed_in, patient, clinician):
    started(patient, clinician)
    response = signed_in.post(
        url("record_instrument", patient, "phq9"), {**phq9(q9="1"), "taken_on": TODAY}
    )
    assert response.status_code == 302
    assert Alert.objects.get(patient=patient, code="suicidal_ideation").severity == "urgent"
    assert "an urgent alert was raised" in messages_of(response)[0]


def test_a_tampered_answer_outside_the_instrument_is_refused(signed_in, patient):
    response = signed_in.post(
        url("record_instrument", patient, "phq9"), {**phq9(q3="7"), "taken_on": TODAY}
    )
    assert_refused(response, "q3", "Choose one of the answers shown")
    assert not InstrumentResponse.objects.exists()


def test_an_unanswered_item_is_refused(signed_in, patient):
    data = {**phq9(), "taken_on": TODAY}
    del data["q5"]
    response = signed_in.post(url("record_instrument", patient, "phq9"), data)
    assert_refused(response, "q5", "Choose an answer")
    assert not InstrumentResponse.objects.exists()


def test_an_unknown_instrument_is_not_found(signed_in, patient):
    assert signed_in.get(url("record_instrument", patient, "nope")).status_code == 404


def test_only_one_radio_button_takes_the_focus(signed_in, patient):
    response = signed_in.get(url("record_instrument", patient, "craving_vas"))
    assert response.text.count("autofocus") == 1
    assert 'value="0" autofocus' in response.text
