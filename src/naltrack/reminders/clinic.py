"""What the clinic does about reminders: its admin saves its defaults, and its staff handle the
notifications that could not be delivered. Each write is audited with what changed."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.db import transaction
from django.utils import timezone

from naltrack.accounts.models import Clinic, User
from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_change, audit_record, field_changes
from naltrack.reminders.defaults import built_in_defaults
from naltrack.reminders.models import ClinicReminderDefaults, Notification


class NotADeliveryProblem(ValueError):
    """Only a notification that failed can be marked as handled."""


@transaction.atomic
def clinic_defaults_save(
    *,
    clinic: Clinic,
    by: User,
    time_zone: str,
    channel: str,
    reminder_time: dt.time,
    quiet_start: dt.time | None,
    quiet_end: dt.time | None,
) -> ClinicReminderDefaults:
    """Save the clinic's time zone and its reminder defaults; audit what changed."""
    if time_zone not in zoneinfo.available_timezones():
        raise ValueError(f"unknown time zone: {time_zone!r}")
    # The clinic's row is the lock: two admins saving at once do not both create the defaults.
    locked = Clinic.objects.select_for_update().get(pk=clinic.pk)
    zone_changes = field_changes(locked, time_zone=time_zone)
    if zone_changes:
        locked.save(update_fields=["time_zone"])
        clinic.time_zone = locked.time_zone
        audit_record(
            request=None,
            actor=by,
            action=AuditEvent.Action.UPDATE,
            obj=locked,
            clinic_id=locked.pk,
            detail={"changes": zone_changes},
        )
    saved = ClinicReminderDefaults.objects.filter(clinic=locked).first()
    defaults = saved or built_in_defaults(locked.pk)
    changes = field_changes(
        defaults,
        channel=channel,
        reminder_time=reminder_time,
        quiet_start=quiet_start,
        quiet_end=quiet_end,
    )
    if changes or saved is None:
        defaults.updated_by = by
        defaults.save()
        audit_record(
            request=None,
            actor=by,
            action=AuditEvent.Action.UPDATE if saved else AuditEvent.Action.CREATE,
            obj=defaults,
            clinic_id=locked.pk,
            detail={"changes": changes},
        )
    return defaults


@transaction.atomic
def notification_mark_handled(
    *, notification: Notification, by: User, note: str = ""
) -> Notification:
    """Record that someone dealt with a failed notification; a second call changes nothing."""
    locked: Notification = (
        Notification.objects.select_for_update(of=("self",))
        .select_related("patient", "handled_by")
        .get(pk=notification.pk)
    )
    if not (locked.needs_attention or locked.handled_at is not None):
        raise NotADeliveryProblem("Only a reminder that could not be delivered can be handled.")
    if locked.handled_at is not None:
        return locked
    changes = field_changes(locked, handled_at=timezone.now(), handled_note=note.strip())
    locked.handled_by = by
    changes["handled_by"] = [None, by.email]
    locked.save(update_fields=["handled_at", "handled_by", "handled_note"])
    audit_change(AuditEvent.Action.UPDATE, locked, by, kind=locked.kind, changes=changes)
    return locked
