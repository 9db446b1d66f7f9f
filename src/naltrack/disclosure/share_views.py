"""The pages that hand a record out: "Share the record" and the emergency disclosure on the chart,
and "My record" in the patient's pages.

Each finds the patient through ``care.selectors`` (scoped and audited: another clinic's id
answers 404) and calls one service of ``disclosure.sharing``, which asks the gate. A file goes
out only as the answer to the POST that passed the gate, never from a URL that could be opened
again, and is not kept by any cache.
"""

from __future__ import annotations

import base64

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from naltrack.accounts.access import current_user, patient_required, staff_required
from naltrack.care import selectors as care
from naltrack.care.models import Patient
from naltrack.disclosure import sharing
from naltrack.disclosure.coverage import Recipient, consent_is_active
from naltrack.disclosure.gate import NotCovered
from naltrack.disclosure.models import Consent
from naltrack.disclosure.selectors import consents_of
from naltrack.disclosure.share_forms import EmergencyForm, OwnCopyForm, ShareForm
from naltrack.web.views import get_and_post, posted, submitted


def _download(shared: sharing.RecordFile) -> HttpResponse:
    response = HttpResponse(shared.content, content_type=shared.content_type)
    response["Content-Disposition"] = f'attachment; filename="{shared.filename}"'
    response["Cache-Control"] = "no-store"
    return response


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    return response


@staff_required
@get_and_post
def chart_share(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = care.patient_get(user=request.user, patient_id=patient_id)
    form = ShareForm(posted(request))
    refusal = ""
    try:
        shared = submitted(
            form,
            lambda data: sharing.record_share(
                by=current_user(request),
                patient=patient,
                recipient=Recipient(data["recipient_name"], data["recipient_role"]),
                purpose=data["purpose"],
                fmt=data["fmt"],
                categories=form.wanted(),
            ),
        )
    except NotCovered as refused:
        shared, refusal = None, refused.message
    if shared:
        return _download(shared)
    return render(
        request,
        "disclosure/chart_share.html",
        {
            "patient": patient,
            "form": form,
            "title": "Share the record",
            "submit": "Share",
            "refusal": refusal,
            "consents_in_force": _in_force(request, patient) if refusal else [],
        },
    )


def _in_force(request: HttpRequest, patient: Patient) -> list[Consent]:
    return [c for c in consents_of(user=request.user, patient=patient) if consent_is_active(c)]


@staff_required
@get_and_post
def chart_share_emergency(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = care.patient_get(user=request.user, patient_id=patient_id)
    form = EmergencyForm(posted(request))
    done = submitted(
        form,
        lambda data: sharing.record_share_in_emergency(
            by=current_user(request),
            patient=patient,
            recipient_name=data["recipient_name"],
            recipient_affiliation=data["recipient_affiliation"],
            nature=data["nature"],
            categories=data["categories"],
            as_pdf=data["how"] == sharing.PDF,
        ),
    )
    if not done:
        return render(
            request,
            "disclosure/chart_share_emergency.html",
            {
                "patient": patient,
                "form": form,
                "title": "Medical emergency — without consent (42 CFR 2.51)",
                "submit": "Record the disclosure",
            },
        )
    disclosure, shared = done
    # The PDF travels inside this answer (a data: link to save), so the confirmation shows
    # and no address is left from which the record could be fetched again.
    pdf_link = (
        "data:application/pdf;base64," + base64.b64encode(shared.content).decode() if shared else ""
    )
    return _no_store(
        render(
            request,
            "disclosure/chart_share_emergency_done.html",
            {
                "patient": patient,
                "disclosure": disclosure,
                "pdf_link": pdf_link,
                "filename": shared.filename if shared else "",
            },
        )
    )


@patient_required
@get_and_post
def my_record(request: HttpRequest) -> HttpResponse:
    patient = care.patient_own(user=request.user)
    form = OwnCopyForm(posted(request))
    shared = submitted(
        form,
        lambda data: sharing.record_copy_for_patient(
            by=current_user(request), patient=patient, fmt=data["fmt"]
        ),
    )
    if shared:
        return _download(shared)
    return render(request, "disclosure/my_record.html", {"patient": patient, "form": form})
