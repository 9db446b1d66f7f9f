"""A consent as a PDF to print or keep: every element of 42 CFR §2.31(a), in plain words.

Made with WeasyPrint from a template that loads nothing from outside (no network, no files),
like the wallet card (``patient.wallet_card``); served only through the access-checked views.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_record
from naltrack.disclosure.models import Consent
from naltrack.disclosure.selectors import consent_state

TEMPLATE = "disclosure/consent_pdf.html"


def consent_html(consent: Consent) -> str:
    return render_to_string(
        TEMPLATE,
        {"consent": consent, "patient": consent.patient, "state": consent_state(consent)},
    )


def consent_pdf(consent: Consent) -> bytes:
    fetcher = URLFetcher(allowed_protocols=frozenset(), fail_on_errors=True)
    pdf: bytes = HTML(string=consent_html(consent), url_fetcher=fetcher).write_pdf()
    return pdf


def consent_pdf_response(request: HttpRequest, consent: Consent) -> HttpResponse:
    """The PDF as a download, audited as an export of the patient's record."""
    pdf = consent_pdf(consent)
    audit_record(request=request, action=AuditEvent.Action.EXPORT, obj=consent)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="consent-{consent.pk}.pdf"'
    response["Cache-Control"] = "no-store"
    return response
