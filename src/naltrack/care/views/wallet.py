"""The wallet card PDF: the patient's own, and a copy a clinician prints for a patient."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, path
from django.utils import timezone
from django.views.decorators.http import require_GET

from naltrack.accounts.access import patient_required, staff_required
from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_record
from naltrack.care import selectors
from naltrack.care.models import Patient
from naltrack.care.wallet_card import FILENAME, wallet_card_pdf


def _card_response(request: HttpRequest, patient: Patient) -> HttpResponse:
    pdf = wallet_card_pdf(patient=patient, today=timezone.localdate())
    audit_record(
        request=request,
        action=AuditEvent.Action.EXPORT,
        object_type="wallet_card",
        object_id=patient.pk,
        patient_id=patient.pk,
        clinic_id=patient.clinic_id,
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{FILENAME}"'
    response["Cache-Control"] = "no-store"
    return response


@patient_required
@require_GET
def wallet_card(request: HttpRequest) -> HttpResponse:
    return _card_response(request, selectors.patient_own(request=request))


@staff_required
@require_GET
def wallet_card_for(request: HttpRequest, patient_id: int) -> HttpResponse:
    return _card_response(request, selectors.patient_get(request=request, patient_id=patient_id))


urlpatterns: list[URLPattern] = [
    path("card/", wallet_card, name="wallet_card"),
    path("card/<int:patient_id>/", wallet_card_for, name="wallet_card_for"),
]
