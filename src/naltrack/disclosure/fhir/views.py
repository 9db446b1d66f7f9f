"""The FHIR R4 endpoints under /fhir/: a patient's ``$everything`` and the bulk export
(the FHIR Bulk Data Access pattern: kick-off, status, files).

Each answer comes from the disclosure gate and sends only what it released, with the notice.
Who is calling is decided once, in ``callers.fhir_caller``; every refusal is an
OperationOutcome (401 nobody known, 403 not for this caller, 404 not theirs to know of).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any, Final

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from fhir.resources.R4B.operationoutcome import OperationOutcome

from naltrack.audit.services import audit_denied
from naltrack.care import selectors as care
from naltrack.care.errors import ClinicalRuleError
from naltrack.care.models import Patient
from naltrack.disclosure import exports
from naltrack.disclosure.fhir.bundle import patient_everything
from naltrack.disclosure.fhir.callers import (
    Caller,
    OutsideCaller,
    PatientCaller,
    StaffCaller,
    fhir_caller,
)
from naltrack.disclosure.gate import NotCovered, Release, release, release_to_patient
from naltrack.disclosure.models import BulkExport, Disclosure

FHIR_JSON: Final = "application/fhir+json"
FHIR_NDJSON: Final = "application/fhir+ndjson"
# The spellings of NDJSON the FHIR Bulk Data Access IG lets ``_outputFormat`` use
NDJSON_FORMATS: Final = frozenset({"application/fhir+ndjson", "application/ndjson", "ndjson"})
EXPORT_PARAMETERS: Final = frozenset({"_type", "_outputFormat"})

NOT_SIGNED_IN: Final = "Sign in, or send an access token for an outside system."
STAFF_SHARE: Final = (
    "Clinic staff do not fetch records through this API. A record leaves the clinic to a named "
    "recipient from the patient's chart, and a clinic admin exports records for a recipient "
    "from the clinic's Exports page."
)
# The gate's refusal names the patient; an outside system must not even learn that name.
NOT_COVERED: Final = (
    "No consent in force lets this record go to you for your purpose. Nothing was shared."
)


def outcome(status: int, code: str, message: str, severity: str = "error") -> HttpResponse:
    """A FHIR OperationOutcome answer (``code`` from the issue-type value set)."""
    body = OperationOutcome.model_validate(
        {
            "resourceType": "OperationOutcome",
            "issue": [{"severity": severity, "code": code, "diagnostics": message}],
        }
    )
    response = _fhir_response(body.model_dump_json(exclude_none=True), status)
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="naltrack"'
    return response


def _fhir_response(body: str, status: int = 200, content_type: str = FHIR_JSON) -> HttpResponse:
    response = HttpResponse(body, status=status, content_type=content_type)
    response["Cache-Control"] = "no-store"
    return response


Handler = Callable[..., HttpResponseBase]


def fhir_endpoint(*methods: str) -> Callable[[Handler], Handler]:
    """Answer only ``methods``, with an OperationOutcome otherwise; find the caller once and
    hand it to the view (401 when there is none). CSRF does not apply: a session caller may only
    read here (a bearer token is no cookie a browser sends on its own)."""

    def decorator(view: Handler) -> Handler:
        @csrf_exempt
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if request.method not in methods:
                response = outcome(405, "not-supported", f"Use {' or '.join(methods)} here.")
                response["Allow"] = ", ".join(methods)
                return response
            caller = fhir_caller(request)
            if caller is None:
                return outcome(401, "login", NOT_SIGNED_IN)
            try:
                return view(request, caller, *args, **kwargs)
            except Http404:
                return outcome(404, "not-found", "There is nothing here for you.")

        wrapped.fhir_endpoint = True  # type: ignore[attr-defined]
        return wrapped

    return decorator


# --- $everything ---------------------------------------------------------------------------------


def _outside_patient(caller: OutsideCaller, patient_id: int) -> Patient:
    patient = (
        Patient.objects.filter(clinic=caller.clinic, pk=patient_id).select_related("clinic").first()
    )
    if patient is None:
        audit_denied(user=None, what="patient", patient_id_asked=patient_id, client=caller.label)
        raise Http404("No such patient")
    return patient


@fhir_endpoint("GET")
def everything(request: HttpRequest, caller: Caller, patient_id: int) -> HttpResponseBase:
    """``GET /fhir/Patient/<id>/$everything``: the patient's own copy, or what an outside
    system's recipient may have under the patient's consent."""
    given: Release
    if isinstance(caller, StaffCaller):
        return outcome(403, "forbidden", STAFF_SHARE)
    if isinstance(caller, PatientCaller):
        patient = care.patient_get(user=caller.user, patient_id=patient_id)
        given = release_to_patient(
            by=caller.user, patient=patient, form=Disclosure.Form.FHIR_BUNDLE, what="$everything"
        )
    else:
        patient = _outside_patient(caller, patient_id)
        try:
            given = release(
                by=None,
                patient=patient,
                recipient=caller.recipient,
                purpose=caller.purpose,
                form=Disclosure.Form.API,
                what=f"$everything, client {caller.label}"[:300],
            )
        except NotCovered:
            return outcome(403, "forbidden", NOT_COVERED)
    return _fhir_response(patient_everything(patient, given).model_dump_json(exclude_none=True))


# --- bulk export ---------------------------------------------------------------------------------


@fhir_endpoint("GET")
def export_kick_off(request: HttpRequest, caller: Caller) -> HttpResponseBase:
    """``GET /fhir/$export`` with ``Prefer: respond-async``: queue an export of the clinic's
    records for the calling system's recipient and purpose; 202 with the status URL."""
    if isinstance(caller, StaffCaller):
        return outcome(403, "forbidden", STAFF_SHARE)
    if isinstance(caller, PatientCaller):
        return outcome(
            403, "forbidden", "Your own record is at /fhir/Patient/<your id>/$everything."
        )
    if "respond-async" not in request.headers.get("Prefer", ""):
        return outcome(400, "invalid", "Send the header 'Prefer: respond-async'.")
    unknown = sorted(set(request.GET) - EXPORT_PARAMETERS)
    if unknown:
        return outcome(400, "not-supported", f"This server does not support: {', '.join(unknown)}.")
    output_format = request.GET.get("_outputFormat", "application/fhir+ndjson")
    if output_format not in NDJSON_FORMATS:
        return outcome(400, "not-supported", "Only NDJSON (application/fhir+ndjson) is offered.")
    try:
        export = exports.bulk_export_start(
            clinic=caller.clinic,
            recipient=caller.recipient,
            purpose=caller.purpose,
            request_url=request.build_absolute_uri(),
            client_label=caller.label,
            resource_types=exports.resource_types_parse(request.GET.get("_type", "")),
        )
    except ClinicalRuleError as refused:
        return outcome(400, "invalid", refused.message)
    response = outcome(202, "informational", "The export has started.", severity="information")
    response["Content-Location"] = request.build_absolute_uri(
        reverse("fhir:export_status", args=[export.pk])
    )
    return response


def _export_of(caller: Caller, export_id: int) -> BulkExport:
    """The export if this caller started it: the outside system that asked, or an admin of its
    clinic for one started from the Exports page. 404 otherwise, and once cancelled or expired."""
    exports_of = BulkExport.objects.none()
    if isinstance(caller, OutsideCaller):
        exports_of = BulkExport.objects.filter(
            clinic=caller.clinic, requested_by_client=caller.label
        )
    elif isinstance(caller, StaffCaller) and caller.is_admin and caller.clinic is not None:
        exports_of = BulkExport.objects.filter(clinic=caller.clinic, requested_by_client="")
    gone = (BulkExport.Status.CANCELLED, BulkExport.Status.EXPIRED)
    export = exports_of.exclude(status__in=gone).filter(pk=export_id).first()
    if export is None:
        who = caller.user if isinstance(caller, PatientCaller | StaffCaller) else None
        audit_denied(user=who, what="bulkexport", export_asked=export_id)
        raise Http404("No such export")
    return export


def manifest(request: HttpRequest, export: BulkExport) -> dict[str, Any]:
    """The Bulk Data completion manifest of a finished export."""
    return {
        "transactionTime": export.created_at.isoformat(),
        "request": export.request_url,
        "requiresAccessToken": True,
        "output": [
            {
                "type": entry["type"],
                "url": request.build_absolute_uri(
                    reverse("fhir:export_file", args=[export.pk, entry["type"]])
                ),
                "count": entry["count"],
            }
            for entry in export.files
        ],
        "error": [],
    }


@fhir_endpoint("GET", "DELETE")
def export_status(request: HttpRequest, caller: Caller, export_id: int) -> HttpResponseBase:
    """``GET``: 202 with ``X-Progress`` while it runs, 200 with the manifest when done.
    ``DELETE``: cancel it and delete its files (an outside system; the page cancels its own)."""
    export = _export_of(caller, export_id)
    if request.method == "DELETE":
        if not isinstance(caller, OutsideCaller):
            return outcome(403, "forbidden", "Cancel it from the clinic's Exports page.")
        exports.bulk_export_cancel(export=export, by=None)
        return outcome(202, "informational", "The export is cancelled.", severity="information")
    if export.status == BulkExport.Status.FAILED:
        return outcome(500, "exception", f"The export failed. {export.error} Start a new one.")
    if export.is_open:
        response = HttpResponse(status=202)
        response["X-Progress"] = (
            f"{export.patients_done} of {export.patients_total} patients"
            if export.status == BulkExport.Status.RUNNING
            else "Waiting to start"
        )
        response["Retry-After"] = "5"
        response["Cache-Control"] = "no-store"
        return response
    response = HttpResponse(json.dumps(manifest(request, export)), content_type="application/json")
    response["Cache-Control"] = "no-store"
    if export.expires_at is not None:
        response["Expires"] = export.expires_at.strftime("%a, %d %b %Y %H:%M:%S GMT")
    return response


@fhir_endpoint("GET")
def export_file(
    request: HttpRequest, caller: Caller, export_id: int, resource_type: str
) -> HttpResponseBase:
    """One NDJSON file of a finished export, to whoever started it."""
    export = _export_of(caller, export_id)
    path = exports.export_file(export, resource_type)
    if path is None or not path.is_file():
        raise Http404("No such file")
    exports.export_file_served(
        export=export,
        resource_type=resource_type,
        by=caller.user if isinstance(caller, StaffCaller) else None,
        client=caller.label if isinstance(caller, OutsideCaller) else "",
    )
    response = FileResponse(path.open("rb"), content_type=FHIR_NDJSON)
    response["Cache-Control"] = "no-store"
    response["Content-Disposition"] = f'attachment; filename="{resource_type}.ndjson"'
    return response
