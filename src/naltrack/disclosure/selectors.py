"""Reading a patient's consents: scoped through the patient's own access rule, audited."""

from __future__ import annotations

from typing import Any

from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_record
from naltrack.care.models import Patient
from naltrack.care.selectors import row_get
from naltrack.disclosure.coverage import consent_is_active
from naltrack.disclosure.models import Consent, Disclosure


def consent_state(consent: Consent) -> str:
    """In plain words: "active", "withdrawn" or "ended"."""
    if consent.revoked_at is not None:
        return "withdrawn"
    return "active" if consent_is_active(consent) else "ended"


def consents_of(*, user: Any, patient: Patient) -> list[Consent]:
    """The consents of ``patient`` (found through ``care.selectors``, so already in scope),
    newest first; the read is audited."""
    consents = list(
        Consent.objects.visible_to(user).filter(patient=patient).select_related("signed_by")
    )
    if consents:
        audit_record(
            request=None,
            actor=user,
            action=AuditEvent.Action.LIST,
            object_type="consent",
            patient_id=patient.pk,
            clinic_id=patient.clinic_id,
            detail={"consent_ids": [c.pk for c in consents]},
        )
    return consents


def consent_get(*, user: Any, patient: Patient, consent_id: int) -> Consent:
    """One consent of ``patient`` that ``user`` may see (404 otherwise), audited as read."""
    consent = row_get(Consent, user=user, patient=patient, pk=consent_id)
    audit_record(request=None, actor=user, action=AuditEvent.Action.READ, obj=consent)
    return consent


def disclosures_of(*, user: Any, patient: Patient) -> list[Disclosure]:
    """The accounting of disclosures of ``patient`` (found through ``care.selectors``, so in
    scope): every time their record left the clinic or was handed to them, newest first.

    source: 42 CFR 2.24 (2024) — a patient may ask for an accounting of disclosures; here it is
    always on their page instead of on request."""
    disclosures = list(
        Disclosure.objects.visible_to(user)
        .filter(patient=patient)
        .select_related("consent", "recorded_by")
    )
    if disclosures:
        audit_record(
            request=None,
            actor=user,
            action=AuditEvent.Action.LIST,
            object_type="disclosure",
            patient_id=patient.pk,
            clinic_id=patient.clinic_id,
            detail={"disclosure_ids": [d.pk for d in disclosures]},
        )
    return disclosures
