"""Writing audit events. Every read or write of a patient's record calls ``audit_record``."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpRequest

from naltrack.audit.models import AuditEvent


def client_ip(request: HttpRequest) -> str | None:
    # REMOTE_ADDR only: a forwarded header is whatever the client says unless a proxy sets it,
    # and deployments behind a proxy set REMOTE_ADDR there.
    return request.META.get("REMOTE_ADDR") or None


def audit_record(
    *,
    request: HttpRequest | None,
    action: str,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str | int = "",
    patient_id: int | None = None,
    clinic_id: int | None = None,
    detail: dict[str, Any] | None = None,
    actor: Any = None,
) -> AuditEvent:
    """Append one event. ``obj`` fills the object type and id; the actor comes from the request."""
    if actor is None and request is not None:
        actor = getattr(request, "user", None)
    is_person = actor is not None and getattr(actor, "is_authenticated", False)
    if obj is not None:
        object_type = object_type or obj._meta.model_name or ""
        object_id = object_id or str(obj.pk)
        patient_id = patient_id if patient_id is not None else getattr(obj, "patient_id", None)
        clinic_id = clinic_id if clinic_id is not None else getattr(obj, "clinic_id", None)
    return AuditEvent.objects.create(
        actor_id=actor.pk if is_person else None,
        actor_email=actor.email if is_person else "",
        actor_role=(actor.role or "") if is_person else "system",
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        patient_id=patient_id,
        clinic_id=clinic_id,
        ip_address=client_ip(request) if request is not None else None,
        request_id=getattr(request, "request_id", "") if request is not None else "",
        detail=detail or {},
    )
