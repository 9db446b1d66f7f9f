"""The clinician's Today: the record's lists (alerts, injections and follow-ups due, patients
not heard from, new patients) beside the reminders that could not be delivered.

It brings two apps' reads together, so it lives in the door that shows it: the record's part is
``care.selectors``, the reminders' part ``reminders.selectors``. A fixed number of queries
whatever the clinic's size; which patients were shown is audited as one list.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from django.db.models import Count, F, Q
from django.utils import timezone

from naltrack.accounts.models import Clinic
from naltrack.audit.services import audit_list
from naltrack.care.models import Alert, Episode, FollowUp, Patient
from naltrack.care.selectors import patients_annotated
from naltrack.reminders.selectors import DeliveryProblems, delivery_problems

DASHBOARD_ROWS = 25
# Naltrack default: an active patient not heard from in this many days shows on Today.
NO_CONTACT_DAYS = 7  # source: NALTRACK


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
