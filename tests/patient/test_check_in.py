"""The daily check-in: one a day, editable that day, help at once when it's needed."""

from __future__ import annotations

import pytest
from django.urls import reverse

from naltrack.care.models import Alert, CheckIn
from naltrack.care.services import cravings as craving_services
from tests.care.helpers import TODAY

pytestmark = pytest.mark.django_db

URL = reverse("patient:check_in")


def answers(**overrides):
    data = {
        "craving": "3",
        "drinks": "0",
        "opioid_use": "no",
        "side_effects": ["none"],
        "mood": "4",
        "note": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_the_form_is_quick_to_fill(me, patient, on_tablets):
    text = me.get(URL).text
    for n in range(11):
        assert f'value="{n}"' in text
    assert "Trouble sleeping" in text
    assert "Very good" in text
    # The safety questions start unanswered: nothing is pre-filled as "no use".
    assert 'name="drinks" value=' not in text
    assert 'name="opioid_use"' in text
    assert "checked" not in text.split('name="opioid_use"')[1].split("</fieldset>")[0]
    assert "What is one standard drink?" in text


def test_an_unanswered_safety_question_is_asked_again_not_recorded_as_no(me, patient):
    response = me.post(URL, {"craving": "3"})
    assert response.status_code == 200
    assert "How many drinks? Put 0 if you had none." in response.text
    assert "Choose yes or no." in response.text
    assert not CheckIn.objects.filter(patient=patient).exists()


def test_injection_site_is_asked_only_of_patients_on_the_injection(me, on_tablets):
    assert "where I got the shot" not in me.get(URL).text


def test_injection_site_is_asked_on_the_injection(me, on_injection):
    assert "where I got the shot" in me.get(URL).text
    me.post(URL, answers(side_effects=["injection_site_pain", "nausea"]))
    assert CheckIn.objects.get().side_effects == ["nausea", "injection_site_pain"]


def test_check_in_is_saved_and_thanked(me, patient, on_tablets):
    response = me.post(URL, answers(side_effects=["headache", "tiredness"], note="Slept badly."))
    assert response.status_code == 302
    assert response["Location"] == reverse("patient:home")
    check_in = CheckIn.objects.get(patient=patient)
    assert check_in.day == TODAY
    assert check_in.craving == 3
    assert check_in.drinks == 0
    assert check_in.opioid_use is False
    assert check_in.side_effects == ["headache", "tiredness"]
    assert check_in.mood == 4
    assert check_in.note == "Slept badly."
    assert check_in.recorded_by == patient.user
    assert "Your check-in is saved" in me.get(reverse("patient:home")).text


def test_none_is_stored_as_no_side_effects(me, patient):
    me.post(URL, answers(side_effects=["none"]))
    assert CheckIn.objects.get(patient=patient).side_effects == []


def test_a_second_check_in_the_same_day_edits_the_first(me, patient):
    me.post(URL, answers(craving="3", note="morning"))
    page = me.get(URL).text
    assert "You checked in today already" in page
    assert "morning</textarea>" in page
    assert 'value="3" class="pill-input" id="id_craving_3" required checked' in page
    me.post(URL, answers(craving="5", drinks="2", note="evening"))
    check_in = CheckIn.objects.get(patient=patient)
    assert (check_in.craving, check_in.drinks, check_in.note) == (5, 2, "evening")
    assert CheckIn.objects.filter(patient=patient).count() == 1


def test_mood_is_optional(me, patient):
    me.post(URL, answers(mood=None))
    assert CheckIn.objects.get(patient=patient).mood is None


def test_high_craving_shows_help_at_once_and_alerts_the_clinician(me, patient, on_tablets):
    response = me.post(URL, answers(craving="9"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("patient:check_in_support")
    text = response.text
    assert "A craving of 9 out of 10 is hard" in text
    assert "It will pass" in text
    # No plan yet: the toolkit instead.
    assert "Ride it out (urge surfing) and wait" in text
    # The overdose facts, and how to reach people.
    assert "A dose you used to take <strong>can now kill you</strong>" in text
    assert "Carry naloxone" in text
    assert 'href="tel:988"' in text and 'href="sms:988"' in text
    assert "1-800-662-4357" in text
    alert = Alert.objects.get(patient=patient, code="craving_high", resolved_at__isnull=True)
    assert alert.evidence["craving"] == 9


def test_the_high_craving_threshold_is_the_clinics(me, patient, on_tablets):
    clinic = patient.clinic
    clinic.alert_thresholds = {"craving_high": 9}
    clinic.save()
    response = me.post(URL, answers(craving="8"))
    assert response["Location"] == reverse("patient:home")
    response = me.post(URL, answers(craving="9"))
    assert response["Location"] == reverse("patient:check_in_support")


def test_opioid_use_shows_overdose_facts_and_raises_an_urgent_alert(me, patient, on_tablets):
    clinic = patient.clinic
    clinic.phone = "(555) 010-2000"
    clinic.save()
    response = me.post(URL, answers(craving="2", opioid_use="yes"), follow=True)
    text = response.text
    assert "You said you used opioids today. You are not in trouble." in text
    for sign in ("Won’t wake up", "Breathing is slow, or has stopped", "Blue lips", "pinpoint"):
        assert sign in text
    for step in (
        "Give naloxone",
        'Call <a href="tel:911">911</a>',
        "rescue breaths",
        "Stay with them",
    ):
        assert step in text
    assert "Don’t use alone." in text
    assert 'href="tel:5550102000"' in text
    alert = Alert.objects.get(patient=patient, code="opioid_use_on_naltrexone")
    assert alert.severity == "urgent"


def test_help_page_shows_the_patients_own_plan(me, patient, on_tablets):
    craving_services.craving_plan_save(
        patient=patient,
        by=patient.user,
        help_1="Walk the dog",
        person_1_name="Sam",
        person_1_phone="555-123-4567",
    )
    text = me.post(URL, answers(craving="8"), follow=True).text
    assert "Walk the dog" in text
    assert 'href="tel:5551234567"' in text
    assert "Ride it out (urge surfing)" not in text


def test_support_page_without_a_check_in_goes_to_the_check_in(me):
    response = me.get(reverse("patient:check_in_support"))
    assert response["Location"] == URL


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("craving", None, "Choose a number from 0 (no craving) to 10"),
        ("craving", "", "Choose a number from 0 (no craving) to 10"),
        ("craving", "abc", "Choose a number from 0 (no craving) to 10"),
        ("craving", "11", "Choose a number from 0 (no craving) to 10"),
        ("craving", "-1", "Choose a number from 0 (no craving) to 10"),
        ("drinks", "", "How many drinks? Put 0 if you had none."),
        ("drinks", "two", "Put the number of drinks as a number"),
        ("drinks", "-2", "can’t be less than 0"),
        ("drinks", "1000", "Put a number up to 99"),
        ("opioid_use", "maybe", "Choose yes or no."),
        ("mood", "9", "Choose one of the five moods."),
        ("side_effects", ["none", "nausea"], "You ticked “None” and a side effect"),
        ("side_effects", ["hiccups"], "Choose from the list."),
        ("note", "x" * 2001, "please keep it under 2000 characters (it has 2001)"),
    ],
)
def test_bad_input_gets_a_field_message_and_keeps_what_was_typed(
    me, patient, on_tablets, field, value, message
):
    data = answers(note="kept text", drinks="1")
    if value is None:
        data.pop(field)
    else:
        data[field] = value
    response = me.post(URL, data)
    assert response.status_code == 200
    assert message in response.text
    assert "Nothing was saved yet" in response.text
    assert 'aria-invalid="true"' in response.text or f'id="id_{field}_error"' in response.text
    if field != "note":
        assert "kept text</textarea>" in response.text
    assert not CheckIn.objects.filter(patient=patient).exists()


def test_an_empty_post_gets_messages_not_an_error(me, patient):
    response = me.post(URL, {})
    assert response.status_code == 200
    assert "Choose a number from 0 (no craving) to 10" in response.text
    assert not CheckIn.objects.exists()


def test_script_text_is_stored_as_text_and_shown_escaped(me, patient):
    script = "<script>alert('x')</script>"
    me.post(URL, answers(note=script))
    assert CheckIn.objects.get(patient=patient).note == script
    page = me.get(URL).text
    assert script not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
