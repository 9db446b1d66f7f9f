"""The patient's wallet card for emergency staff, as a PDF to print or save: what is true today.

On naltrexone, it says so, with the last dose or injection and when the blockade would wear off,
and the emergency pain advice. After a stop, it says the patient stopped, when the blockade
ended, that their opioid tolerance is LOW and to use usual or lower opioid doses. A patient who
never started gets no card: a card saying "I take naltrexone" would send a clinician to push
opioid doses into someone with no blockade and no tolerance. Every card mentions naloxone.

One US Letter page with the card's front and back side by side, to cut out along the solid line
and fold on the dashed one. A single page prints at true size on any home printer (a page the
size of a card is scaled to fill the paper by most print dialogs) and needs no duplex printing;
on a phone the PDF shows both sides at once.

The card's facts come from REVIA, VIVITROL (pain, emergencies, overdose after stopping, naloxone)
and ASAM2015 (surgery) — docs/clinical-sources.md — printed small on the card. The PDF is made from a template with no outside resources:
WeasyPrint may fetch nothing (no network, no files), whatever a name or a clinic field contains.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_record
from naltrack.care import selectors
from naltrack.care.models import DoseEvent, Episode, Patient
from naltrack.clinical.formulary import XR_BLOCKADE_DAYS, XR_DOSE_MG, oral_blockade_days
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
    on_naltrexone: bool  # otherwise: stopped, and tolerance is low
    form: str
    last_dose: dt.date | None  # on tablets: the last dose taken; stopped: the course's last dose
    last_injection: dt.date | None
    blockade_until: dt.date | None  # when the blockade wears off (or wore off) after that dose

    @property
    def blockade_over(self) -> bool:
        return self.blockade_until is not None and self.blockade_until <= self.today


def _stopped_episode(patient: Patient, treatment: selectors.Treatment) -> Episode | None:
    """The course that ended most recently (a patient back in screening stopped one before)."""
    if treatment.stopped:
        return treatment.episode
    return (
        patient.episodes.filter(state=Episode.State.STOPPED).order_by("-stopped_on", "-id").first()
    )


def wallet_card_exists(*, patient: Patient, treatment: selectors.Treatment) -> bool:
    """Whether the patient has a card to carry: on naltrexone now, or stopped a course."""
    return (treatment.on_naltrexone and treatment.regimen is not None) or _stopped_episode(
        patient, treatment
    ) is not None


def wallet_card_data(*, patient: Patient, today: dt.date) -> WalletCard | None:
    """What the card says today (None: the patient never took naltrexone, so no card)."""
    treatment = selectors.treatment_now(patient=patient, today=today)
    regimen = treatment.regimen
    if treatment.on_naltrexone and regimen is not None:
        last_dose = last_injection = blockade_until = None
        if treatment.is_injection and treatment.last_injection is not None:
            last_injection = treatment.last_injection.given_on
            # source: VIVITROL — blockade counted as ended 28 days after an injection
            blockade_until = last_injection + dt.timedelta(days=XR_BLOCKADE_DAYS)
        elif treatment.is_oral:
            taken = (
                DoseEvent.objects.filter(
                    regimen=regimen, status=DoseEvent.Status.TAKEN, day__lte=today
                )
                .order_by("-day")
                .first()
            )
            if taken is not None:
                last_dose = taken.day
                # source: REVIA — 1 day after 50 mg, 2 after 100 mg, 3 after 150 mg
                blockade_until = taken.day + dt.timedelta(days=oral_blockade_days(taken.dose_mg))
        return WalletCard(
            patient=patient,
            today=today,
            on_naltrexone=True,
            form=FORMS.get(regimen.formulation, ""),
            last_dose=last_dose,
            last_injection=last_injection,
            blockade_until=blockade_until,
        )
    stopped = _stopped_episode(patient, treatment)
    if stopped is None:
        return None
    plan = stopped.taper_plans.order_by("-recorded_at", "-id").first()
    return WalletCard(
        patient=patient,
        today=today,
        on_naltrexone=False,
        form="",
        last_dose=plan.last_dose if plan else None,
        last_injection=None,
        blockade_until=stopped.stopped_on,
    )


def _fetch_nothing() -> URLFetcher:
    """A fetcher that allows no protocol at all: the card is built from the template alone."""
    return URLFetcher(allowed_protocols=frozenset(), fail_on_errors=True)


def wallet_card_pdf(*, card: WalletCard) -> bytes:
    patient = card.patient
    html = render_to_string(TEMPLATE, {"card": card, "patient": patient, "clinic": patient.clinic})
    pdf: bytes = HTML(string=html, url_fetcher=_fetch_nothing()).write_pdf()
    return pdf


def wallet_card_response(request: HttpRequest, patient: Patient) -> HttpResponse:
    """The card as a download (the patient's own, or a copy staff print), audited as an export;
    for a patient who never took naltrexone, a page that says why there is no card."""
    card = wallet_card_data(patient=patient, today=timezone.localdate())
    if card is None:
        return render(request, "patient/no_wallet_card.html", {"patient": patient})
    pdf = wallet_card_pdf(card=card)
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
