"""Alerts: the clinical core's rules run on the record; open, update, resolve, acknowledge."""

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db import transaction
from django.utils import timezone

from naltrack.accounts.models import User
from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_change
from naltrack.care import selectors
from naltrack.care.errors import ClinicalRuleError
from naltrack.care.models import (
    Alert,
    Patient,
)
from naltrack.clinical import alerts as clinical_alerts

# Inside ``alerts_deferred``: the patients whose alerts are due a refresh when the block ends.
_alerts_pending: ContextVar[dict[int, tuple[Patient, dt.date | None]] | None] = ContextVar(
    "alerts_pending", default=None
)


@contextmanager
def alerts_deferred() -> Iterator[None]:
    """Refresh each patient's alerts once, when the block ends, instead of after every write.

    For writing many rows at once (the demo's months of history, an import): every service still
    asks for a refresh, but each patient's alerts are computed once, on the finished record. A
    nested block joins the outer one. If the block raises, the patients written so far are still
    refreshed (their writes may stand), unless the transaction is already doomed to roll back.
    """
    if _alerts_pending.get() is not None:
        yield
        return
    pending: dict[int, tuple[Patient, dt.date | None]] = {}
    token = _alerts_pending.set(pending)
    try:
        yield
    finally:
        _alerts_pending.reset(token)
        connection = transaction.get_connection()
        if not (connection.in_atomic_block and connection.needs_rollback):
            for patient, today in pending.values():
                alerts_refresh(patient=patient, today=today)


def alerts_refresh(
    *, patient: Patient, today: dt.date | None = None, changed: Iterable[str] | None = None
) -> list[Alert]:
    """Run the clinical core's alert rules on the patient; open new alerts, resolve passed ones.

    ``changed`` names the snapshot fields a write changed (``clinical.alerts.RECORD_FIELDS``,
    e.g. ``{"check_ins"}``): only the rules that read them run, on only those rows, and only
    their alerts open or resolve — the same alerts a full refresh would give, since no other
    rule's answer can have moved (tests/care/services/test_alerts_incremental.py). What the
    passing of days changes (an injection falling overdue) is the nightly sweep's full refresh.
    None: every rule, as after any write that touches the episode itself.

    Inside ``alerts_deferred`` the refresh is only noted (the last ``today`` asked for wins, and
    every rule runs) and this returns no alerts: they are opened when the block ends.
    """
    pending = _alerts_pending.get()
    if pending is not None:
        pending[patient.pk] = (patient, today)
        return []
    rules = clinical_alerts.RULES if changed is None else clinical_alerts.rules_reading(changed)
    return _alerts_store(patient=patient, today=today or timezone.localdate(), rules=rules)


def _alerts_store(
    *, patient: Patient, today: dt.date, rules: Sequence[clinical_alerts.AlertRule]
) -> list[Alert]:
    """Run ``rules``: with fewer than all, only on the rows they read and their own alerts."""
    if not rules:
        return []
    open_alerts = Alert.objects.filter(patient=patient, resolved_at__isnull=True)
    fields = None
    if len(rules) < len(clinical_alerts.RULES):
        fields = {field for rule in rules for field in rule.reads}
        open_alerts = open_alerts.filter(code__in={code for rule in rules for code in rule.codes})
    return _alerts_apply(
        patient=patient,
        snapshot=selectors.patient_snapshot(patient=patient, as_of=today, fields=fields),
        open_alerts=list(open_alerts),
        rules=rules,
    )


def alerts_refresh_many(*, patients: Sequence[Patient], today: dt.date) -> list[Alert]:
    """``alerts_refresh`` for many patients, reading them together (the nightly sweep).

    Each patient's changes are their own transaction, so one bad record cannot undo the rest;
    a patient whose alerts are unchanged costs no write at all.
    """
    snapshots = selectors.patient_snapshots(patients=patients, as_of=today)
    open_alerts: dict[int, list[Alert]] = {patient.pk: [] for patient in patients}
    for alert in Alert.objects.filter(patient__in=patients, resolved_at__isnull=True):
        open_alerts[alert.patient_id].append(alert)
    created: list[Alert] = []
    for patient in patients:
        created += _alerts_apply(
            patient=patient, snapshot=snapshots[patient.pk], open_alerts=open_alerts[patient.pk]
        )
    return created


def _alerts_apply(
    *,
    patient: Patient,
    snapshot: clinical_alerts.PatientSnapshot | None,
    open_alerts: list[Alert],
    rules: Sequence[clinical_alerts.AlertRule] = clinical_alerts.RULES,
) -> list[Alert]:
    """Settle ``open_alerts`` (those the ``rules`` raise) with what the rules find now."""
    findings = (
        []
        if snapshot is None
        else clinical_alerts.evaluate(snapshot, selectors.clinic_thresholds(patient.clinic), rules)
    )
    current = {finding.key: finding for finding in findings}
    open_by_key = {alert.key: alert for alert in open_alerts}
    passed = [alert for alert in open_alerts if _has_passed(alert, current.get(alert.key))]
    # An acknowledged alert stays acknowledged while its cause lasts: no re-alerting every night.
    # A liver alert keeps the words of the result that raised it: a later value does not
    # overwrite what the clinician is asked to acknowledge.
    changed = [
        (alert, current[alert.key])
        for alert in open_alerts
        if alert.key in current
        and alert.acknowledged_at is None
        and not _closes_on_acknowledgement(alert.evidence)
        and (
            alert.message != current[alert.key].message
            or alert.severity != current[alert.key].severity
        )
    ]
    new = [finding for finding in findings if finding.key not in open_by_key]
    kept = [finding.key for finding in new if _closes_on_acknowledgement(finding.evidence)]
    if kept:
        # A raised liver result a clinician has acknowledged is not raised again.
        seen = set(
            Alert.objects.filter(
                patient=patient, key__in=kept, acknowledged_at__isnull=False
            ).values_list("key", flat=True)
        )
        new = [finding for finding in new if finding.key not in seen]
    if not (passed or changed or new):
        return []
    now = timezone.now()
    with transaction.atomic():
        for alert in passed:
            alert.resolved_at = now
            alert.save(update_fields=["resolved_at"])
        for alert, finding in changed:
            alert.message, alert.severity = finding.message, finding.severity
            alert.severity_rank = Alert.SEVERITY_RANK[finding.severity]
            alert.evidence = dict(finding.evidence)
            alert.save(update_fields=["message", "severity", "severity_rank", "evidence"])
        return [
            Alert.objects.create(
                patient=patient,
                code=finding.code,
                key=finding.key,
                severity=finding.severity,
                severity_rank=Alert.SEVERITY_RANK[finding.severity],
                message=finding.message,
                evidence=dict(finding.evidence),
                source=finding.source,
            )
            for finding in new
        ]


def _closes_on_acknowledgement(evidence: Any) -> bool:
    """Liver alerts close when a clinician acknowledges them, not when a value returns to
    normal (NALTRACK; the clinical core marks them)."""
    return bool((evidence or {}).get("acknowledge_to_close"))


def _has_passed(alert: Alert, finding: Any) -> bool:
    """Whether an open alert's cause has passed, so it resolves."""
    if not _closes_on_acknowledgement(alert.evidence):
        return finding is None
    if alert.acknowledged_at is None:
        return False  # open until a clinician acknowledges it
    return finding is None or bool(finding.evidence.get("back_within_limit"))


@transaction.atomic
def alert_acknowledge(*, alert: Alert, by: User, note: str = "") -> Alert:
    if alert.acknowledged_at is not None:
        return alert
    # An urgent alert (overdose risk, thoughts of self-harm) is closed with what was done about
    # it, so the next clinician can see the patient was reached. source: NALTRACK
    if alert.severity == Alert.Severity.URGENT and not note.strip():
        raise ClinicalRuleError(
            "note",
            "An urgent alert needs a note: say what was done, for example “Called; safe, "
            "naloxone at home”.",
        )
    alert.acknowledged_at = timezone.now()
    alert.acknowledged_by = by
    alert.acknowledgement_note = note.strip()
    alert.save(update_fields=["acknowledged_at", "acknowledged_by", "acknowledgement_note"])
    audit_change(
        AuditEvent.Action.UPDATE, alert, by, acknowledged=True, note=alert.acknowledgement_note
    )
    return alert
