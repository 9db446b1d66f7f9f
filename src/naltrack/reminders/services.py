"""Scheduling and sending reminders: safe to run twice, or in two places at once.

``reminders_schedule`` asks the planner (``schedule.reminders_due``) what fell due for each
patient and creates the notifications; the unique (patient, kind, due_at) constraint decides
which of two schedulers creates one. ``notification_send`` delivers one notification at most
once: it locks the row, sends only a ``scheduled`` one whose time has come, and marks it sent in
the same transaction. A failed delivery is retried with backoff, and after the last try it is
``failed`` and recorded in the audit trail, and shows on the patient's chart.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from naltrack.accounts.models import User
from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_change, field_changes
from naltrack.care import services as care_services
from naltrack.care.models import Alert, Episode, FollowUp, Patient
from naltrack.reminders import delivery, quiet_hours
from naltrack.reminders.defaults import preference_of
from naltrack.reminders.models import Notification, ReminderPreference, SweepRun
from naltrack.reminders.pause_links import pause_link_patient, pause_links_revoke
from naltrack.reminders.schedule import (
    CATCH_UP,
    PlannedReminder,
    ReminderData,
    at_local,
    reminder_data_many,
    reminders_due,
)

logger = logging.getLogger(__name__)

# source: NALTRACK — five tries, waiting 2, 4, 8 and 16 minutes between them.
MAX_ATTEMPTS: Final = 5
# How many due notifications one tick hands to the workers.
TICK_BATCH: Final = 1000
# How many patients the planner and the alert sweep read at once: a handful of queries each.
CHUNK: Final = 500


def after_quiet_hours(
    moment: dt.datetime, *, start: dt.time | None, end: dt.time | None, zone: ZoneInfo
) -> dt.datetime:
    """``moment``, or the end of the patient's quiet hours if it falls inside them."""
    if start is None or end is None:
        return moment
    local = moment.astimezone(zone)
    if not quiet_hours.inside(local.time(), (start, end)):
        return moment
    end_day = local.date()
    if quiet_hours.ends_next_day(local.time(), (start, end)):
        end_day += dt.timedelta(days=1)
    return at_local(end_day, end, zone)


def patients_to_remind() -> Any:
    """Patients on treatment, and stopped ones with follow-up contacts still to make, at clinics
    that are open (a suspended clinic's patients could not follow a reminder's link)."""
    return (
        Patient.objects.filter(
            Exists(Episode.objects.filter(patient=OuterRef("pk")).exclude(state="stopped"))
            | Exists(FollowUp.objects.filter(patient=OuterRef("pk"), done_on__isnull=True)),
            clinic__suspended_at__isnull=True,
        )
        .select_related("clinic", "reminder_preference")
        .order_by("pk")
    )


@dataclass(frozen=True)
class ScheduleResult:
    created: int
    already_there: int


def _notification_for(
    patient: Patient,
    preference: ReminderPreference | None,
    data: ReminderData,
    planned: PlannedReminder,
) -> Notification:
    message = delivery.message_for(
        kind=planned.kind,
        detail=planned.detail,
        clinic_name=patient.clinic.name,
        opted_in_details=bool(preference and preference.opted_in_details),
    )
    status, reason = Notification.Status.SCHEDULED, ""
    if preference is not None and preference.paused_non_essential and not planned.essential:
        status, reason = Notification.Status.SKIPPED, "reminders paused by the patient"
    start, end = data.quiet_hours or (None, None)
    return Notification(
        patient=patient,
        clinic_id=patient.clinic_id,
        kind=planned.kind,
        due_at=planned.due_at,
        send_after=after_quiet_hours(planned.due_at, start=start, end=end, zone=data.zone),
        channel=preference.channel if preference else patient.reminder_channel,
        essential=planned.essential,
        status=status,
        reason=reason,
        subject=message.subject,
        body=message.body,
    )


def _insert_unless_there(notifications: list[Notification]) -> None:
    """Insert; a notification whose key another scheduler inserted meanwhile is dropped."""
    Notification.objects.bulk_create(notifications, ignore_conflicts=True)


def reminders_schedule(
    *,
    now: dt.datetime,
    patients: Sequence[Patient] | None = None,
    window: dt.timedelta = CATCH_UP,
) -> ScheduleResult:
    """Create the notifications that fell due in the ``window`` ending at ``now``.

    Patients are read ``CHUNK`` at a time. The keys already there are read first and only the
    missing notifications inserted; an insert that meets the same key from another scheduler
    is dropped by the unique constraint (``ignore_conflicts``), so theirs stands. ``created``
    counts this pass's inserts, so under such a race it can count one the other made.
    """
    since = now - window
    people = list(patients_to_remind() if patients is None else patients)
    created = existing = 0
    for first in range(0, len(people), CHUNK):
        chunk = people[first : first + CHUNK]
        data = reminder_data_many(patients=chunk, since=since, until=now + dt.timedelta(days=2))
        planned = [
            _notification_for(patient, preference_of(patient), data[patient.pk], reminder)
            for patient in chunk
            for reminder in reminders_due(patient_data=data[patient.pk], now=now, window=window)
        ]
        there = set(
            Notification.objects.filter(
                patient__in=chunk, due_at__gt=since, due_at__lte=now
            ).values_list("patient_id", "kind", "due_at")
        )
        missing = [n for n in planned if (n.patient_id, n.kind, n.due_at) not in there]
        _insert_unless_there(missing)
        created += len(missing)
        existing += len(planned) - len(missing)
    return ScheduleResult(created=created, already_there=existing)


def notifications_ready(*, now: dt.datetime) -> Any:
    """Scheduled notifications whose time has come and that no worker has been handed within
    the lease (one handed over and never taken, its worker gone, is ready again after it)."""
    return (
        Notification.objects.filter(status=Notification.Status.SCHEDULED, send_after__lte=now)
        .filter(Q(handed_over_until__isnull=True) | Q(handed_over_until__lte=now))
        .order_by("send_after", "pk")
    )


def notifications_hand_over(*, now: dt.datetime, limit: int = TICK_BATCH) -> list[int]:
    """Mark up to ``limit`` ready notifications as handed to the workers, and return them.

    Without the mark every tick would queue a send task for each notification still waiting in
    the queue (a backlog would grow by a task per notification a minute). Rows another
    scheduler is marking are skipped (PostgreSQL); SQLite runs one writer at a time anyway.
    """
    with transaction.atomic():
        ids = list(
            notifications_ready(now=now)
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)[:limit]
        )
        Notification.objects.filter(pk__in=ids).update(handed_over_until=now + send_lease())
    return ids


def reminders_tick(*, now: dt.datetime, send: Callable[[int], Any]) -> ScheduleResult:
    """One scheduler tick: create what fell due, then hand each ready notification to ``send``.

    Handing one over twice (two ticks at once, a worker that died) is harmless:
    ``notification_send`` sends a notification once.
    """
    result = reminders_schedule(now=now)
    for notification_id in notifications_hand_over(now=now):
        send(notification_id)
    return result


def _claim(notification_id: int, now: dt.datetime) -> tuple[Notification, dt.datetime] | str:
    """Take a due notification for one delivery attempt (with its ``send_after`` before the
    hold), or say why not (its status).

    The attempt is counted and the notification held (``send_after`` moved a lease ahead) in a
    transaction of its own, committed before the provider is called: another worker, or a
    tick, leaves it alone while it is held; a worker killed mid-send leaves it to be offered
    again when the lease ends, the attempt still counted, so a send that kills its worker
    every time ends ``failed`` like any other instead of being retried for ever.
    """
    with transaction.atomic():
        notification: Notification | None = (
            Notification.objects.select_for_update(of=("self",))
            .select_related("patient", "patient__user", "patient__clinic")
            .filter(pk=notification_id)
            .first()
        )
        if notification is None:
            return ""
        if notification.status != Notification.Status.SCHEDULED or notification.send_after > now:
            return str(notification.status)
        preference = preference_of(notification.patient)
        if preference and preference.paused_non_essential and not notification.essential:
            notification.status = Notification.Status.SKIPPED
            notification.reason = "reminders paused by the patient"
        elif notification.attempts >= MAX_ATTEMPTS:
            # Every try was cut short (its worker died before it could say how it went).
            _failed(notification, "the sending was interrupted each time")
        else:
            held_from = notification.send_after
            notification.attempts += 1
            notification.send_after = now + send_lease()
            notification.handed_over_until = None  # taken: the hold on sending replaces it
            notification.save(update_fields=["attempts", "send_after", "handed_over_until"])
            return notification, held_from
        notification.save()
        return str(notification.status)


def send_lease() -> dt.timedelta:
    """How long a claimed notification is held: longer than a provider call may take."""
    return dt.timedelta(seconds=settings.NALTRACK_SEND_LEASE_SECONDS)


def _failed(notification: Notification, why: str = "") -> None:
    notification.status = Notification.Status.FAILED
    notification.reason = f"not delivered after {notification.attempts} tries" + (
        f": {why}" if why else ""
    )
    audit_change(
        AuditEvent.Action.UPDATE,
        notification,
        None,
        kind=notification.kind,
        status="failed",
        error=notification.last_error or why,
    )
    logger.warning("notification %s failed: %s", notification.pk, notification.last_error or why)


def notification_send(*, notification_id: int, now: dt.datetime) -> str:
    """Deliver one notification at most once; returns its status afterwards ("" if gone).

    Claim (committed), call the provider outside any transaction (so no database lock is held
    while it answers), then record the outcome. A crash between the provider's acceptance and
    the record leaves the notification to be offered again after the lease, with the same
    idempotency key, which a provider that honours it (and the file backend) accepts once.
    """
    claimed = _claim(notification_id, now)
    if isinstance(claimed, str):
        return claimed
    notification, held_from = claimed
    # Sent or skipped, it keeps the moment it was due to go; a retry moves it on below.
    notification.send_after = held_from
    failure = ""
    try:
        delivery.deliver(notification)
    except delivery.NoAddress as missing:
        notification.status = Notification.Status.SKIPPED
        notification.reason = str(missing)
        notification.unreachable = True
    except Exception as error:  # any delivery failure is retried, then shown to the clinic
        failure = notification.last_error = f"{type(error).__name__}: {error}"[:500]
        notification.send_after = now + dt.timedelta(minutes=2**notification.attempts)
    else:
        notification.status = Notification.Status.SENT
        notification.sent_at = now
    with transaction.atomic():  # the outcome and its audit event stand or fall together
        current = Notification.objects.select_for_update().filter(pk=notification.pk).first()
        if current is None or (current.status, current.attempts) != (
            Notification.Status.SCHEDULED,
            notification.attempts,
        ):
            # Held past its lease (a stalled worker), another worker took it: theirs stands.
            logger.warning("notification %s: outcome of a stale attempt dropped", notification.pk)
            return str(current.status) if current else ""
        if notification.status == Notification.Status.SENT:
            audit_change(
                AuditEvent.Action.UPDATE,
                notification,
                None,
                kind=notification.kind,
                status="sent",
                channel=notification.channel,
            )
        elif notification.unreachable:
            audit_change(
                AuditEvent.Action.UPDATE,
                notification,
                None,
                kind=notification.kind,
                status="skipped",
                reason=notification.reason,
            )
        elif failure and notification.attempts >= MAX_ATTEMPTS:
            _failed(notification)
        notification.save()
    return str(notification.status)


# --- preferences ------------------------------------------------------------------------------

PREFERENCE_FIELDS = (
    "channel",
    "reminder_time",
    "quiet_start",
    "quiet_end",
    "paused_non_essential",
    "time_zone",
    "opted_in_details",
)


@transaction.atomic
def preference_update(*, patient: Patient, by: User | None, **values: Any) -> ReminderPreference:
    unknown = set(values) - set(PREFERENCE_FIELDS)
    if unknown:
        raise TypeError(f"unknown preference fields: {sorted(unknown)}")
    preference, created = ReminderPreference.objects.get_or_create(
        patient=patient, defaults={"channel": patient.reminder_channel}
    )
    changes = field_changes(preference, **values)
    if changes or created:
        preference.save()
        audit_change(AuditEvent.Action.UPDATE, preference, by, changes=changes)
    if "paused_non_essential" in changes:
        # A link sent while reminders ran must not act after the patient changed them.
        pause_links_revoke(patient=patient)
    return preference


def reminders_pause(*, patient: Patient, by: User | None) -> ReminderPreference:
    """Pause non-essential reminders (an overdue injection or a follow-up still comes)."""
    return preference_update(patient=patient, by=by, paused_non_essential=True)


@transaction.atomic
def reminders_pause_by_link(*, token: str) -> Patient | None:
    """Pause through the link in an email; None when the link does not work (any more).

    The link is used up even when reminders were already paused: it acts once.
    """
    patient = pause_link_patient(token=token, for_update=True)
    if patient is None:
        return None
    reminders_pause(patient=patient, by=None)
    pause_links_revoke(patient=patient)
    return patient


# --- the alert sweep --------------------------------------------------------------------------


@dataclass(frozen=True)
class SweepResult:
    patients: int
    opened: int
    closed: int


def alerts_sweep(
    *, today: dt.date, progress: Callable[[int, int], None] | None = None
) -> SweepResult:
    """Run the clinical core's alert rules over every active patient (and any with open alerts).

    Finished tapers are stopped first, so the rules see today's states. Patients are read
    ``CHUNK`` at a time; each patient's changes are their own transaction, so one bad record
    cannot undo the rest of the night's sweep.
    """
    started = timezone.now()
    care_services.episodes_finish_tapers(today=today)
    patients = list(
        Patient.objects.filter(
            Exists(Episode.objects.filter(patient=OuterRef("pk")).exclude(state="stopped"))
            | Exists(Alert.objects.filter(patient=OuterRef("pk"), resolved_at__isnull=True))
            | Q(episodes__stopped_on__gte=today - dt.timedelta(days=120))
        )
        .distinct()
        .select_related("clinic")
        .order_by("pk")
    )
    opened = 0
    for first in range(0, len(patients), CHUNK):
        chunk = patients[first : first + CHUNK]
        opened += len(care_services.alerts_refresh_many(patients=chunk, today=today))
        if progress is not None:
            progress(first + len(chunk), len(patients))
    closed = Alert.objects.filter(resolved_at__gte=started).count()
    return SweepResult(patients=len(patients), opened=opened, closed=closed)


def sweep_finished(*, day: dt.date) -> bool:
    return SweepRun.objects.filter(day=day, finished_at__isnull=False).exists()


def alerts_sweep_recorded(
    *,
    today: dt.date,
    progress: Callable[[int, int], None] | None = None,
    unless_finished: bool = False,
) -> SweepRun | None:
    """``alerts_sweep``, with its run recorded (a run that dies stays unfinished, so the
    scheduler queues the night's sweep again). ``unless_finished``: do nothing (None) if a run
    of ``today`` has already finished, as when two schedulers queued the same night's sweep."""
    if unless_finished and sweep_finished(day=today):
        return None
    run = SweepRun.objects.create(day=today, started_at=timezone.now())
    result = alerts_sweep(today=today, progress=progress)
    run.finished_at = timezone.now()
    run.patients, run.opened, run.closed = result.patients, result.opened, result.closed
    run.save()
    return run
