"""Writing audit events. Every read or write of a patient's record calls ``audit_record``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models
from django.http import HttpRequest

from naltrack.audit.context import current_origin
from naltrack.audit.models import AuditEvent


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
    """Append one event. ``obj`` fills the object type and id; the actor comes from the request.

    Where the request came from (IP, request id) is read from the request-id middleware's
    context, so services that know nothing of requests still write complete events.
    """
    if actor is None and request is not None:
        actor = getattr(request, "user", None)
    origin = current_origin.get()
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
        ip_address=origin.ip_address if origin else None,
        request_id=origin.request_id if origin else "",
        detail=detail or {},
    )


def audit_list(
    *,
    actor: Any,
    object_type: str,
    clinic_id: int,
    patient_ids: Iterable[int],
    **detail: Any,
) -> None:
    """A page listed patients: record which ones were shown, to whom (nothing if none)."""
    shown = sorted(set(patient_ids))
    if shown:
        audit_record(
            request=None,
            actor=actor,
            action=AuditEvent.Action.LIST,
            object_type=object_type,
            clinic_id=clinic_id,
            detail={"patient_ids": shown, **detail},
        )


def field_changes(obj: Any, **values: Any) -> dict[str, list[str | None]]:
    """Set the fields on ``obj``; return ``{field: [old, new]}`` for those that changed.

    The shape every "what changed" audit detail uses (values as text, None kept as None).
    """
    changed: dict[str, list[str | None]] = {}
    for field, value in values.items():
        old = getattr(obj, field)
        if old != value:
            changed[field] = [
                None if old is None else str(old),
                None if value is None else str(value),
            ]
            setattr(obj, field, value)
    return changed


def audit_change(action: str, obj: models.Model, by: Any, **detail: Any) -> AuditEvent:
    """A service wrote ``obj`` (a row of a patient's record) on behalf of ``by``.

    The one shape every service's audit takes: the row, its patient and clinic, the actor, and
    what the service wants remembered (``changes`` from ``field_changes``, a status…).
    """
    return audit_record(
        request=None,
        actor=by,
        action=action,
        obj=obj,
        patient_id=getattr(obj, "patient_id", None),
        detail=detail,
    )


def audit_denied(*, user: Any, what: str, **detail: Any) -> AuditEvent:
    """Someone was refused: a record outside their scope (answered 404) or a page of another
    role. Probing shows in the trail even though nothing was shown."""
    return audit_record(
        request=None,
        actor=user,
        action=AuditEvent.Action.DENIED,
        object_type=what,
        detail=detail,
    )
