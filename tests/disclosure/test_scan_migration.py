"""Moving paper-consent scans from files into their rows loses none, and stops on a missing one."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from naltrack.disclosure.models import Consent
from naltrack.disclosure.services import consent_attest
from tests.disclosure.helpers import PDF_BYTES, named_terms, scan

BEFORE = [("disclosure", "0002_disclosure")]
AFTER = [("disclosure", "0003_consent_scan_in_row")]


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)


@pytest.mark.django_db(transaction=True)
def test_each_scan_file_moves_into_its_row(patient, clinician, tmp_path, monkeypatch):
    consent = consent_attest(
        patient=patient,
        terms=named_terms(),
        signed_name=patient.full_name,
        signed_on=timezone.localdate(),
        scan=scan(),
        by=clinician,
    )
    _migrate(BEFORE)
    (tmp_path / "clinic-1").mkdir()
    (tmp_path / "clinic-1" / "consent-scan.pdf").write_bytes(PDF_BYTES + b"on disk")
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE disclosure_consent SET scan = %s WHERE id = %s",
            ["clinic-1/consent-scan.pdf", consent.pk],
        )
    monkeypatch.setenv("NALTRACK_CONSENT_SCAN_DIR", str(tmp_path))
    _migrate(AFTER)
    consent.refresh_from_db()
    assert bytes(consent.scan) == PDF_BYTES + b"on disk" and consent.scan_kind == "pdf"


@pytest.mark.django_db(transaction=True)
def test_a_missing_scan_file_stops_the_migration(patient, clinician, tmp_path, monkeypatch):
    consent = consent_attest(
        patient=patient,
        terms=named_terms(),
        signed_name=patient.full_name,
        signed_on=timezone.localdate(),
        scan=scan(),
        by=clinician,
    )
    _migrate(BEFORE)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE disclosure_consent SET scan = %s WHERE id = %s", ["gone.pdf", consent.pk]
        )
    monkeypatch.setenv("NALTRACK_CONSENT_SCAN_DIR", str(tmp_path))
    with pytest.raises(RuntimeError, match=f"consent {consent.pk} is missing"):
        _migrate(AFTER)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE disclosure_consent SET scan = '' WHERE id = %s", [consent.pk])
    _migrate(AFTER)
    assert Consent.objects.filter(pk=consent.pk).exists()
