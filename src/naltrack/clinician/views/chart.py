"""A patient's chart, and the wallet card staff print for a patient."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from naltrack.accounts.access import staff_required
from naltrack.care import selectors
from naltrack.clinician.charts import chart_figures
from naltrack.patient.wallet_card import wallet_card_response
from naltrack.reminders.selectors import history_zone, needing_attention, notification_history


@staff_required
def patient_chart(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = selectors.patient_get(user=request.user, patient_id=patient_id)
    today = timezone.localdate()
    chart = selectors.chart_for(patient=patient, today=today)
    notifications = notification_history(patient=patient)
    return render(
        request,
        "clinician/patient_chart.html",
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
@require_GET
def wallet_card_for(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = selectors.patient_get(user=request.user, patient_id=patient_id)
    return wallet_card_response(request, patient)
