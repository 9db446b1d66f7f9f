from __future__ import annotations

import datetime as dt
from typing import Any

from naltrack.audit.models import AuditEvent, AuditEventQuerySet


def audit_events_filtered(*, clinic_id: int, filters: dict[str, Any]) -> AuditEventQuerySet:
    """A clinic's audit events, newest first, narrowed by the admin's filters."""
    events = AuditEvent.objects.for_clinic(clinic_id)
    if filters.get("actor"):
        events = events.filter(actor_email__icontains=filters["actor"])
    if filters.get("patient"):
        events = events.filter(patient_id=filters["patient"])
    if filters.get("action"):
        events = events.filter(action=filters["action"])
    if filters.get("object_type"):
        events = events.filter(object_type=filters["object_type"])
    if filters.get("since"):
        events = events.filter(occurred_at__date__gte=filters["since"])
    if filters.get("until"):
        until: dt.date = filters["until"]
        events = events.filter(occurred_at__date__lte=until)
    return events
