"""The demo clinic's consents (42 CFR Part 2): one of each kind a clinic sees.

Jordan Lee, who signs in, has signed the single consent for treatment, payment and operations
and withdrawn one that named a former doctor; another patient's paper form to their family doctor
is on file with its scan. Jordan's record was sent to a hospital under the single consent, so
both sides' accounting of disclosures has a row. Made through the same services a clinic's
consents and disclosures go through.
"""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from naltrack.accounts.models import User
from naltrack.care.models import Patient
from naltrack.disclosure.coverage import Recipient
from naltrack.disclosure.gate import release
from naltrack.disclosure.models import Consent, Disclosure
from naltrack.disclosure.services import (
    GENERAL_DESIGNATION,
    ConsentTerms,
    consent_attest,
    consent_revoke,
    consent_sign,
)

# The smallest file the scan check accepts as a PDF: the demo has no real paper to scan.
DEMO_SCAN = b"%PDF-1.4\n% Demo clinic: stands in for a scanned, signed consent form.\n%%EOF\n"


def demo_consents_build(*, patients: list[Patient], clinician: User, today: dt.date) -> None:
    signs_in = next(patient for patient in patients if patient.user_id is not None)
    now = timezone.now()
    consent_sign(
        patient=signs_in,
        terms=ConsentTerms(
            recipient_kind=Consent.RecipientKind.GENERAL_TPO,
            recipient_name=GENERAL_DESIGNATION,
            recipient_roles=[Consent.Role.TREATING_PROVIDER, Consent.Role.PAYER],
            purposes=list(Consent.TPO_PURPOSES),
            all_records=True,
            expiry_event="When I finish treatment at Riverside",
        ),
        signed_name=signs_in.full_name,
        by=signs_in.user,
        now=now - dt.timedelta(days=20),
    )
    former = consent_sign(
        patient=signs_in,
        terms=ConsentTerms(
            recipient_kind=Consent.RecipientKind.NAMED,
            recipient_name="Dr Sam Patel, Northside Health Center",
            purposes=[Consent.Purpose.TREATMENT],
            categories=[Consent.Category.MEDICATIONS, Consent.Category.LABS],
            expires_on=today + dt.timedelta(days=180),
        ),
        signed_name=signs_in.full_name,
        by=signs_in.user,
        now=now - dt.timedelta(days=40),
    )
    consent_revoke(consent=former, by=signs_in.user, now=now - dt.timedelta(days=10))
    release(
        by=clinician,
        patient=signs_in,
        recipient=Recipient("Riverside Community Hospital", Consent.Role.TREATING_PROVIDER),
        purpose=Consent.Purpose.TREATMENT,
        form=Disclosure.Form.PDF,
        categories=[Consent.Category.MEDICATIONS, Consent.Category.DIAGNOSES],
        what="Before planned knee surgery: the naltrexone plan for the anaesthetist",
    )
    other = next(patient for patient in patients if patient.user_id is None)
    consent_attest(
        patient=other,
        terms=ConsentTerms(
            recipient_kind=Consent.RecipientKind.NAMED,
            recipient_name="Dr Maria Gomez, Springfield Family Medicine",
            purposes=[Consent.Purpose.TREATMENT],
            categories=[
                Consent.Category.MEDICATIONS,
                Consent.Category.LABS,
                Consent.Category.DIAGNOSES,
            ],
            expires_on=today + dt.timedelta(days=365),
        ),
        signed_name=other.full_name,
        signed_on=today - dt.timedelta(days=5),
        scan=SimpleUploadedFile("scan.pdf", DEMO_SCAN, content_type="application/pdf"),
        by=clinician,
    )
