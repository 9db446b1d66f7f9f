"""The patient's wallet card: "I take naltrexone, an opioid blocker", as a PDF to print or save.

One US Letter page with the card's front and back side by side, to cut out along the solid line
and fold on the dashed one. A single page prints at true size on any home printer (a page the
size of a card is scaled to fill the paper by most print dialogs) and needs no duplex printing;
on a phone the PDF shows both sides at once.

The card's facts come from docs/clinical-sources.md "Pain, surgery, emergencies" (sources REVIA, VIVITROL,
ASAM2015), printed small on the card. The PDF is made from a template with no outside resources:
WeasyPrint may fetch nothing (no network, no files), whatever a name or a clinic field contains.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_record
from naltrack.care import selectors
from naltrack.care.models import Injection, Patient
from naltrack.clinical.formulary import XR_DOSE_MG
from naltrack.clinical.vocabulary import ORAL, XR_INJECTION

TEMPLATE = "patient/wallet_card.html"
FILENAME = "naltrexone-wallet-card.pdf"

FORMS = {
    ORAL: "Tablets, taken by mouth",
    XR_INJECTION: f"Monthly injection, {XR_DOSE_MG} mg",
}


@dataclasses.dataclass(frozen=True)
class WalletCard:
    patient: Patient
    today: dt.date
    form: str
    on_injection: bool
    last_injection: Injection | None
    stopped_on: dt.date | None


def wallet_card_data(*, patient: Patient, today: dt.date) -> WalletCard:
    """What the card says, from what the patient is on today (``selectors.treatment_now``)."""
    treatment = selectors.treatment_now(patient=patient, today=today)
    regimen = treatment.regimen
    return WalletCard(
        patient=patient,
        today=today,
        form=FORMS.get(regimen.formulation, "") if regimen else "",
        on_injection=treatment.is_injection,
        last_injection=treatment.last_injection,
        stopped_on=treatment.stopped_on,
    )


def _fetch_nothing() -> URLFetcher:
    """A fetcher that allows no protocol at all: the card is built from the template alone."""
    return URLFetcher(allowed_protocols=frozenset(), fail_on_errors=True)


def wallet_card_pdf(*, patient: Patient, today: dt.date) -> bytes:
    card = wallet_card_data(patient=patient, today=today)
    html = render_to_string(TEMPLATE, {"card": card, "patient": patient, "clinic": patient.clinic})
    pdf: bytes = HTML(string=html, url_fetcher=_fetch_nothing()).write_pdf()
    return pdf


def wallet_card_response(request: HttpRequest, patient: Patient) -> HttpResponse:
    """The card as a download (the patient's own, or a copy staff print), audited as an export."""
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
