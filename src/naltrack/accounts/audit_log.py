"""The clinic's audit log for its admins: the page and its CSV export, both audited."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from naltrack.accounts.access import admin_required, current_clinic, current_user
from naltrack.accounts.forms import AuditFilterForm
from naltrack.audit.models import AuditEvent
from naltrack.audit.presentation import event_summary
from naltrack.audit.selectors import audit_events_filtered
from naltrack.audit.services import audit_record
from naltrack.care.selectors import patient_names

CSV_COLUMNS = ["When", "Who", "Role", "Action", "What", "Id", "Patient id", "Patient", "Changes",
               "From", "Request"]  # fmt: skip


def _filtered(request: HttpRequest) -> tuple[AuditFilterForm, Any, dict[str, Any]]:
    clinic = current_clinic(request)
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    used = {k: v for k, v in request.GET.items() if k != "page"}
    return form, audit_events_filtered(clinic_id=clinic.pk, filters=filters), used


@require_GET
@admin_required
def audit_log(request: HttpRequest) -> HttpResponse:
    clinic = current_clinic(request)
    form, events, used = _filtered(request)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    names = patient_names(
        user=current_user(request), patient_ids={e.patient_id for e in page if e.patient_id}
    )
    for event in page:
        event.patient_name = names.get(event.patient_id or 0, "")
    # Reading the trail is itself audited, with the filters used and the patients named.
    audit_record(
        request=request,
        action=AuditEvent.Action.READ,
        object_type="audit_log",
        clinic_id=clinic.pk,
        detail={"filters": used, "patient_ids": sorted(names)},
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/audit_log.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "clinic": clinic,
        },
    )


def _cell(value: object) -> str:
    """A spreadsheet runs a cell that starts with = + - @ as a formula: such text is quoted."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class _Echo:
    def write(self, value: str) -> str:
        return value


@require_GET
@admin_required
def audit_log_csv(request: HttpRequest) -> HttpResponseBase:
    clinic = current_clinic(request)
    form, events, used = _filtered(request)
    if form.is_bound and not form.is_valid():
        return HttpResponse(
            "Fix the filters first: "
            + "; ".join(str(e) for es in form.errors.values() for e in es),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    names = patient_names(
        user=current_user(request),
        patient_ids=set(events.exclude(patient_id=None).values_list("patient_id", flat=True)),
    )
    audit_record(
        request=request,
        action=AuditEvent.Action.EXPORT,
        object_type="audit_log",
        clinic_id=clinic.pk,
        detail={"filters": used, "rows": events.count()},
    )
    writer = csv.writer(_Echo())

    def rows() -> Iterator[str]:
        yield writer.writerow(CSV_COLUMNS)
        for event in events.iterator(chunk_size=2000):
            yield writer.writerow(
                _cell(v)
                for v in (
                    timezone.localtime(event.occurred_at).isoformat(timespec="seconds"),
                    event.actor_email or "system",
                    event.actor_role,
                    event.get_action_display(),
                    event.object_type,
                    event.object_id,
                    event.patient_id,
                    names.get(event.patient_id or 0, ""),
                    event_summary(event),
                    event.ip_address,
                    event.request_id,
                )
            )

    stamp = timezone.localdate().isoformat()
    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="audit-log-{clinic.slug}-{stamp}.csv"'
    return response
