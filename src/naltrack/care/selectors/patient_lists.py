"""Lists of patients with what each list shows beside a name, in one query per list."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    F,
    OuterRef,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from naltrack.care.models import (
    Alert,
    CheckIn,
    Episode,
    Injection,
    PatientQuerySet,
    Regimen,
)
from naltrack.care.selectors.access import patient_search
from naltrack.clinical.vocabulary import XR_INJECTION


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
