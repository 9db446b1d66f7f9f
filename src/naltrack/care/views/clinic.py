"""The clinician's day: dashboard, patient list, the patient's chart, the alert queue."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from naltrack.accounts.access import current_clinic, staff_required
from naltrack.care import selectors, services
from naltrack.care.charts import chart_figures
from naltrack.care.models import INDICATION_CHOICES, Alert, Episode
from naltrack.reminders.selectors import history_zone, needing_attention, notification_history


@staff_required
def clinician_home(request: HttpRequest) -> HttpResponse:
    clinic = current_clinic(request)
    dashboard = selectors.dashboard_for(request=request, clinic=clinic, today=timezone.localdate())
    return render(request, "care/clinician_home.html", {"clinic": clinic, "dashboard": dashboard})


LIST_FILTERS = {
    "state": [("", "Any state"), *Episode.State.choices],
    "indication": [("", "Any indication"), *INDICATION_CHOICES],
    "formulation": [("", "Any form"), ("oral", "Tablets"), ("xr_injection", "Monthly injection")],
    "risk": [("", "Everyone"), ("alerts", "With open alerts"), ("urgent", "With urgent alerts")],
}


@staff_required
def patient_list(request: HttpRequest) -> HttpResponse:
    chosen = {
        name: value if (value := request.GET.get(name, "")) in {key for key, _ in choices} else ""
        for name, choices in LIST_FILTERS.items()
    }
    query = request.GET.get("q", "")[:100]
    patients = selectors.patient_list_filtered(request=request, query=query, **chosen)
    page = Paginator(patients, 50).get_page(request.GET.get("page"))
    selectors.patient_list_audit(request=request, patients=list(page.object_list), query=query)
    params = request.GET.copy()
    params.pop("page", None)
    template = "care/_patient_rows.html" if request.htmx else "care/patient_list.html"  # type: ignore[attr-defined]
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
def patient_chart(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = selectors.patient_get(request=request, patient_id=patient_id)
    today = timezone.localdate()
    services.episodes_finish_tapers(today=today, patient=patient)
    chart = selectors.chart_for(patient=patient, today=today)
    notifications = notification_history(patient=patient)
    return render(
        request,
        "care/patient_chart.html",
        {
            "patient": patient,
            "chart": chart,
            "figures": chart_figures(chart),
            "notifications": notifications,
            "undelivered": needing_attention(notifications),
            "history_zone": history_zone(patient=patient),
        },
    )


@staff_required
def alert_queue(request: HttpRequest) -> HttpResponse:
    severity = request.GET.get("severity", "")
    alerts = Alert.objects.visible_to(request.user).filter(
        resolved_at__isnull=True, acknowledged_at__isnull=True
    )
    if severity in Alert.Severity.values:
        alerts = alerts.filter(severity=severity)
    page = Paginator(
        alerts.select_related("patient").order_by("severity_rank", "-opened_at"), 50
    ).get_page(request.GET.get("page"))
    selectors.alerts_list_audit(request=request, alerts=list(page.object_list))
    return render(
        request,
        "care/alert_queue.html",
        {
            "page": page,
            "severity": severity,
            "severities": Alert.Severity.choices,
            "query": f"severity={severity}" if severity else "",
        },
    )
