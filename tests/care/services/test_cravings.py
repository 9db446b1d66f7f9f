"""The craving services: one plan per patient, episodes within the scale, every write audited."""

from __future__ import annotations

import pytest

from naltrack.audit.models import AuditEvent
from naltrack.care.models import CravingEpisode, CravingPlan
from naltrack.care.services import ClinicalRuleError
from naltrack.care.services import cravings as craving_services

pytestmark = pytest.mark.django_db


def test_plan_needs_one_thing_that_helps(patient):
    with pytest.raises(ClinicalRuleError) as refused:
        craving_services.craving_plan_save(patient=patient, by=patient.user, triggers="stress")
    assert refused.value.field == "help_1"
    assert not CravingPlan.objects.exists()


def test_plan_fills_its_slots_in_order_and_unchanged_saves_write_nothing(patient):
    plan = craving_services.craving_plan_save(
        patient=patient, by=patient.user, help_2="  Walk  ", help_3="Breathe"
    )
    assert (plan.help_1, plan.help_2, plan.help_3) == ("Walk", "Breathe", "")
    events = AuditEvent.objects.filter(object_type="cravingplan").count()
    craving_services.craving_plan_save(
        patient=patient, by=patient.user, help_1="Walk", help_2="Breathe"
    )
    assert AuditEvent.objects.filter(object_type="cravingplan").count() == events
    assert CravingPlan.objects.count() == 1


def test_plan_rejects_unknown_fields(patient):
    with pytest.raises(TypeError):
        craving_services.craving_plan_save(patient=patient, by=patient.user, help_1="x", pin="1")


@pytest.mark.parametrize("rating", [-1, 11])
def test_episode_rating_is_on_the_scale(patient, rating):
    with pytest.raises(ClinicalRuleError):
        craving_services.craving_episode_start(
            patient=patient, rating=rating, might_use="no", by=patient.user
        )


def test_episode_start_try_finish(patient):
    episode = craving_services.craving_episode_start(
        patient=patient, rating=8, might_use="not_sure", by=patient.user
    )
    assert episode.clinic_id == patient.clinic_id
    craving_services.craving_episode_try(episode=episode, tried="Slow breathing", by=patient.user)
    craving_services.craving_episode_try(episode=episode, tried="Call Sam", by=patient.user)
    with pytest.raises(ClinicalRuleError):
        craving_services.craving_episode_try(episode=episode, tried="   ", by=patient.user)
    with pytest.raises(ClinicalRuleError):
        craving_services.craving_episode_finish(
            episode=episode, end_rating=4, outcome="great", by=patient.user
        )
    done = craving_services.craving_episode_finish(
        episode=episode, end_rating=4, outcome="eased", by=patient.user
    )
    assert done.tried == ["Slow breathing", "Call Sam"]
    assert done.is_finished
    # A second answer corrects the first, and keeps the time it ended.
    ended = done.ended_at
    again = craving_services.craving_episode_finish(
        episode=episode, end_rating=3, outcome="eased", by=patient.user
    )
    assert (again.end_rating, again.ended_at) == (3, ended)
    assert CravingEpisode.objects.get().end_rating == 3
    assert AuditEvent.objects.filter(object_type="cravingepisode").count() == 5


def test_craving_rows_are_scoped_like_the_record(patient, other_patient, clinician):
    mine = craving_services.craving_episode_start(
        patient=patient, rating=3, might_use="no", by=patient.user
    )
    craving_services.craving_episode_start(
        patient=other_patient, rating=3, might_use="no", by=other_patient.user
    )
    assert list(CravingEpisode.objects.visible_to(patient.user)) == [mine]
    assert CravingEpisode.objects.visible_to(clinician).count() == 2
