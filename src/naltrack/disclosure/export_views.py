"""The clinic's Exports page (/clinic/exports/): a clinic admin exports records for one outside
recipient and purpose — only the patients whose consent covers it — and downloads the files.

The export runs in the background (``disclosure.exports``); its page polls for progress with
htmx and then links the files, which the FHIR file endpoint serves to the admins of the clinic.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from naltrack.accounts.access import HtmxHttpRequest, admin_required, current_clinic, current_user
from naltrack.audit.services import audit_denied
from naltrack.disclosure import exports
from naltrack.disclosure.coverage import Recipient
from naltrack.disclosure.forms import BulkExportForm
from naltrack.disclosure.models import BulkExport
from naltrack.web.views import get_and_post, posted, submitted

RECENT = 20


def _page_export(request: HttpRequest, export_id: int) -> BulkExport:
    """An export of the admin's clinic started from this page (404 for any other)."""
    export = BulkExport.objects.filter(
        clinic=current_clinic(request), requested_by_client="", pk=export_id
    ).first()
    if export is None:
        audit_denied(user=request.user, what="bulkexport", export_asked=export_id)
        raise Http404("No such export")
    return export


@admin_required
@get_and_post
def clinic_exports(request: HttpRequest) -> HttpResponse:
    clinic = current_clinic(request)
    form = BulkExportForm(posted(request))
    export = submitted(
        form,
        lambda data: exports.bulk_export_start(
            clinic=clinic,
            recipient=Recipient(data["recipient_name"], data["recipient_role"]),
            purpose=data["purpose"],
            request_url=request.build_absolute_uri(reverse("fhir:export")),
            by=current_user(request),
        ),
    )
    if export is not None:
        messages.success(request, "The export has started. This page shows when it is ready.")
        return redirect("disclosure:clinic_export", export.pk)
    recent = BulkExport.objects.filter(clinic=clinic, requested_by_client="")[:RECENT]
    return render(
        request,
        "disclosure/clinic_exports.html",
        {"clinic": clinic, "form": form, "exports": recent},
    )


@admin_required
@require_GET
def clinic_export(request: HtmxHttpRequest, export_id: int) -> HttpResponse:
    export = _page_export(request, export_id)
    template = (
        "disclosure/_export_progress.html" if request.htmx else "disclosure/clinic_export.html"
    )
    files = [
        {**entry, "url": reverse("fhir:export_file", args=[export.pk, entry["type"]])}
        for entry in export.files
    ]
    return render(request, template, {"export": export, "files": files})


@admin_required
@require_POST
def clinic_export_cancel(request: HttpRequest, export_id: int) -> HttpResponse:
    export = _page_export(request, export_id)
    exports.bulk_export_cancel(export=export, by=current_user(request))
    messages.success(request, "The export is cancelled and its files are deleted.")
    return redirect("disclosure:clinic_exports")
