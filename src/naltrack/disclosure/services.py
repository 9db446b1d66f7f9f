"""Recording, and withdrawing, a patient's consent to disclose their record (42 CFR §2.31).

Two ways to sign: the patient signs electronically in their own pages (``consent_sign``), or a
clinician records a paper form the patient signed, with its scan (``consent_attest``). Either
way the consent holds the same elements, checked here so no door can store an incomplete one. A
refusal is a ``ClinicalRuleError`` on the field it concerns, which the forms show.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Final

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_change
from naltrack.care.dates import DateRange, since_birth
from naltrack.care.errors import ClinicalRuleError
from naltrack.care.models import Patient
from naltrack.disclosure.models import Consent

# source: NALTRACK — a consent runs three years at most before the patient is asked again; a
# later date is more likely a mistyped year than a wish.
LONGEST_CONSENT_DAYS: Final = 3 * 365
# source: NALTRACK — a phone photo or a scanned page fits; a larger file is not a consent form.
SCAN_MAX_BYTES: Final = 10 * 1024 * 1024
# What a scan may be, known by its first bytes (a name or a browser's content type can lie).
SCAN_SIGNATURES: Final = {b"%PDF-": "pdf", b"\xff\xd8\xff": "jpeg", b"\x89PNG\r\n\x1a\n": "png"}
# source: 42 CFR 2.31(a)(4)(i) — the rule's own example of a general designation
GENERAL_DESIGNATION: Final = (
    "my treating providers, health plans, third-party payers, and people helping to operate "
    "this program"
)


@dataclass(frozen=True)
class ConsentTerms:
    """What the patient agrees to: every element of §2.31 but the signature."""

    recipient_kind: str
    recipient_name: str
    purposes: list[str]
    recipient_roles: list[str] = field(default_factory=list)
    purpose_other: str = ""
    all_records: bool = False
    categories: list[str] = field(default_factory=list)
    expires_on: dt.date | None = None
    expiry_event: str = ""


def terms_from(data: dict[str, Any]) -> ConsentTerms:
    """The terms among a form's cleaned data (the form's other fields are the signature's)."""
    names = ConsentTerms.__dataclass_fields__
    return ConsentTerms(**{k: v for k, v in data.items() if k in names})


def expiry_dates(signed_on: dt.date) -> DateRange:
    return DateRange(
        "The day the consent ends",
        signed_on,
        "the day it is signed",
        signed_on + dt.timedelta(days=LONGEST_CONSENT_DAYS),
        "three years later, the longest a consent runs here",
    )


def _check_terms(terms: ConsentTerms, *, signed_on: dt.date) -> None:
    """Refuse a consent that lacks an element §2.31(a) requires, on the field that lacks it."""
    if terms.recipient_kind not in Consent.RecipientKind.values:
        raise ClinicalRuleError("recipient_kind", "Choose who may receive the records.")
    if not terms.recipient_name.strip():
        raise ClinicalRuleError("recipient_name", "Name who may receive the records.")
    if not terms.purposes or not set(terms.purposes) <= set(Consent.Purpose.values):
        raise ClinicalRuleError("purposes", "Choose at least one purpose.")
    if Consent.Purpose.OTHER in terms.purposes and not terms.purpose_other.strip():
        raise ClinicalRuleError("purpose_other", "Describe the other purpose.")
    if terms.recipient_kind == Consent.RecipientKind.GENERAL_TPO:
        # source: 42 CFR 2.31(a)(4)(i) — a general designation only for treatment, payment and
        # health care operations
        if not set(terms.purposes) <= Consent.TPO_PURPOSES:
            raise ClinicalRuleError(
                "purposes",
                "A consent for your treating providers and health plans can only be for "
                "treatment, payment or health care operations. For anything else, name the "
                "person or organisation.",
            )
        general = set(Consent.Role.values) - {Consent.Role.OTHER}
        if not terms.recipient_roles or not set(terms.recipient_roles) <= general:
            raise ClinicalRuleError("recipient_roles", "Choose who the consent is for.")
    elif terms.recipient_roles:
        raise ClinicalRuleError(
            "recipient_roles", "A consent for a named recipient names no other group."
        )
    # source: 42 CFR 2.31(a)(3)
    if not terms.all_records and (
        not terms.categories or not set(terms.categories) <= set(Consent.Category.values)
    ):
        raise ClinicalRuleError(
            "categories", "Choose which information may be shared, or all of it."
        )
    # source: 42 CFR 2.31(a)(7)
    if terms.expires_on is None and not terms.expiry_event.strip():
        raise ClinicalRuleError(
            "expires_on", "Give a date when the consent ends, or an event that ends it."
        )
    if terms.expires_on is not None:
        expiry_dates(signed_on).check(terms.expires_on, "expires_on")


def _create(
    *, patient: Patient, terms: ConsentTerms, by: Any, now: dt.datetime, **signature: Any
) -> Consent:
    consent = Consent(
        patient=patient,
        discloser_name=patient.clinic.name,
        recipient_kind=terms.recipient_kind,
        recipient_name=terms.recipient_name.strip(),
        recipient_roles=sorted(set(terms.recipient_roles)),
        purposes=[p for p in Consent.Purpose.values if p in terms.purposes],
        purpose_other=terms.purpose_other.strip()
        if Consent.Purpose.OTHER in terms.purposes
        else "",
        all_records=terms.all_records,
        categories=[] if terms.all_records else sorted(set(terms.categories)),
        expires_on=terms.expires_on,
        expiry_event=terms.expiry_event.strip(),
        signed_by=by,
        signed_at=now,
        recorded_by=by,
        **signature,
    )
    consent.save()
    audit_change(
        AuditEvent.Action.CREATE, consent, by, signature=consent.signature_kind, consent=consent.pk
    )
    return consent


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


@transaction.atomic
def consent_sign(
    *,
    patient: Patient,
    terms: ConsentTerms,
    signed_name: str,
    by: Any,
    now: dt.datetime | None = None,
) -> Consent:
    """The patient signs a consent in their own pages by typing their full name
    (source: 42 CFR 2.31(a)(8) — an electronic signature)."""
    if by is None or patient.user_id is None or by.pk != patient.user_id:
        raise ClinicalRuleError("", "Only the patient can sign their own consent.")
    now = now or timezone.now()
    signed_on = timezone.localtime(now).date()
    _check_terms(terms, signed_on=signed_on)
    if not _same_name(signed_name, patient.full_name):
        raise ClinicalRuleError(
            "signed_name",
            f"To sign, type your full name as your clinic has it: {patient.full_name}.",
        )
    return _create(
        patient=patient,
        terms=terms,
        by=by,
        now=now,
        signature_kind=Consent.Signature.ELECTRONIC,
        signed_name=patient.full_name,
        signed_on=signed_on,
    )


def is_staff_of(user: Any, patient: Patient) -> bool:
    """An active staff member of the patient's clinic."""
    membership = getattr(user, "clinic_membership", None)
    return bool(
        membership is not None
        and membership.clinic_id == patient.clinic_id
        and user.is_clinic_staff
        and user.is_active
    )


def _scan_kind(scan: UploadedFile) -> str:
    """The scan's kind ("pdf", "jpeg" or "png"), read from its first bytes."""
    if scan.size is None or scan.size > SCAN_MAX_BYTES:
        raise ClinicalRuleError(
            "scan", f"The scan is too large: attach a file of {SCAN_MAX_BYTES // 2**20} MB or less."
        )
    scan.seek(0)
    head = scan.read(8)
    scan.seek(0)
    for magic, kind in SCAN_SIGNATURES.items():
        if head.startswith(magic):
            return kind
    raise ClinicalRuleError("scan", "Attach the scan as a PDF, JPEG or PNG file.")


@transaction.atomic
def consent_attest(
    *,
    patient: Patient,
    terms: ConsentTerms,
    signed_name: str,
    signed_on: dt.date,
    scan: UploadedFile | None,
    by: Any,
    now: dt.datetime | None = None,
) -> Consent:
    """A clinician of the patient's clinic records a paper consent the patient signed, with its
    scan: the clinician attests that the form carries the patient's signature and date."""
    if not is_staff_of(by, patient):
        raise ClinicalRuleError(
            "", "Only staff of the patient's clinic can record a paper consent."
        )
    since_birth(patient, "The day the form was signed").check(signed_on, "signed_on")
    _check_terms(terms, signed_on=signed_on)
    if not signed_name.strip():
        raise ClinicalRuleError("signed_name", "Enter the name signed on the form.")
    if scan is None:
        raise ClinicalRuleError("scan", "Attach the scan of the signed form.")
    # The kind comes from what the file is, never from what the upload called it.
    kind = _scan_kind(scan)
    return _create(
        patient=patient,
        terms=terms,
        by=by,
        now=now or timezone.now(),
        signature_kind=Consent.Signature.PAPER,
        signed_name=signed_name.strip(),
        signed_on=signed_on,
        scan=scan.read(),
        scan_kind=kind,
    )


@transaction.atomic
def consent_revoke(*, consent: Consent, by: Any, now: dt.datetime | None = None) -> Consent:
    """The patient, or staff of the clinic on the patient's word, withdraws a consent. It stops
    every later disclosure at once and cannot be undone (a new consent is signed instead).

    source: 42 CFR 2.31(a)(6) — the patient may revoke at any time."""
    consent = Consent.objects.select_for_update().select_related("patient").get(pk=consent.pk)
    patient = consent.patient
    is_patient = by is not None and patient.user_id is not None and by.pk == patient.user_id
    if not (is_patient or is_staff_of(by, patient)):
        raise ClinicalRuleError("", "Only the patient or their clinic can withdraw this consent.")
    if consent.revoked_at is not None:
        raise ClinicalRuleError("", "This consent was already withdrawn.")
    consent.revoked_at = now or timezone.now()
    consent.revoked_by = by
    consent.save(update_fields=["revoked_at", "revoked_by"])
    audit_change(AuditEvent.Action.UPDATE, consent, by, revoked=True, consent=consent.pk)
    return consent
