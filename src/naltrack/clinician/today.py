"""The clinician's Today: the record's lists (alerts, injections and follow-ups due, patients
not heard from, new patients) beside the reminders that could not be delivered.

It brings two apps' reads together, so it lives in the door that shows it: the record's part is
``care.selectors``, the reminders' part ``reminders.selectors``. A fixed number of queries
whatever the clinic's size; which patients were shown is audited as one list.

Each panel shows its first ``DASHBOARD_ROWS`` and how many there are, counted in the same query
(a window count over the whole list); "See all" opens the panel's whole list, a page at a time
(``panel_page``), read from the same query. The rows are read as values, only the columns
shown: the page once spent more time making model instances and selecting seven annotations
per patient than in its SQL (docs/performance.md, "The dashboard").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Q, Window
from django.http import Http404
from django.utils import timezone

from naltrack.accounts.models import Clinic
from naltrack.audit.services import audit_list
from naltrack.care.models import Alert, Episode, FollowUp, Patient, Regimen, full_name_of
from naltrack.care.selectors import patients_annotated
from naltrack.clinical.vocabulary import XR_INJECTION
from naltrack.reminders.selectors import (
    DeliveryProblems,
    delivery_problems,
    delivery_problems_all,
)

DASHBOARD_ROWS = 10
# The "See all" page of a panel: as many a page as the patient list.
PANEL_PAGE_ROWS = 50
# Naltrack default: an active patient not heard from in this many days shows on Today.
NO_CONTACT_DAYS = 7  # source: NALTRACK
NEW_PATIENT_DAYS = 14  # source: NALTRACK

# The panels that have a "See all" page here, by the slug in its URL, with its heading (the
# open alerts have theirs: the alert queue).
PANELS = {
    "injections-due": "Injections due",
    "follow-ups-due": "Follow-up contacts due",
    "no-contact": f"No contact in {NO_CONTACT_DAYS} days",
    "new-patients": f"New patients ({NEW_PATIENT_DAYS} days)",
    "delivery-problems": "Messages we could not deliver",
}
PATIENT_LISTS = ("injections-due", "follow-ups-due", "no-contact", "new-patients")


@dataclasses.dataclass(frozen=True)
class Listed:
    """One row of a list on Today: whose, and the one thing the list shows beside the name."""

    pk: int  # the row's own: the patient's in the patient lists, else the alert's or follow-up's
    patient_id: int
    full_name: str
    next_injection: dt.date | None = None
    last_contact_at: dt.datetime | None = None
    state: str | None = None
    due_on: dt.date | None = None
    severity: str = ""
    message: str = ""


@dataclasses.dataclass(frozen=True)
class Dashboard:
    today: dt.date
    alert_counts: dict[str, int]
    alerts: list[Listed]
    injections_due: list[Listed]
    follow_ups_due: list[Listed]
    new_patients: list[Listed]
    no_contact: list[Listed]
    # How many each list has in all, by the name of its field above (as templates read them).
    totals: dict[str, int]
    no_contact_days: int
    new_patient_days: int
    # Reminders that failed and no one has handled yet (essential first).
    delivery_problems: DeliveryProblems


@dataclasses.dataclass(frozen=True)
class PanelPage:
    panel: str
    heading: str
    page: Page[Any]
    # The page's rows: Listed, or Notification for the delivery problems.
    rows: list[Any]


def _patient_list(panel: str, *, user: Any, today: dt.date) -> Any:
    """The whole of one of Today's patient lists (PATIENT_LISTS), ordered, as values: the
    name and the list's own column."""
    visible = Patient.objects.visible_to(user)
    if panel == "follow-ups-due":
        return (
            FollowUp.objects.filter(patient__in=visible, done_on__isnull=True, due_on__lte=today)
            .order_by("due_on", "pk")
            .values(
                "pk",
                "patient_id",
                "due_on",
                given_name=F("patient__given_name"),
                family_name=F("patient__family_name"),
            )
        )
    annotated = patients_annotated(visible, today=today)
    active_states = [str(state) for state in Episode.ACTIVE_STATES]
    name = ("pk", "given_name", "family_name")
    if panel == "injections-due":
        # Only a patient whose latest regimen is the injection has one due, so only patients
        # with an injection regimen need their next injection worked out: the database finds
        # those first and spares the others the per-patient subqueries.
        on_injection = Regimen.objects.filter(formulation=XR_INJECTION).values("patient_id")
        return (
            annotated.filter(
                pk__in=on_injection,
                state__in=active_states,
                next_injection__lte=today + dt.timedelta(days=1),
            )
            .order_by("next_injection", "pk")
            .values(*name, "next_injection")
        )
    if panel == "no-contact":
        cutoff = timezone.now() - dt.timedelta(days=NO_CONTACT_DAYS)
        return (
            annotated.filter(state__in=active_states)
            .filter(Q(last_contact_at__lt=cutoff) | Q(last_contact_at__isnull=True))
            .order_by(F("last_contact_at").asc(nulls_first=True), "pk")
            .values(*name, "last_contact_at")
        )
    if panel == "new-patients":
        return (
            annotated.filter(created_at__gte=timezone.now() - dt.timedelta(days=NEW_PATIENT_DAYS))
            .order_by("-created_at", "-pk")
            .values(*name, "state")
        )
    raise Http404("No such list")


def _listed(row: dict[str, Any]) -> Listed:
    row.pop("total", None)
    full_name = full_name_of(row.pop("given_name"), row.pop("family_name"))
    row.setdefault("patient_id", row["pk"])
    return Listed(full_name=full_name, **row)


def _first(rows: Any) -> tuple[list[Listed], int]:
    """The first DASHBOARD_ROWS of a list and how many it has, in one query."""
    first = list(rows.annotate(total=Window(Count("pk")))[:DASHBOARD_ROWS])
    total = first[0]["total"] if first else 0
    return [_listed(row) for row in first], total


def dashboard_for(*, user: Any, clinic: Clinic, today: dt.date) -> Dashboard:
    """The clinician's home: a fixed number of queries whatever the clinic's size."""
    visible = Patient.objects.visible_to(user)
    open_alerts = Alert.objects.filter(
        patient__in=visible, resolved_at__isnull=True, acknowledged_at__isnull=True
    )
    counts = dict(open_alerts.order_by().values_list("severity").annotate(n=Count("pk")))
    alerts = [
        _listed(row)
        for row in open_alerts.order_by("severity_rank", "-opened_at").values(
            "pk",
            "patient_id",
            "severity",
            "message",
            given_name=F("patient__given_name"),
            family_name=F("patient__family_name"),
        )[:DASHBOARD_ROWS]
    ]
    lists = {panel: _first(_patient_list(panel, user=user, today=today)) for panel in PATIENT_LISTS}
    problems = delivery_problems(user=user, limit=DASHBOARD_ROWS)
    shown = {row.patient_id for rows, _ in lists.values() for row in rows}
    shown |= {a.patient_id for a in alerts} | {n.patient_id for n in problems.shown}
    audit_list(actor=user, object_type="dashboard", clinic_id=clinic.pk, patient_ids=shown)
    return Dashboard(
        today=today,
        alert_counts={
            severity: counts.get(severity, 0) for severity in ("urgent", "high", "routine")
        },
        alerts=alerts,
        injections_due=lists["injections-due"][0],
        follow_ups_due=lists["follow-ups-due"][0],
        new_patients=lists["new-patients"][0],
        no_contact=lists["no-contact"][0],
        totals={"alerts": sum(counts.values())}
        | {panel.replace("-", "_"): total for panel, (_, total) in lists.items()},
        no_contact_days=NO_CONTACT_DAYS,
        new_patient_days=NEW_PATIENT_DAYS,
        delivery_problems=problems,
    )


def panel_page(
    *, user: Any, clinic: Clinic, panel: str, today: dt.date, number: str | None
) -> PanelPage:
    """One page of a panel's whole list ("See all"), audited like the dashboard."""
    if panel not in PANELS:
        raise Http404("No such list")
    rows: Any
    if panel == "delivery-problems":
        page = Paginator(delivery_problems_all(user=user), PANEL_PAGE_ROWS).get_page(number)
        rows = list(page.object_list)
        shown = {n.patient_id for n in rows}
    else:
        page = Paginator(_patient_list(panel, user=user, today=today), PANEL_PAGE_ROWS).get_page(
            number
        )
        rows = [_listed(row) for row in page.object_list]
        shown = {row.patient_id for row in rows}
    audit_list(
        actor=user, object_type="dashboard", clinic_id=clinic.pk, patient_ids=shown, panel=panel
    )
    return PanelPage(panel=panel, heading=PANELS[panel], page=page, rows=rows)
