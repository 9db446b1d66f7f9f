"""What the clinic planned and follows up: stop or taper plans and follow-ups as CarePlan
resources, therapy sessions as Encounters, open alerts as Flags."""

from __future__ import annotations

from typing import Any, Final

from fhir.resources.R4B.careplan import CarePlan
from fhir.resources.R4B.encounter import Encounter
from fhir.resources.R4B.flag import Flag

from naltrack.care.models import Alert, Episode, FollowUp, TaperPlan, TherapySession
from naltrack.disclosure.fhir.codes import coding, concept
from naltrack.disclosure.fhir.resources import build, reference


def _follow_up_activity(follow_up: FollowUp) -> dict[str, Any]:
    detail: dict[str, Any] = {
        "status": "completed" if follow_up.done_on else "scheduled",
        "scheduledString": f"Due {follow_up.due_on.isoformat()}",
        "description": follow_up.get_method_display() or "Follow-up contact",
    }
    if follow_up.done_on:
        detail["scheduledString"] += f", done {follow_up.done_on.isoformat()}"
    return {"detail": detail}


def taper_care_plan(plan: TaperPlan, follow_ups: list[FollowUp]) -> CarePlan:
    """The stop or taper plan, with the follow-up contacts due after it as its activities."""
    description = f"{plan.strategy.replace('_', ' ').capitalize()}: last dose {plan.last_dose}"
    if plan.reason:
        description += f" ({plan.reason})"
    data: dict[str, Any] = {
        "status": "completed" if plan.episode.state == Episode.State.STOPPED else "active",
        "intent": "plan",
        "title": "Stopping naltrexone",
        "description": description,
        "subject": reference(plan.patient),
        "period": {"start": plan.last_dose.isoformat(), "end": plan.blockade_ends.isoformat()},
    }
    if follow_ups:
        data["activity"] = [_follow_up_activity(f) for f in follow_ups]
    return build(CarePlan, plan, data)


def follow_up_care_plan(episode: Episode, follow_ups: list[FollowUp]) -> CarePlan:
    """Follow-ups of an episode that no stored plan made, gathered in one plan per episode."""
    data = {
        "status": "completed" if all(f.done_on for f in follow_ups) else "active",
        "intent": "plan",
        "title": "Follow-up after stopping",
        "subject": reference(episode.patient),
        "activity": [_follow_up_activity(f) for f in follow_ups],
    }
    return build(CarePlan, episode, data, part="follow-ups")


_ENCOUNTER_STATUS: Final = {
    TherapySession.Status.SCHEDULED: "planned",
    TherapySession.Status.ATTENDED: "finished",
    TherapySession.Status.MISSED: "cancelled",
}


def therapy_encounter(session: TherapySession) -> Encounter:
    data = {
        "status": _ENCOUNTER_STATUS[TherapySession.Status(session.status)],
        "class": coding("ambulatory"),
        "type": [concept(f"therapy-{session.kind}")],
        "subject": reference(session.patient),
        "period": {"start": session.scheduled_at.isoformat()},
    }
    return build(Encounter, session, data)


def alert_flag(alert: Alert) -> Flag:
    """An open alert, its message as the code's text: the clinical core's rules are Naltrack's own,
    not a published terminology."""
    data = {
        "status": "active",
        "code": {"text": alert.message},
        "subject": reference(alert.patient),
        "period": {"start": alert.opened_at.isoformat()},
    }
    return build(Flag, alert, data)
