"""Alerts: the clinic's open queue, a patient's open alerts, and acknowledging one."""

from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from naltrack.accounts.access import current_user
from naltrack.api import callers
from naltrack.api.auth import staff_auth, staff_readers
from naltrack.api.pagination import RecordPagination, Released
from naltrack.api.record_schemas import AlertOut, PatientId, RowId, answers
from naltrack.care import selectors, services
from naltrack.care.models import Alert
from naltrack.disclosure.models import Consent

router = Router(tags=["alerts"])


class AlertAcknowledgeIn(Schema):
    note: str = Field("", max_length=500, description="What was done; required for an urgent alert")


def _queue_shown(request: HttpRequest, alerts: list[Alert]) -> None:
    selectors.alerts_list_audit(user=current_user(request), alerts=alerts)


@router.get(
    "/alerts",
    auth=staff_auth,
    response=answers({200: list[AlertOut]}, refusals=(401, 403, 422)),
    summary="The clinic's open alerts, most severe first",
)
@paginate(RecordPagination, shown=_queue_shown)
def alert_queue(request: HttpRequest) -> Any:
    return selectors.alerts_open(user=current_user(request))


@router.get(
    "/patients/{patient_id}/alerts",
    auth=staff_readers,
    response=answers({200: list[AlertOut]}),
    summary="A patient's open alerts",
)
@paginate(RecordPagination)
def patient_alerts(request: HttpRequest, patient_id: PatientId) -> Any:
    shown = callers.rows_read(
        request, patient_id, Alert, category=Consent.Category.CARE_PLANS, what="open alerts"
    )
    still_open = shown.rows.filter(resolved_at__isnull=True, acknowledged_at__isnull=True)
    return Released(still_open, shown.notice)


@router.post(
    "/patients/{patient_id}/alerts/{alert_id}/acknowledge",
    auth=staff_auth,
    response=answers({200: AlertOut}),
    summary="Acknowledge an alert (again: no change)",
)
def alert_acknowledge(
    request: HttpRequest, patient_id: PatientId, alert_id: RowId, body: AlertAcknowledgeIn
) -> Any:
    patient = selectors.patient_get(user=current_user(request), patient_id=patient_id)
    alert = selectors.row_get(Alert, user=current_user(request), patient=patient, pk=alert_id)
    return services.alert_acknowledge(alert=alert, by=current_user(request), note=body.note)
