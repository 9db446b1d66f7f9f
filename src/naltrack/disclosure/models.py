"""A patient's written consent to disclose their record, with every element of 42 CFR §2.31.

Part 2 (as amended by the 2024 final rule, 89 FR 12472) lets a program disclose a patient's
substance use disorder records only on a written consent that names each element below. The
consent is a row of the patient's record (``PatientRow``): its clinic, patient and who recorded it.
Whether a consent is in force and what it covers is decided in one place, ``disclosure.coverage``.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models

from naltrack.care.models import PatientRow


class Consent(PatientRow):
    class RecipientKind(models.TextChoices):
        # source: 42 CFR 2.31(a)(4)(i) — a named person or entity
        NAMED = "named", "A named person or organisation"
        # source: 42 CFR 2.31(a)(4)(i) — a single consent for treatment, payment and health care
        # operations may describe its recipients by a general designation (2024 rule)
        GENERAL_TPO = (
            "general_tpo",
            "My treating providers and health plans (a general designation)",
        )

    class Role(models.TextChoices):
        """Who an outside recipient is to the patient: what a general designation names."""

        TREATING_PROVIDER = "treating_provider", "My treating providers"
        PAYER = "payer", "My health plans and other payers"
        OPERATIONS = "operations", "People helping to run this program"
        OTHER = "other", "Someone else"

    class Purpose(models.TextChoices):
        TREATMENT = "treatment", "Treatment"
        PAYMENT = "payment", "Payment"
        OPERATIONS = "operations", "Health care operations"
        # source: 42 CFR 2.31(a)(5) — "at the request of the patient" is a sufficient purpose
        PATIENT_REQUEST = "patient_request", "At my own request"
        OTHER = "other", "Another purpose (described)"

    class Category(models.TextChoices):
        MEDICATIONS = "medications", "Medicines (naltrexone doses and injections)"
        LABS = "labs", "Lab results (liver tests)"
        DRUG_SCREENS = "drug_screens", "Drug screens"
        DIAGNOSES = "diagnoses", "Diagnoses"
        QUESTIONNAIRES = "questionnaires", "Questionnaires (PHQ-9, AUDIT-C, COWS)"
        THERAPY_NOTES = "therapy_notes", "Therapy sessions and notes"
        CHECK_INS = "check_ins", "Daily check-ins (craving, drinking, opioid use)"
        CARE_PLANS = "care_plans", "Treatment plans, follow-ups and open alerts"

    class Signature(models.TextChoices):
        ELECTRONIC = "electronic", "Signed electronically by the patient"
        PAPER = "paper", "Signed on paper (scan attached)"

    TPO_PURPOSES = frozenset({Purpose.TREATMENT, Purpose.PAYMENT, Purpose.OPERATIONS})

    # source: 42 CFR 2.31(a)(2) — who may disclose: the clinic, by its name when signed
    discloser_name = models.CharField(max_length=200)
    # source: 42 CFR 2.31(a)(4) — to whom
    recipient_kind = models.CharField(max_length=20, choices=RecipientKind.choices)
    # The named recipient, or the general designation in the words the patient agreed to.
    recipient_name = models.CharField(max_length=200)
    # For a general designation: which kinds of recipient it names (``Role`` values).
    recipient_roles = models.JSONField(default=list, blank=True)
    # source: 42 CFR 2.31(a)(5) — each purpose (``Purpose`` values)
    purposes = models.JSONField(default=list)
    purpose_other = models.CharField(max_length=300, blank=True)
    # source: 42 CFR 2.31(a)(3) — how much and what kind of information
    all_records = models.BooleanField(default=False)
    categories = models.JSONField(default=list, blank=True)
    # source: 42 CFR 2.31(a)(7) — an expiry date or an event (at least one)
    expires_on = models.DateField(null=True, blank=True)
    expiry_event = models.CharField(max_length=300, blank=True)
    # source: 42 CFR 2.31(a)(8) — the patient's signature, electronic or on paper
    signature_kind = models.CharField(max_length=20, choices=Signature.choices)
    signed_name = models.CharField(max_length=200)  # typed by the patient, or as on the paper form
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )  # the patient who signed, or the staff member who attests the paper form
    # source: 42 CFR 2.31(a)(9) — the date signed
    signed_on = models.DateField()
    signed_at = models.DateTimeField()  # when it was recorded here
    # The scan of a paper form is kept in the row, not as a file beside the database: it is part
    # of the legal record, so every backup and restore carries it with its consent.
    scan = models.BinaryField(null=True, blank=True, editable=False)
    scan_kind = models.CharField(max_length=4, blank=True)  # "pdf", "jpeg" or "png"
    # source: 42 CFR 2.31(a)(6) — the patient may revoke at any time
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-signed_at", "-id"]
        indexes = [models.Index(fields=["patient", "revoked_at"])]

    def is_active(self, on: dt.datetime | None = None) -> bool:
        from naltrack.disclosure.coverage import consent_is_active

        return consent_is_active(self, on=on)

    def purpose_labels(self) -> list[str]:
        labels = dict(self.Purpose.choices)
        return [
            self.purpose_other if value == self.Purpose.OTHER else str(labels.get(value, value))
            for value in self.purposes
        ]

    def category_labels(self) -> list[str]:
        labels = dict(self.Category.choices)
        return [str(labels.get(value, value)) for value in self.categories]

    def role_labels(self) -> list[str]:
        labels = dict(self.Role.choices)
        return [str(labels.get(value, value)) for value in self.recipient_roles]

    def __str__(self) -> str:
        return f"consent {self.pk} of patient {self.patient_id}"


class Disclosure(PatientRow):
    """One time part of a patient's record left the clinic, or was given to the patient: a row of
    the patient's accounting of disclosures. Written only by ``disclosure.gate``.

    ``recorded_by`` is the person who disclosed, ``recorded_at`` the date and time.
    """

    class Basis(models.TextChoices):
        CONSENT = "consent", "Under the patient's consent"
        # source: 42 CFR 2.51 — to medical personnel in a bona fide medical emergency
        EMERGENCY = "emergency", "In a medical emergency, without consent"
        # source: 45 CFR 164.524 — the patient's right of access; Part 2 needs no consent for it
        # (42 CFR 2.23)
        PATIENT = "patient", "To the patient, their own copy"

    class Form(models.TextChoices):
        FHIR_BUNDLE = "fhir_bundle", "FHIR record file"
        FHIR_BULK = "fhir_bulk", "FHIR bulk export"
        PDF = "pdf", "Printed record (PDF)"
        CSV = "csv", "Spreadsheet (CSV)"
        API = "api", "Record API"
        SPOKEN = "spoken", "Told by phone or in person"

    basis = models.CharField(max_length=20, choices=Basis.choices)
    consent = models.ForeignKey(
        Consent, on_delete=models.PROTECT, null=True, blank=True, related_name="disclosures"
    )
    recipient_name = models.CharField(max_length=200)
    # source: 42 CFR 2.51(c)(1) — in an emergency, the health care facility the recipient is with
    recipient_affiliation = models.CharField(max_length=200, blank=True)
    recipient_role = models.CharField(max_length=30, choices=Consent.Role.choices, blank=True)
    purpose = models.CharField(max_length=30, choices=Consent.Purpose.choices, blank=True)
    # The ``Consent.Category`` values that went out.
    categories = models.JSONField(default=list)
    form = models.CharField(max_length=20, choices=Form.choices)
    what = models.CharField(max_length=300, blank=True)  # e.g. "Referral letter", "Bulk export 12"
    # source: 42 CFR 2.51(c)(4) — the nature of the emergency
    emergency_nature = models.TextField(blank=True)

    class Meta:
        ordering = ["-recorded_at", "-id"]
        indexes = [models.Index(fields=["patient", "recorded_at"])]

    def category_labels(self) -> list[str]:
        labels = dict(Consent.Category.choices)
        return [str(labels.get(value, value)) for value in self.categories]

    def __str__(self) -> str:
        return f"disclosure {self.pk} of patient {self.patient_id}"


class BulkExport(models.Model):
    """One bulk export of a clinic's records (the FHIR Bulk Data pattern): for an outside
    recipient, of the patients whose consent covers them, as NDJSON files that wait in
    ``NALTRACK_EXPORT_DIR`` until they expire. Each exported patient is a ``Disclosure``."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Running"
        DONE = "done", "Ready to download"
        FAILED = "failed", "Failed"
        CANCELLED = "cancelled", "Cancelled"
        EXPIRED = "expired", "Expired (files deleted)"

    clinic = models.ForeignKey(
        "accounts.Clinic", on_delete=models.PROTECT, related_name="bulk_exports"
    )
    # Started by a clinic admin from the Exports page, or by an outside system (its label).
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    requested_by_client = models.CharField(max_length=200, blank=True)
    request_url = models.CharField(max_length=500)
    recipient_name = models.CharField(max_length=200)
    recipient_role = models.CharField(max_length=30, choices=Consent.Role.choices)
    purpose = models.CharField(max_length=30, choices=Consent.Purpose.choices)
    # The FHIR resource types asked for (``_type``); empty for all.
    resource_types = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    patients_total = models.PositiveIntegerField(default=0)
    patients_done = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    # One entry per file written: {"type": "Observation", "count": 120}.
    files = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["clinic", "created_at"])]

    def __str__(self) -> str:
        return f"bulk export {self.pk} of clinic {self.clinic_id}"

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def recipient_role_label(self) -> str:
        return str(dict(Consent.Role.choices).get(self.recipient_role, self.recipient_role))

    @property
    def purpose_label(self) -> str:
        return str(dict(Consent.Purpose.choices).get(self.purpose, self.purpose))
