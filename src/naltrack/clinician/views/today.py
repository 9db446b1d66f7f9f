"""The clinician's day: Today, the patient list, the alert queue."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from naltrack.accounts.access import current_clinic, staff_required
from naltrack.care import selectors
from naltrack.care.models import Alert, Episode
from naltrack.clinical.vocabulary import FORMULATION_LABELS, INDICATION_LABELS
from naltrack.clinician.today import dashboard_for, panel_page


@staff_required
def clinician_home(request: HttpRequest) -> HttpResponse:
    clinic = current_clinic(request)
    dashboard = dashboard_for(user=request.user, clinic=clinic, today=timezone.localdate())
    return render(
        request, "clinician/clinician_home.html", {"clinic": clinic, "dashboard": dashboard}
    )


@staff_required
def today_panel(request: HttpRequest, panel: str) -> HttpResponse:
    """A panel of Today in full ("See all"), a page at a time."""
    clinic = current_clinic(request)
    shown = panel_page(
        user=request.user,
        clinic=clinic,
        panel=panel,
        today=timezone.localdate(),
        number=request.GET.get("page"),
    )
    return render(
        request,
        "clinician/today_panel.html",
        {"clinic": clinic, "shown": shown, "page": shown.page, "today": timezone.localdate()},
    )


LIST_FILTERS = {
    "state": [("", "Any state"), *Episode.State.choices],
    "indication": [("", "Any indication"), *INDICATION_LABELS.items()],
    "formulation": [("", "Any form"), *FORMULATION_LABELS.items()],
    "risk": [("", "Everyone"), ("alerts", "With open alerts"), ("urgent", "With urgent alerts")],
}


@staff_required
def patient_list(request: HttpRequest) -> HttpResponse:
    chosen = {
        name: value if (value := request.GET.get(name, "")) in {key for key, _ in choices} else ""
        for name, choices in LIST_FILTERS.items()
    }
    query = request.GET.get("q", "")[:100]
    patients = selectors.patient_list_filtered(
        user=request.user, today=timezone.localdate(), query=query, **chosen
    )
    page = Paginator(patients, 50).get_page(request.GET.get("page"))
    selectors.patient_list_audit(user=request.user, patients=list(page.object_list), query=query)
    params = request.GET.copy()
    params.pop("page", None)
    template = "clinician/_patient_rows.html" if request.htmx else "clinician/patient_list.html"  # type: ignore[attr-defined]
    return render(
        request,
        template,
        {
            "page": page,
            "q": query,
            "filters": [(name, choices, chosen[name]) for name, choices in LIST_FILTERS.items()],
            "query": params.urlencode(),
            "today": timezone.localdate(),
        },
    )


@staff_required
def alert_queue(request: HttpRequest) -> HttpResponse:
    severity = request.GET.get("severity", "")
    alerts = selectors.alerts_open(user=request.user, severity=severity)
    page = Paginator(alerts, 50).get_page(request.GET.get("page"))
    selectors.alerts_list_audit(user=request.user, alerts=list(page.object_list))
    return render(
        request,
        "clinician/alert_queue.html",
        {
            "page": page,
            "severity": severity,
            "severities": Alert.Severity.choices,
            "query": f"severity={severity}" if severity else "",
        },
    )
