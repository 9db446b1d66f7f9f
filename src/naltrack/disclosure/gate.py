"""The one gate every record passes before it leaves the clinic.

Every export — the FHIR record file, the bulk export, the printed record, a CSV, an outside
system's API call — asks here first and sends only what the answer allows:

- ``release``: under a consent. An active consent of the patient must cover the recipient, the
  purpose and every category asked for (``coverage.covers``); the answer names the categories
  that may go out and the §2.32 notice to attach, and the disclosure is recorded.
- ``release_in_emergency``: to medical personnel in a medical emergency, without consent
  (42 CFR 2.51), with what the rule says to record; the clinic's admins are told by email.
- ``release_to_patient``: the patient's own copy (right of access), recorded too, so the
  patient's accounting lists every time their record was handed out.

The consent rows are locked while the answer is given: a withdrawal recorded at the same moment
either happens first (and the disclosure is refused) or after (and the disclosure was made while
the consent held). Nothing here shapes the data: callers filter by ``Release.categories``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.mail import send_mail
from django.db import transaction

from naltrack.accounts.models import Clinic
from naltrack.accounts.selectors import active_admins
from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_change, audit_denied
from naltrack.care.errors import ClinicalRuleError
from naltrack.care.models import Patient
from naltrack.disclosure import notice
from naltrack.disclosure.coverage import Recipient, covers
from naltrack.disclosure.models import Consent, Disclosure
from naltrack.disclosure.services import is_staff_of

ALL_CATEGORIES = frozenset(Consent.Category.values)


class NotCovered(Exception):
    """No consent in force lets this record go to this recipient: nothing may leave."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Release:
    """What the gate allowed: send only ``categories``, with ``notice`` attached."""

    disclosure: Disclosure
    categories: frozenset[str]
    notice: str

    @property
    def consent(self) -> Consent | None:
        return self.disclosure.consent


def _allowed(consent: Consent, wanted: frozenset[str] | None) -> frozenset[str]:
    given = ALL_CATEGORIES if consent.all_records else frozenset(consent.categories)
    return given if wanted is None else given & wanted


def _record(patient: Patient, by: Any, **fields: Any) -> Disclosure:
    disclosure = Disclosure(patient=patient, recorded_by=_person(by), **fields)
    disclosure.categories = sorted(disclosure.categories)
    disclosure.save()
    audit_change(
        AuditEvent.Action.EXPORT,
        disclosure,
        by,
        disclosure=disclosure.pk,
        basis=disclosure.basis,
        form=disclosure.form,
        categories=disclosure.categories,
        recipient=disclosure.recipient_name,
    )
    return disclosure


def _person(by: Any) -> Any:
    return by if by is not None and getattr(by, "is_authenticated", False) else None


def _locked_consents(patients: Iterable[Patient] | Patient) -> list[Consent]:
    ids = [patients.pk] if isinstance(patients, Patient) else [p.pk for p in patients]
    return list(
        Consent.objects.select_for_update()
        .filter(patient_id__in=ids, revoked_at__isnull=True)
        .order_by("-signed_at", "-id")
    )


def _covering(
    consents: list[Consent], recipient: Recipient, purpose: str, wanted: frozenset[str] | None
) -> Consent | None:
    for consent in consents:
        if covers(consent, recipient=recipient, purpose=purpose, categories=wanted or ()):
            return consent
    return None


def release(
    *,
    by: Any,
    patient: Patient,
    recipient: Recipient,
    purpose: str,
    form: str,
    categories: Iterable[str] | None = None,
    what: str = "",
) -> Release:
    """Let ``categories`` of ``patient``'s record go to ``recipient`` for ``purpose`` — all that
    the covering consent allows when ``categories`` is None — or raise ``NotCovered``.

    source: 42 CFR 2.31 (the consent), 2.32 (the notice), 2.33(a) (disclose only as the consent
    allows)."""
    wanted = None if categories is None else frozenset(categories)
    if wanted is not None and not wanted:
        raise NotCovered("Choose at least one kind of information to share.")
    with transaction.atomic():
        consent = _covering(_locked_consents(patient), recipient, purpose, wanted)
        if consent is not None:
            allowed = _allowed(consent, wanted)
            disclosure = _record(
                patient,
                by,
                basis=Disclosure.Basis.CONSENT,
                consent=consent,
                recipient_name=recipient.name,
                recipient_role=recipient.role,
                purpose=purpose,
                categories=list(allowed),
                form=form,
                what=what,
            )
            return Release(disclosure, allowed, _consent_notice(consent))
    # Outside the transaction, so the refusal stays in the trail.
    audit_denied(
        user=by,
        what="disclosure",
        patient_id=patient.pk,
        recipient=recipient.name,
        purpose=purpose,
        categories=sorted(wanted or ()),
    )
    raise NotCovered(
        f"No consent of {patient.full_name} in force lets this information go to "
        f"{recipient.name} for this purpose. Nothing was shared."
    )


def _consent_notice(consent: Consent) -> str:
    return f"{notice.PART2_NOTICE}\n\n{notice.consent_scope(consent)}"


def covered_patients(*, clinic: Clinic, recipient: Recipient, purpose: str) -> list[Patient]:
    """The clinic's patients with a consent in force that lets ``recipient`` have something of
    their record for ``purpose`` — the only patients an outside recipient may learn of."""
    consents = Consent.objects.filter(clinic=clinic, revoked_at__isnull=True).select_related(
        "patient"
    )
    patients = {
        c.patient_id: c.patient
        for c in consents
        if covers(c, recipient=recipient, purpose=purpose, categories=())
    }
    return sorted(patients.values(), key=lambda p: p.pk)


@transaction.atomic
def release_many(
    *,
    by: Any,
    clinic: Clinic,
    recipient: Recipient,
    purpose: str,
    form: str,
    what: str = "",
) -> list[tuple[Patient, Release]]:
    """``release`` for every patient of ``clinic`` whose consent covers the recipient and
    purpose (the bulk export): one locked read of the consents, one disclosure per patient."""
    consents = (
        Consent.objects.select_for_update()
        .filter(clinic=clinic, revoked_at__isnull=True)
        .select_related("patient")
        .order_by("-signed_at", "-id")
    )
    of_patient: dict[int, list[Consent]] = defaultdict(list)
    for consent in consents:
        of_patient[consent.patient_id].append(consent)
    released = []
    for patient_id in sorted(of_patient):
        consent = _covering(of_patient[patient_id], recipient, purpose, None)
        if consent is None:
            continue
        allowed = _allowed(consent, None)
        disclosure = _record(
            consent.patient,
            by,
            basis=Disclosure.Basis.CONSENT,
            consent=consent,
            recipient_name=recipient.name,
            recipient_role=recipient.role,
            purpose=purpose,
            categories=list(allowed),
            form=form,
            what=what,
        )
        released.append((consent.patient, Release(disclosure, allowed, _consent_notice(consent))))
    return released


@transaction.atomic
def release_in_emergency(
    *,
    by: Any,
    patient: Patient,
    recipient_name: str,
    recipient_affiliation: str,
    nature: str,
    form: str,
    categories: Iterable[str] | None = None,
    what: str = "",
) -> Release:
    """Disclose to medical personnel in a bona fide medical emergency, without consent.

    source: 42 CFR 2.51(a) — to the extent necessary to meet the emergency; 2.51(c) — record
    who received it and their facility, who disclosed, the date and time (``recorded_at``), and
    the nature of the emergency. Only staff of the patient's clinic may do it, and the clinic's
    admins are told at once (source: NALTRACK — a disclosure without consent is always looked
    at by a second person)."""
    if not is_staff_of(by, patient):
        raise ClinicalRuleError(
            "", "Only staff of the patient's clinic can disclose in an emergency."
        )
    if not recipient_name.strip():
        raise ClinicalRuleError("recipient_name", "Name the person the record goes to.")
    if not recipient_affiliation.strip():
        raise ClinicalRuleError(
            "recipient_affiliation", "Name the hospital or service they work for."
        )
    if not nature.strip():
        raise ClinicalRuleError("nature", "Describe the emergency.")
    allowed = ALL_CATEGORIES if categories is None else frozenset(categories) & ALL_CATEGORIES
    if not allowed:
        raise ClinicalRuleError("categories", "Choose what the emergency needs.")
    disclosure = _record(
        patient,
        by,
        basis=Disclosure.Basis.EMERGENCY,
        recipient_name=recipient_name.strip(),
        recipient_affiliation=recipient_affiliation.strip(),
        purpose=Consent.Purpose.TREATMENT,
        categories=list(allowed),
        form=form,
        what=what,
        emergency_nature=nature.strip(),
    )
    transaction.on_commit(lambda: _tell_admins(disclosure))
    return Release(disclosure, allowed, notice.EMERGENCY_PREFACE + notice.PART2_NOTICE)


def _tell_admins(disclosure: Disclosure) -> None:
    # The email names no patient and no clinical fact: it says where to look.
    admins = [user.email for user in active_admins(clinic=disclosure.clinic) if user.email]
    if not admins:
        return
    send_mail(
        subject="Naltrack: a record was disclosed in a medical emergency",
        message=(
            f"A staff member disclosed a patient's record without consent in a medical "
            f"emergency (42 CFR 2.51), to {disclosure.recipient_name} "
            f"({disclosure.recipient_affiliation}), at {disclosure.recorded_at:%Y-%m-%d %H:%M %Z}.\n\n"
            f"Please review it: it is disclosure {disclosure.pk} on the patient's chart, under "
            "Disclosures. The patient sees it in their own list of disclosures."
        ),
        from_email=None,
        recipient_list=admins,
        fail_silently=True,
    )


@transaction.atomic
def release_to_patient(*, by: Any, patient: Patient, form: str, what: str = "") -> Release:
    """The patient's own copy of their whole record: their right of access needs no consent
    (source: 45 CFR 164.524; 42 CFR 2.23), but the hand-over is recorded all the same."""
    is_patient = by is not None and patient.user_id is not None and by.pk == patient.user_id
    if not (is_patient or is_staff_of(by, patient)):
        raise ClinicalRuleError("", "Only the patient or their clinic can hand out this copy.")
    disclosure = _record(
        patient,
        by,
        basis=Disclosure.Basis.PATIENT,
        recipient_name=patient.full_name,
        purpose=Consent.Purpose.PATIENT_REQUEST,
        categories=list(ALL_CATEGORIES),
        form=form,
        what=what,
    )
    return Release(disclosure, ALL_CATEGORIES, notice.PATIENT_COPY)
