"""The clinician's day: Today's lists and the patient list, each in one query per list."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    F,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from naltrack.accounts.models import Clinic
from naltrack.audit.services import audit_list
from naltrack.care.models import (
    Alert,
    CheckIn,
    Episode,
    FollowUp,
    Injection,
    Patient,
    PatientQuerySet,
    Regimen,
)
from naltrack.care.selectors.access import patient_search
from naltrack.clinical.vocabulary import XR_INJECTION
from naltrack.reminders.selectors import DeliveryProblems, delivery_problems

# --- the clinician's day ----------------------------------------------------------------------

# Naltrack default: an active patient not heard from in this many days shows on the dashboard.
NO_CONTACT_DAYS = 7  # source: NALTRACK
DASHBOARD_ROWS = 25


def patients_annotated(patients: PatientQuerySet, *, today: dt.date) -> Any:
    """Patients with what lists show beside each name, computed in the same single query.

    State, form and next injection follow ``selectors.treatment_of``'s rule, in SQL: a taper
    whose blockade has ended is stopped; the form is the latest episode's regimen's; the next
    injection is the last injection of that regimen's course (or its start) while on it.
    Typed ``Any``: the type checker cannot follow annotations across a function boundary.
    """
    open_alerts = Alert.objects.filter(
        patient=OuterRef("pk"), resolved_at__isnull=True, acknowledged_at__isnull=True
    )
    latest_episode = Episode.objects.filter(patient=OuterRef("pk")).order_by("-opened_on", "-id")
    latest_regimen = Regimen.objects.filter(patient=OuterRef("pk")).order_by("-start", "-id")
    return (
        patients.annotate(
            stored_state=Subquery(latest_episode.values("state")[:1]),
            episode_ends=Subquery(latest_episode.values("stopped_on")[:1]),
            episode_pk=Subquery(latest_episode.values("pk")[:1]),
            indication=Subquery(latest_episode.values("indication")[:1]),
            regimen_episode=Subquery(latest_regimen.values("episode_id")[:1]),
            regimen_start=Subquery(latest_regimen.values("start")[:1]),
            regimen_formulation=Subquery(latest_regimen.values("formulation")[:1]),
            last_check_in=Subquery(
                CheckIn.objects.filter(patient=OuterRef("pk")).order_by("-day").values("day")[:1]
            ),
            top_alert_rank=Subquery(
                open_alerts.order_by("severity_rank").values("severity_rank")[:1]
            ),
            open_alert_count=Coalesce(
                Subquery(
                    open_alerts.order_by().values("patient").annotate(n=Count("pk")).values("n")[:1]
                ),
                0,
            ),
        )
        .annotate(
            state=Case(
                When(
                    stored_state=Episode.State.TAPERING,
                    episode_ends__lte=today,
                    then=Value(Episode.State.STOPPED.value),
                ),
                default=F("stored_state"),
                output_field=CharField(),
            ),
            formulation=Case(
                When(regimen_episode=F("episode_pk"), then=F("regimen_formulation")),
                default=None,
                output_field=CharField(),
            ),
        )
        .annotate(
            next_injection=Case(
                When(
                    state__in=[Episode.State.INDUCTION, Episode.State.MAINTENANCE],
                    formulation=XR_INJECTION,
                    then=Coalesce(
                        Subquery(
                            Injection.objects.filter(
                                patient=OuterRef("pk"), given_on__gte=OuterRef("regimen_start")
                            )
                            .order_by("-given_on", "-id")
                            .values("next_due")[:1]
                        ),
                        F("regimen_start"),
                    ),
                ),
                default=None,
                output_field=DateField(),
            )
        )
    )


def patient_list_filtered(
    *,
    user: Any,
    today: dt.date,
    query: str,
    state: str,
    indication: str,
    formulation: str,
    risk: str,
) -> Any:
    patients = patients_annotated(patient_search(user=user, query=query), today=today)
    if state:
        patients = patients.filter(state=state)
    if indication:
        patients = patients.filter(indication=indication)
    if formulation:
        patients = patients.filter(formulation=formulation)
    if risk == "alerts":
        patients = patients.filter(top_alert_rank__isnull=False).order_by(
            "top_alert_rank", "family_name", "given_name"
        )
    elif risk == "urgent":
        patients = patients.filter(top_alert_rank=0)
    return patients


@dataclasses.dataclass(frozen=True)
class Dashboard:
    today: dt.date
    alert_counts: dict[str, int]
    alerts: list[Alert]
    injections_due: list[Patient]
    follow_ups_due: list[FollowUp]
    new_patients: list[Patient]
    no_contact: list[Patient]
    no_contact_days: int
    # Reminders that failed and no one has handled yet (essential first).
    delivery_problems: DeliveryProblems


def dashboard_for(*, user: Any, clinic: Clinic, today: dt.date) -> Dashboard:
    """The clinician's home: a fixed number of queries whatever the clinic's size."""
    visible = Patient.objects.visible_to(user)
    open_alerts = Alert.objects.filter(
        patient__in=visible, resolved_at__isnull=True, acknowledged_at__isnull=True
    )
    counts = dict(open_alerts.order_by().values_list("severity").annotate(n=Count("pk")))
    active_states = [str(state) for state in Episode.ACTIVE_STATES]
    annotated = patients_annotated(visible, today=today)
    injections_due = list(
        annotated.filter(
            state__in=active_states, next_injection__lte=today + dt.timedelta(days=1)
        ).order_by("next_injection")[:DASHBOARD_ROWS]
    )
    cutoff = timezone.now() - dt.timedelta(days=NO_CONTACT_DAYS)
    no_contact = list(
        annotated.filter(state__in=active_states)
        .filter(Q(last_contact_at__lt=cutoff) | Q(last_contact_at__isnull=True))
        .order_by(F("last_contact_at").asc(nulls_first=True))[:DASHBOARD_ROWS]
    )
    new_patients = list(
        annotated.filter(created_at__gte=timezone.now() - dt.timedelta(days=14)).order_by(
            "-created_at"
        )[:DASHBOARD_ROWS]
    )
    follow_ups = list(
        FollowUp.objects.filter(patient__in=visible, done_on__isnull=True, due_on__lte=today)
        .select_related("patient")
        .order_by("due_on")[:DASHBOARD_ROWS]
    )
    alerts_shown = list(
        open_alerts.select_related("patient").order_by("severity_rank", "-opened_at")[
            :DASHBOARD_ROWS
        ]
    )
    problems = delivery_problems(user=user)
    shown = (
        {p.pk for p in injections_due + no_contact + new_patients}
        | {a.patient_id for a in alerts_shown}
        | {f.patient_id for f in follow_ups}
        | {n.patient_id for n in problems.shown}
    )
    audit_list(actor=user, object_type="dashboard", clinic_id=clinic.pk, patient_ids=shown)
    return Dashboard(
        today=today,
        alert_counts={
            severity: counts.get(severity, 0) for severity in ("urgent", "high", "routine")
        },
        alerts=alerts_shown,
        injections_due=injections_due,
        follow_ups_due=follow_ups,
        new_patients=new_patients,
        no_contact=no_contact,
        no_contact_days=NO_CONTACT_DAYS,
        delivery_problems=problems,
    )
