"""Bulk exports (the FHIR Bulk Data pattern) and the clinic's own FHIR backup.

A bulk export goes to one outside recipient for one purpose. It is started by a clinic admin
(the Exports page) or by an outside system (``GET /fhir/$export``), runs in the background
(``tasks.bulk_export_task``), and asks the disclosure gate once for the whole clinic
(``release_many``): only patients whose consent covers the recipient are exported, each with only
the categories their consent names, its consent and the Provenance with the §2.32 notice, and each
is a Disclosure in their accounting. The files wait in ``NALTRACK_EXPORT_DIR`` for
``NALTRACK_EXPORT_HOURS`` and are then deleted.

The backup (``naltrack export-fhir``) is the clinic keeping its own records: no recipient, so no
consent; every patient, every category, audited, through the same writer.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from pathlib import Path
from typing import Any, Final

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from naltrack.accounts.models import Clinic
from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_record
from naltrack.care.errors import ClinicalRuleError
from naltrack.care.models import Patient
from naltrack.disclosure.coverage import Recipient
from naltrack.disclosure.fhir.bundle import released_resources
from naltrack.disclosure.fhir.ndjson import RESOURCE_TYPES, file_name, ndjson_write, whole_record
from naltrack.disclosure.gate import release_many
from naltrack.disclosure.models import BulkExport, Consent, Disclosure

logger = logging.getLogger(__name__)

# source: NALTRACK — how often a running export writes its progress (and sees a cancel):
# often enough for a progress bar, rarely enough to cost nothing beside the export itself.
PROGRESS_EVERY: Final = 10


class ExportCancelled(Exception):
    """The export was cancelled while it ran: stop, keep nothing."""


def export_directory(export: BulkExport) -> Path:
    return Path(settings.NALTRACK_EXPORT_DIR) / f"clinic-{export.clinic_id}" / f"export-{export.pk}"


def export_file(export: BulkExport, resource_type: str) -> Path | None:
    """The file of ``resource_type`` if the export is ready and wrote one."""
    if export.status != BulkExport.Status.DONE:
        return None
    if resource_type not in {entry["type"] for entry in export.files}:
        return None
    return export_directory(export) / file_name(resource_type)


def _audit(export: BulkExport, by: Any, action: str, **detail: Any) -> None:
    audit_record(
        request=None,
        actor=by,
        action=action,
        obj=export,
        clinic_id=export.clinic_id,
        detail={"export": export.pk, **detail},
    )


def resource_types_parse(value: str) -> list[str]:
    """``_type`` (comma-separated resource types) as a list, or a ClinicalRuleError naming the
    types this server does not export."""
    wanted = [part.strip() for part in value.split(",") if part.strip()]
    unknown = sorted(set(wanted) - set(RESOURCE_TYPES))
    if unknown:
        raise ClinicalRuleError(
            "_type",
            f"This server does not export {', '.join(unknown)}. "
            f"It exports: {', '.join(RESOURCE_TYPES)}.",
        )
    return [t for t in RESOURCE_TYPES if t in wanted]


@transaction.atomic
def bulk_export_start(
    *,
    clinic: Clinic,
    recipient: Recipient,
    purpose: str,
    request_url: str,
    by: Any = None,
    client_label: str = "",
    resource_types: list[str] | None = None,
) -> BulkExport:
    """Queue a bulk export of ``clinic``'s records for ``recipient`` and ``purpose``; the worker
    runs it. Expired exports' files are deleted first (the nightly sweep does it too)."""
    from naltrack.disclosure.tasks import bulk_export_task

    if not recipient.name.strip():
        raise ClinicalRuleError("recipient_name", "Name the person or organisation it goes to.")
    if recipient.role not in Consent.Role.values:
        raise ClinicalRuleError("recipient_role", "Choose who the recipient is to the patients.")
    if purpose not in Consent.Purpose.values:
        raise ClinicalRuleError("purpose", "Choose what the records are for.")
    exports_expire(now=timezone.now())
    export = BulkExport.objects.create(
        clinic=clinic,
        requested_by=by if getattr(by, "is_authenticated", False) else None,
        requested_by_client=client_label,
        request_url=request_url[:500],
        recipient_name=" ".join(recipient.name.split()),
        recipient_role=recipient.role,
        purpose=purpose,
        resource_types=resource_types or [],
    )
    _audit(
        export,
        by,
        AuditEvent.Action.CREATE,
        recipient=export.recipient_name,
        purpose=purpose,
        client=client_label,
    )
    transaction.on_commit(lambda: bulk_export_task.enqueue(export.pk))
    return export


def _progress(export: BulkExport, done: int) -> None:
    if done % PROGRESS_EVERY and done != export.patients_total:
        return
    # One statement sets the count only while the export still runs: a cancel wins.
    still_running = BulkExport.objects.filter(
        pk=export.pk, status=BulkExport.Status.RUNNING
    ).update(patients_done=done)
    if not still_running:
        raise ExportCancelled


def bulk_export_run(*, export_id: int) -> BulkExport:
    """Run a queued export: release through the gate, write the files, record the result.

    Safe to run twice: only a queued export starts. The disclosures are recorded when the gate
    answers (the accounting errs on the side of listing an export that then failed)."""
    with transaction.atomic():
        export = BulkExport.objects.select_for_update().select_related("clinic").get(pk=export_id)
        if export.status != BulkExport.Status.QUEUED:
            return export
        export.status = BulkExport.Status.RUNNING
        export.save(update_fields=["status"])
    directory = export_directory(export)
    try:
        released = release_many(
            by=export.requested_by,
            clinic=export.clinic,
            recipient=Recipient(export.recipient_name, export.recipient_role),
            purpose=export.purpose,
            form=Disclosure.Form.FHIR_BULK,
            what=f"Bulk export {export.pk}",
        )
        export.patients_total = len(released)
        export.save(update_fields=["patients_total"])
        types = frozenset(export.resource_types) or None
        files = ndjson_write(
            directory,
            (released_resources(patient, given, types) for patient, given in released),
            after_each=lambda done: _progress(export, done),
        )
    except ExportCancelled:
        export.refresh_from_db()
        return export
    except Exception as error:
        logger.exception("bulk export %s failed", export.pk)
        shutil.rmtree(directory, ignore_errors=True)
        export.status = BulkExport.Status.FAILED
        export.error = (
            f"The export stopped with an error ({type(error).__name__}); no file was kept."
        )
        export.finished_at = timezone.now()
        export.save(update_fields=["status", "error", "finished_at"])
        _audit(export, None, AuditEvent.Action.EXPORT, status="failed", error=type(error).__name__)
        return export
    now = timezone.now()
    finished = BulkExport.objects.filter(pk=export.pk, status=BulkExport.Status.RUNNING).update(
        status=BulkExport.Status.DONE,
        patients_done=len(released),
        files=files,
        finished_at=now,
        expires_at=now + dt.timedelta(hours=settings.NALTRACK_EXPORT_HOURS),
    )
    if not finished:  # cancelled in the last instant
        shutil.rmtree(directory, ignore_errors=True)
    export.refresh_from_db()
    _audit(
        export,
        None,
        AuditEvent.Action.EXPORT,
        status=export.status,
        patients=[patient.pk for patient, _ in released],
        files=files,
    )
    return export


@transaction.atomic
def bulk_export_cancel(*, export: BulkExport, by: Any) -> BulkExport:
    """Stop an export and delete its files (a running one stops at its next progress step)."""
    export = BulkExport.objects.select_for_update().get(pk=export.pk)
    if export.status in (BulkExport.Status.CANCELLED, BulkExport.Status.EXPIRED):
        return export
    export.status = BulkExport.Status.CANCELLED
    export.finished_at = timezone.now()
    export.save(update_fields=["status", "finished_at"])
    shutil.rmtree(export_directory(export), ignore_errors=True)
    _audit(export, by, AuditEvent.Action.DELETE, status="cancelled")
    return export


def exports_expire(*, now: dt.datetime) -> int:
    """Delete the files of every export past its expiry time; returns how many."""
    expired = list(BulkExport.objects.filter(status=BulkExport.Status.DONE, expires_at__lte=now))
    for export in expired:
        shutil.rmtree(export_directory(export), ignore_errors=True)
        BulkExport.objects.filter(pk=export.pk).update(status=BulkExport.Status.EXPIRED)
        _audit(export, None, AuditEvent.Action.DELETE, status="expired")
    return len(expired)


def export_file_served(*, export: BulkExport, resource_type: str, by: Any, client: str) -> None:
    """Record that a file of the export was handed to whoever started it."""
    _audit(export, by, AuditEvent.Action.EXPORT, file=resource_type, client=client)


def clinic_backup_write(*, clinic: Clinic, directory: Path) -> list[dict[str, Any]]:
    """The clinic's own copy of every patient's whole record, as NDJSON files in ``directory``
    (the same layout as a bulk export). Each patient's export is audited. A folder that already
    holds NDJSON files is refused: a backup never overwrites another."""
    if directory.is_dir() and any(directory.glob("*.ndjson")):
        raise ClinicalRuleError(
            "out", f"{directory} already holds NDJSON files: choose an empty folder."
        )
    patients = Patient.objects.filter(clinic=clinic).select_related("clinic").order_by("pk")

    def records() -> Any:
        for patient in patients.iterator():
            audit_record(
                request=None,
                action=AuditEvent.Action.EXPORT,
                obj=patient,
                patient_id=patient.pk,
                detail={"form": "fhir_backup", "directory": str(directory)},
            )
            yield whole_record(patient)

    return ndjson_write(directory, records())
