"""Consent pages: the patient's own (see, sign, withdraw, print) and the chart's (list, record a
paper form, withdraw, view the scan, print); and the accounting of disclosures on both sides.

Every page finds the patient through ``care.selectors`` and the consent through
``disclosure.selectors`` (scoped, audited): an id of another patient or clinic answers 404.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from naltrack.accounts.access import current_user, patient_required, staff_required
from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_record
from naltrack.care import selectors as care
from naltrack.care.errors import ClinicalRuleError
from naltrack.care.models import Patient
from naltrack.disclosure import services
from naltrack.disclosure.consent_pdf import consent_pdf_response
from naltrack.disclosure.forms import ConsentSignForm, PaperConsentForm
from naltrack.disclosure.models import Consent
from naltrack.disclosure.selectors import (
    consent_get,
    consent_state,
    consents_of,
    disclosures_of,
)
from naltrack.web.views import get_and_post, posted, submitted

SCAN_TYPES = {
    "pdf": "application/pdf",
    "jpeg": "image/jpeg",
    "png": "image/png",
}


def _listed(consents: list[Consent]) -> list[tuple[Consent, str]]:
    return [(consent, consent_state(consent)) for consent in consents]


def _withdraw(request: HttpRequest, consent: Consent) -> bool:
    """Withdraw on a POST; a refusal (already withdrawn) becomes a message."""
    if request.method != "POST":
        return False
    try:
        services.consent_revoke(consent=consent, by=current_user(request))
    except ClinicalRuleError as error:
        messages.info(request, error.message)
        return True
    messages.success(request, "The consent is withdrawn. Nothing more will be shared under it.")
    return True


# --- the patient's pages ------------------------------------------------------------------------


@patient_required
@require_GET
def my_consents(request: HttpRequest) -> HttpResponse:
    patient = care.patient_own(user=request.user)
    consents = consents_of(user=request.user, patient=patient)
    return render(
        request,
        "disclosure/my_consents.html",
        {"patient": patient, "consents": _listed(consents)},
    )


@patient_required
@get_and_post
def my_consent_new(request: HttpRequest) -> HttpResponse:
    patient = care.patient_own(user=request.user)
    form = ConsentSignForm(posted(request))
    consent = submitted(
        form,
        lambda data: services.consent_sign(
            patient=patient,
            terms=services.terms_from(data),
            signed_name=data["signed_name"],
            by=current_user(request),
        ),
    )
    if consent:
        messages.success(request, "Thank you. Your consent is signed and saved.")
        return redirect("disclosure:my_consents")
    return render(
        request,
        "disclosure/my_consent_new.html",
        {"patient": patient, "form": form, "clinic": patient.clinic},
    )


@patient_required
@get_and_post
def my_consent_withdraw(request: HttpRequest, consent_id: int) -> HttpResponse:
    patient = care.patient_own(user=request.user)
    consent = consent_get(user=request.user, patient=patient, consent_id=consent_id)
    if _withdraw(request, consent):
        return redirect("disclosure:my_consents")
    return render(
        request,
        "disclosure/my_consent_withdraw.html",
        {"patient": patient, "consent": consent, "state": consent_state(consent)},
    )


@patient_required
@require_GET
def my_consent_pdf(request: HttpRequest, consent_id: int) -> HttpResponse:
    patient = care.patient_own(user=request.user)
    return consent_pdf_response(
        request, consent_get(user=request.user, patient=patient, consent_id=consent_id)
    )


# --- the chart's pages --------------------------------------------------------------------------


def _chart_page(request: HttpRequest, patient: Patient, **context: Any) -> HttpResponse:
    consents = consents_of(user=request.user, patient=patient)
    return render(
        request,
        "disclosure/chart_consents.html",
        {"patient": patient, "consents": _listed(consents), **context},
    )


@staff_required
@require_GET
def chart_consents(request: HttpRequest, patient_id: int) -> HttpResponse:
    return _chart_page(request, care.patient_get(user=request.user, patient_id=patient_id))


@staff_required
@get_and_post
def chart_consent_paper(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = care.patient_get(user=request.user, patient_id=patient_id)
    form = PaperConsentForm(posted(request), request.FILES if request.method == "POST" else None)
    consent = submitted(
        form,
        lambda data: services.consent_attest(
            patient=patient,
            terms=services.terms_from(data),
            signed_name=data["signed_name"],
            signed_on=data["signed_on"],
            scan=data["scan"],
            by=current_user(request),
        ),
    )
    if consent:
        messages.success(request, "Paper consent recorded.")
        return redirect("disclosure:chart_consents", patient_id=patient.pk)
    return render(
        request,
        "disclosure/chart_consent_paper.html",
        {
            "patient": patient,
            "form": form,
            "title": "Record a signed paper consent",
            "submit": "Record the consent",
        },
    )


@staff_required
@get_and_post
def chart_consent_withdraw(request: HttpRequest, patient_id: int, consent_id: int) -> HttpResponse:
    patient = care.patient_get(user=request.user, patient_id=patient_id)
    consent = consent_get(user=request.user, patient=patient, consent_id=consent_id)
    if _withdraw(request, consent):
        return redirect("disclosure:chart_consents", patient_id=patient.pk)
    return render(
        request,
        "disclosure/chart_consent_withdraw.html",
        {"patient": patient, "consent": consent, "state": consent_state(consent)},
    )


@staff_required
@require_GET
def chart_consent_scan(request: HttpRequest, patient_id: int, consent_id: int) -> HttpResponse:
    patient = care.patient_get(user=request.user, patient_id=patient_id)
    consent = consent_get(user=request.user, patient=patient, consent_id=consent_id)
    if not consent.scan:
        raise Http404("This consent was signed electronically: there is no scan.")
    audit_record(request=request, action=AuditEvent.Action.READ, obj=consent, detail={"scan": True})
    response = HttpResponse(
        bytes(consent.scan),
        content_type=SCAN_TYPES.get(consent.scan_kind, "application/octet-stream"),
    )
    response["Content-Disposition"] = (
        f'attachment; filename="consent-{consent.pk}-scan.{consent.scan_kind}"'
    )
    response["Cache-Control"] = "no-store"
    return response


@staff_required
@require_GET
def chart_consent_pdf(request: HttpRequest, patient_id: int, consent_id: int) -> HttpResponse:
    patient = care.patient_get(user=request.user, patient_id=patient_id)
    return consent_pdf_response(
        request, consent_get(user=request.user, patient=patient, consent_id=consent_id)
    )


# --- the accounting of disclosures --------------------------------------------------------------


@patient_required
@require_GET
def my_disclosures(request: HttpRequest) -> HttpResponse:
    patient = care.patient_own(user=request.user)
    return render(
        request,
        "disclosure/my_disclosures.html",
        {"patient": patient, "disclosures": disclosures_of(user=request.user, patient=patient)},
    )


@staff_required
@require_GET
def chart_disclosures(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = care.patient_get(user=request.user, patient_id=patient_id)
    return render(
        request,
        "disclosure/chart_disclosures.html",
        {"patient": patient, "disclosures": disclosures_of(user=request.user, patient=patient)},
    )
