"""Handing a record out from the pages: ask the gate, then make the file of what it released.

Three ways out, one per basis of the gate: shared under a consent (the chart's "Share the
record"), disclosed in a medical emergency, and the patient's own copy. Each asks
``disclosure.gate`` first (which records the disclosure and audits it) and builds the file only
from the ``Release`` it answers, so no file holds a category the gate did not name or lacks its
notice.

The file is built after the gate has recorded the disclosure, outside its transaction: the gate
keeps a refusal in the audit trail, and a disclosure recorded for a file that then failed to
build errs on the side of the patient's accounting.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final

from naltrack.care.models import Patient
from naltrack.disclosure import gate
from naltrack.disclosure.coverage import Recipient
from naltrack.disclosure.fhir.bundle import patient_everything
from naltrack.disclosure.models import Disclosure
from naltrack.disclosure.record_pdf import Referral, record_csv, record_pdf

PDF: Final = "pdf"
REFERRAL: Final = "referral"
FHIR: Final = "fhir_bundle"
CSV: Final = "csv"

# What the chart's share form offers, and the disclosure form each is recorded as.
SHARE_FORMATS: Final = [
    (PDF, "Printed record (PDF)"),
    (REFERRAL, "Referral letter (PDF)"),
    (FHIR, "FHIR record file (.json), for another clinic's system"),
    (CSV, "Spreadsheet (CSV)"),
]
_RECORDED_AS: Final = {
    PDF: Disclosure.Form.PDF,
    REFERRAL: Disclosure.Form.PDF,
    FHIR: Disclosure.Form.FHIR_BUNDLE,
    CSV: Disclosure.Form.CSV,
}


@dataclass(frozen=True)
class RecordFile:
    content: bytes
    content_type: str
    filename: str


def _record_file(
    patient: Patient, release: gate.Release, fmt: str, *, name: str, referral: Referral | None
) -> RecordFile:
    # The file is named by the disclosure, never by the patient: a filename shows in download
    # lists, mail attachments and shared folders.
    number = release.disclosure.pk
    if fmt == FHIR:
        bundle = patient_everything(patient, release)
        return RecordFile(
            bundle.model_dump_json(exclude_none=True, by_alias=True, indent=2).encode(),
            "application/fhir+json",
            f"{name}-{number}.json",
        )
    if fmt == CSV:
        return RecordFile(
            record_csv(patient=patient, release=release).encode(),
            "text/csv; charset=utf-8",
            f"{name}-{number}.csv",
        )
    pdf = record_pdf(patient=patient, release=release, referral=referral)
    return RecordFile(pdf, "application/pdf", f"{name}-{number}.pdf")


def record_share(
    *,
    by: Any,
    patient: Patient,
    recipient: Recipient,
    purpose: str,
    fmt: str,
    categories: Iterable[str] | None,
) -> RecordFile:
    """The record file for ``recipient``, holding what the patient's consent lets go (all it
    allows when ``categories`` is None); ``gate.NotCovered`` when no consent in force does."""
    referral = fmt == REFERRAL
    release = gate.release(
        by=by,
        patient=patient,
        recipient=recipient,
        purpose=purpose,
        form=_RECORDED_AS[fmt],
        categories=categories,
        what="Referral letter" if referral else "",
    )
    cover = Referral(recipient=recipient.name, clinician=str(by)) if referral else None
    return _record_file(
        patient, release, fmt, name="referral" if referral else "record", referral=cover
    )


def record_share_in_emergency(
    *,
    by: Any,
    patient: Patient,
    recipient_name: str,
    recipient_affiliation: str,
    nature: str,
    categories: Iterable[str],
    as_pdf: bool,
) -> tuple[Disclosure, RecordFile | None]:
    """Record a disclosure in a medical emergency (42 CFR 2.51), told by phone or in person, or
    with the PDF of what it released to hand over."""
    release = gate.release_in_emergency(
        by=by,
        patient=patient,
        recipient_name=recipient_name,
        recipient_affiliation=recipient_affiliation,
        nature=nature,
        categories=categories,
        form=Disclosure.Form.PDF if as_pdf else Disclosure.Form.SPOKEN,
    )
    if not as_pdf:
        return release.disclosure, None
    return release.disclosure, _record_file(
        patient, release, PDF, name="emergency-record", referral=None
    )


def record_copy_for_patient(*, by: Any, patient: Patient, fmt: str) -> RecordFile:
    """The patient's own copy of their whole record, as a PDF or a FHIR record file."""
    release = gate.release_to_patient(by=by, patient=patient, form=_RECORDED_AS[fmt])
    return _record_file(patient, release, fmt, name="my-record", referral=None)
