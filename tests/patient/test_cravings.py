"""Craving help: the toolkit, the patient's own plan, and the "craving now" walk-through."""

from __future__ import annotations

import pytest
from django.urls import reverse

from naltrack.audit.models import AuditEvent
from naltrack.care.models import CravingEpisode, CravingPlan
from naltrack.care.services import ClinicalRuleError
from naltrack.care.services import cravings as craving_services
from naltrack.patient.toolkit import TOOLKIT

pytestmark = pytest.mark.django_db

PLAN_URL = reverse("patient:craving_plan")
NOW_URL = reverse("patient:craving_now")


def plan_answers(**overrides):
    data = {
        "triggers": "Payday. Being alone at night.",
        "warning_signs": "I can't sleep.",
        "help_1": "Walk the dog",
        "help_2": "Call my sister",
        "help_3": "",
        "person_1_name": "Sam",
        "person_1_phone": "555-123-4567",
        "person_2_name": "",
        "person_2_phone": "",
    }
    data.update(overrides)
    return data


def test_toolkit_lists_every_tool_with_its_how_to(me):
    text = me.get(reverse("patient:cravings")).text
    assert len(TOOLKIT) == 8
    for tool in TOOLKIT:
        assert tool.title in text
        assert tool.steps[0].replace("’", "’")[:30] in text.replace("&#x27;", "'")
    assert "You don’t have a plan yet" in text
    assert "I’m having a craving now" in text


def test_plan_is_written_once_and_shown(me, patient):
    response = me.post(PLAN_URL, plan_answers())
    assert response["Location"] == reverse("patient:cravings")
    plan = CravingPlan.objects.get(patient=patient)
    assert plan.helps == ["Walk the dog", "Call my sister"]
    assert plan.people == [("Sam", "555-123-4567")]
    assert plan.recorded_by == patient.user
    text = me.get(reverse("patient:cravings")).text
    assert "Payday. Being alone at night." in text
    assert "Walk the dog" in text
    assert 'href="tel:5551234567"' in text
    assert 'href="sms:5551234567"' in text
    assert AuditEvent.objects.filter(
        object_type="cravingplan", action=AuditEvent.Action.CREATE, patient_id=patient.pk
    ).exists()


def test_plan_is_edited_in_place(me, patient):
    me.post(PLAN_URL, plan_answers())
    page = me.get(PLAN_URL).text
    assert 'value="Walk the dog"' in page
    assert "Payday. Being alone at night.</textarea>" in page
    me.post(PLAN_URL, plan_answers(help_1="", help_2="Go to a meeting", help_3="Breathe"))
    assert CravingPlan.objects.count() == 1
    plan = CravingPlan.objects.get(patient=patient)
    assert plan.helps == ["Go to a meeting", "Breathe"]
    assert (plan.help_1, plan.help_3) == ("Go to a meeting", "")
    update = AuditEvent.objects.get(object_type="cravingplan", action=AuditEvent.Action.UPDATE)
    # Other people's numbers stay out of the audit trail: the fields that changed, not values.
    assert "555" not in str(update.detail)
    assert "help_2" in update.detail["changed"]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"help_1": "", "help_2": ""}, "Write at least one thing that helps you."),
        ({"help_1": "x" * 201}, "Please keep this under 200 characters (it has 201)."),
        ({"triggers": "x" * 1001}, "Please keep this under 1000 characters (it has 1001)."),
        ({"person_1_phone": ""}, "Add a phone number for Sam."),
        ({"person_1_name": ""}, "Add the name of the person with this number."),
        ({"person_1_phone": "call me maybe"}, "Put a phone number using numbers"),
        ({"person_1_phone": "5" * 41}, "This phone number is too long."),
    ],
)
def test_plan_bad_input_keeps_what_was_typed(me, patient, overrides, message):
    response = me.post(PLAN_URL, plan_answers(**overrides))
    assert response.status_code == 200
    assert message in response.text
    assert "Payday. Being alone at night.</textarea>" in response.text or "triggers" in overrides
    assert not CravingPlan.objects.filter(patient=patient).exists()


def test_plan_script_text_is_stored_and_escaped(me, patient):
    me.post(PLAN_URL, plan_answers(triggers="<script>alert(1)</script>"))
    assert CravingPlan.objects.get(patient=patient).triggers == "<script>alert(1)</script>"
    text = me.get(reverse("patient:cravings")).text
    assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_empty_plan_post_is_a_message_not_an_error(me):
    response = me.post(PLAN_URL, {})
    assert response.status_code == 200
    assert "Write at least one thing that helps you." in response.text


def walk_through(me, *, rating="6", might_use="no", choice="breathing", end="3", outcome="eased"):
    response = me.post(NOW_URL, {"rating": rating, "might_use": might_use})
    episode = CravingEpisode.objects.latest("started_at")
    assert response["Location"] == reverse("patient:craving_try", args=[episode.pk])
    response = me.post(reverse("patient:craving_try", args=[episode.pk]), {"choice": choice})
    assert response["Location"] == reverse("patient:craving_wait", args=[episode.pk])
    wait = me.get(response["Location"])
    response = me.post(
        reverse("patient:craving_rate", args=[episode.pk]),
        {"end_rating": end, "outcome": outcome},
    )
    assert response["Location"] == reverse("patient:craving_done", args=[episode.pk])
    done = me.get(response["Location"])
    episode.refresh_from_db()
    return episode, wait, done


def test_craving_now_walks_through_and_logs_the_episode(me, patient):
    episode, wait, done = walk_through(me)
    assert episode.patient == patient
    assert (episode.start_rating, episode.end_rating, episode.outcome) == (6, 3, "eased")
    assert episode.tried == ["Slow breathing"]
    assert episode.ended_at is not None
    assert "Set a timer on your phone for 10 minutes." in wait.text
    assert "Breathe in slowly through your nose" in wait.text
    assert "You got through it" in done.text
    assert "from 6 to 3 out of 10" in done.text
    assert "You don’t have to do this alone" not in done.text
    actions = list(
        AuditEvent.objects.filter(object_type="cravingepisode", patient_id=patient.pk)
        .order_by("occurred_at", "id")
        .values_list("action", flat=True)
    )
    assert actions == ["create", "update", "update"]
    assert "My recent cravings" in me.get(reverse("patient:cravings")).text


def test_the_walk_through_offers_the_patients_own_plan_first(me, patient):
    me.post(PLAN_URL, plan_answers())
    me.post(NOW_URL, {"rating": "5", "might_use": "no"})
    episode = CravingEpisode.objects.get()
    page = me.get(reverse("patient:craving_try", args=[episode.pk])).text
    assert page.index("Walk the dog") < page.index("Slow breathing")
    assert "Call Sam" in page
    me.post(reverse("patient:craving_try", args=[episode.pk]), {"choice": "plan_1"})
    episode.refresh_from_db()
    assert episode.tried == ["Walk the dog"]


def test_something_else_needs_words(me):
    me.post(NOW_URL, {"rating": "5", "might_use": "no"})
    episode = CravingEpisode.objects.get()
    url = reverse("patient:craving_try", args=[episode.pk])
    response = me.post(url, {"choice": "other", "other": ""})
    assert "Write what you will try." in response.text
    me.post(url, {"choice": "other", "other": "Play guitar"})
    episode.refresh_from_db()
    assert episode.tried == ["Play guitar"]


def test_very_high_craving_shows_crisis_help_inline(me, patient):
    me.post(NOW_URL, {"rating": "9", "might_use": "no"})
    episode = CravingEpisode.objects.get()
    page = me.get(reverse("patient:craving_try", args=[episode.pk])).text
    assert "You don’t have to do this alone" in page
    assert 'href="tel:988"' in page and 'href="sms:988"' in page
    assert "1-800-662-4357" in page


def test_might_use_shows_crisis_help_and_overdose_facts(me):
    me.post(NOW_URL, {"rating": "4", "might_use": "yes"})
    episode = CravingEpisode.objects.get()
    page = me.get(reverse("patient:craving_try", args=[episode.pk])).text
    assert "You don’t have to do this alone" in page
    assert "Signs of an overdose" in page
    assert "Give naloxone" in page


def test_a_calm_craving_has_no_crisis_box(me):
    me.post(NOW_URL, {"rating": "4", "might_use": "no"})
    episode = CravingEpisode.objects.get()
    page = me.get(reverse("patient:craving_try", args=[episode.pk])).text
    assert "You don’t have to do this alone" not in page


def test_using_after_all_is_met_with_kindness_and_safety(me):
    _, _, done = walk_through(me, rating="5", end="5", outcome="used")
    assert "Thank you for being honest" in done.text
    assert "you’re not in trouble" in done.text
    assert "Signs of an overdose" in done.text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Choose a number from 0 (no craving) to 10"),
        ({"rating": "abc", "might_use": "no"}, "Choose a number from 0 (no craving) to 10"),
        ({"rating": "11", "might_use": "no"}, "Choose a number from 0 (no craving) to 10"),
        ({"rating": "5"}, "Choose an answer. It’s okay to say yes."),
        ({"rating": "5", "might_use": "perhaps"}, "Choose one of the answers."),
    ],
)
def test_start_bad_input(me, data, message):
    response = me.post(NOW_URL, data)
    assert response.status_code == 200
    assert message in response.text
    assert not CravingEpisode.objects.exists()


def test_rate_bad_input_and_unknown_choice(me):
    me.post(NOW_URL, {"rating": "5", "might_use": "no"})
    episode = CravingEpisode.objects.get()
    response = me.post(reverse("patient:craving_try", args=[episode.pk]), {"choice": "nope"})
    assert "Pick one of the things on the list." in response.text
    response = me.post(
        reverse("patient:craving_rate", args=[episode.pk]),
        {"end_rating": "12", "outcome": "fine"},
    )
    assert "Choose a number from 0 (no craving) to 10" in response.text
    assert "Choose one of the answers." in response.text
    episode.refresh_from_db()
    assert episode.end_rating is None


def test_steps_out_of_order_go_to_the_right_step(me):
    me.post(NOW_URL, {"rating": "5", "might_use": "no"})
    episode = CravingEpisode.objects.get()
    wait = me.get(reverse("patient:craving_wait", args=[episode.pk]))
    assert wait["Location"] == reverse("patient:craving_try", args=[episode.pk])
    done = me.get(reverse("patient:craving_done", args=[episode.pk]))
    assert done["Location"] == reverse("patient:craving_rate", args=[episode.pk])


def test_a_finished_craving_cannot_be_tried_again(me, patient):
    episode, _, _ = walk_through(me)
    response = me.get(reverse("patient:craving_try", args=[episode.pk]))
    assert response["Location"] == reverse("patient:craving_done", args=[episode.pk])
    with pytest.raises(ClinicalRuleError):
        craving_services.craving_episode_try(episode=episode, tried="Walk", by=patient.user)
