"""The printed record: what the gate released of a patient's record, as a PDF or a CSV.

Both forms hold only ``Release.categories`` (``record_sections``) and carry ``Release.notice``:
the PDF states it in full on its first page and the short statement of 42 CFR 2.32(a)(2) at the
foot of every page, since a page may be copied or handed on alone; the CSV opens with it as
``# `` lines. A referral letter is the same PDF under a short cover naming the recipient and
the clinician.

The PDF is made with WeasyPrint from a template that may fetch nothing (no network, no files),
like the consent PDF, whatever a name or a note in the record contains.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from naltrack.care.models import Patient
from naltrack.disclosure import notice
from naltrack.disclosure.gate import Release
from naltrack.disclosure.models import Disclosure
from naltrack.disclosure.record_sections import record_sections

TEMPLATE = "disclosure/record_pdf.html"
CSV_COLUMNS = ["date", "category", "what", "value", "notes"]


@dataclass(frozen=True)
class Referral:
    """The cover of a referral letter: to whom, and which clinician refers."""

    recipient: str
    clinician: str


def footer_notice(release: Release) -> str:
    """What the foot of every page says."""
    if release.disclosure.basis == Disclosure.Basis.PATIENT:
        return "The patient's own copy of their record."
    # source: 42 CFR 2.32(a)(2) (2024) — statement 2 where there is little room
    return notice.PART2_NOTICE_SHORT


def record_html(*, patient: Patient, release: Release, referral: Referral | None = None) -> str:
    return render_to_string(
        TEMPLATE,
        {
            "patient": patient,
            "clinic": patient.clinic,
            "disclosure": release.disclosure,
            "to_patient": release.disclosure.basis == Disclosure.Basis.PATIENT,
            "notice_paragraphs": release.notice.split("\n\n"),
            "footer": footer_notice(release),
            "sections": record_sections(patient, release.categories),
            "referral": referral,
            "made_at": timezone.localtime(release.disclosure.recorded_at),
        },
    )


def record_pdf(*, patient: Patient, release: Release, referral: Referral | None = None) -> bytes:
    fetcher = URLFetcher(allowed_protocols=frozenset(), fail_on_errors=True)
    html = record_html(patient=patient, release=release, referral=referral)
    pdf: bytes = HTML(string=html, url_fetcher=fetcher).write_pdf()
    return pdf


def _cell(value: Any) -> str:
    """A spreadsheet runs a cell that starts with = + - @ as a formula: such text is quoted."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _comment(text: str) -> str:
    # One line each, and no double quote that a CSV reader would take for the start of a cell.
    return "# " + " ".join(text.split()).replace('"', "'") + "\r\n"


def record_csv(*, patient: Patient, release: Release) -> str:
    """One row per entry (date, category, what, value, notes), after the notice as ``# `` lines:
    the CSV is a disclosure too, and must carry it."""
    out = io.StringIO()
    for paragraph in release.notice.split("\n\n"):
        out.write(_comment(paragraph))
    out.write(
        _comment(
            f"Record of {patient.full_name}, born {patient.date_of_birth:%Y-%m-%d}, from "
            f"{patient.clinic.name}; disclosure {release.disclosure.pk}, made "
            f"{timezone.localtime(release.disclosure.recorded_at):%Y-%m-%d %H:%M}."
        )
    )
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for section in record_sections(patient, release.categories):
        for entry in section.entries:
            writer.writerow(
                [
                    entry.day.isoformat(),
                    section.category,
                    _cell(entry.what),
                    _cell(entry.value),
                    _cell(entry.notes),
                ]
            )
    return out.getvalue()
