"""Writing the patient's craving plan and the cravings they log: store → audit.

Like the rest of ``care.services``, every write goes through a function here and is audited. The plan
holds other people's names and phone numbers, so its audit events name the fields that
changed, not their values.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from naltrack.accounts.models import User
from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_change
from naltrack.care.errors import ClinicalRuleError
from naltrack.care.models import CravingEpisode, CravingPlan, Patient
from naltrack.care.services.alerts import alerts_refresh
from naltrack.clinical.vocabulary import CRAVING_MAX

TRIED_MAX = 20  # things tried in one craving: plenty for a person, a bound for the record


def _check_rating(rating: int, field: str) -> None:
    if not 0 <= rating <= CRAVING_MAX:
        raise ClinicalRuleError(field, f"Choose a number from 0 to {CRAVING_MAX}.")


PLAN_FIELDS = (
    "triggers",
    "warning_signs",
    "help_1",
    "help_2",
    "help_3",
    "person_1_name",
    "person_1_phone",
    "person_2_name",
    "person_2_phone",
)


@transaction.atomic
def craving_plan_save(*, patient: Patient, by: User | None, **values: str) -> CravingPlan:
    """The patient's craving plan: written the first time, updated after (one per patient)."""
    unknown = set(values) - set(PLAN_FIELDS)
    if unknown:
        raise TypeError(f"unknown craving plan fields: {sorted(unknown)}")
    cleaned = {field: (values.get(field) or "").strip() for field in PLAN_FIELDS}
    if not (cleaned["help_1"] or cleaned["help_2"] or cleaned["help_3"]):
        raise ClinicalRuleError("help_1", "Write at least one thing that helps you.")
    # Fill the first slots first, so "three things that help" never has a gap.
    helps = [cleaned[f"help_{n}"] for n in (1, 2, 3) if cleaned[f"help_{n}"]]
    for n in (1, 2, 3):
        cleaned[f"help_{n}"] = helps[n - 1] if n <= len(helps) else ""
    plan: CravingPlan | None = (
        CravingPlan.objects.filter(patient=patient).select_for_update().first()
    )
    if plan is None:
        plan = CravingPlan.objects.create(patient=patient, recorded_by=by, **cleaned)
        audit_change(AuditEvent.Action.CREATE, plan, by)
        return plan
    changed = [field for field in PLAN_FIELDS if getattr(plan, field) != cleaned[field]]
    if changed:
        for field in changed:
            setattr(plan, field, cleaned[field])
        plan.save()
        audit_change(AuditEvent.Action.UPDATE, plan, by, changed=changed)
    return plan


@transaction.atomic
def craving_episode_start(
    *, patient: Patient, rating: int, might_use: str, by: User | None
) -> CravingEpisode:
    """The start of a craving ("I'm having a craving now"): how strong, might they drink or use."""
    _check_rating(rating, "rating")
    if might_use not in CravingEpisode.MightUse.values:
        raise ClinicalRuleError("might_use", "Choose one of the answers.")
    episode = CravingEpisode.objects.create(
        patient=patient,
        started_at=timezone.now(),
        start_rating=rating,
        might_use=might_use,
        recorded_by=by,
    )
    audit_change(AuditEvent.Action.CREATE, episode, by, start_rating=rating, might_use=might_use)
    return episode


@transaction.atomic
def craving_episode_try(*, episode: CravingEpisode, tried: str, by: User | None) -> CravingEpisode:
    """Add one thing the patient is trying now (an unfinished craving only)."""
    episode = CravingEpisode.objects.select_for_update().get(pk=episode.pk)
    tried = tried.strip()
    if not tried:
        raise ClinicalRuleError("choice", "Choose one thing to try.")
    if episode.is_finished:
        raise ClinicalRuleError("choice", "This craving is already logged as finished.")
    if len(episode.tried) >= TRIED_MAX:
        raise ClinicalRuleError("choice", "That’s a lot of things tried already.")
    episode.tried = [*episode.tried, tried]
    episode.tried_at = timezone.now()
    episode.save(update_fields=["tried", "tried_at"])
    audit_change(AuditEvent.Action.UPDATE, episode, by, tried=len(episode.tried))
    return episode


@transaction.atomic
def craving_episode_finish(
    *, episode: CravingEpisode, end_rating: int, outcome: str, by: User | None
) -> CravingEpisode:
    """Rate again and say how it went; a second answer corrects the first."""
    episode = CravingEpisode.objects.select_for_update().get(pk=episode.pk)
    _check_rating(end_rating, "end_rating")
    if outcome not in CravingEpisode.Outcome.values:
        raise ClinicalRuleError("outcome", "Choose one of the answers.")
    episode.end_rating = end_rating
    episode.outcome = outcome
    episode.ended_at = episode.ended_at or timezone.now()
    episode.save(update_fields=["end_rating", "outcome", "ended_at"])
    audit_change(AuditEvent.Action.UPDATE, episode, by, end_rating=end_rating, outcome=outcome)
    # "I drank or used" can be opioid use: an overdose risk the clinic must see.
    alerts_refresh(patient=episode.patient)
    return episode
