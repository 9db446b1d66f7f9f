"""A clinic's reminder defaults: what its patients get until they choose for themselves, and
the one place that decides, for a patient, the zone, the daily time and the quiet hours.

The clinic's admin sets them (``clinic.clinic_defaults_save``); a clinic that never did has the
built-in ones: email, 09:00 and no quiet hours. Both functions return an unsaved instance
carrying the built-ins for such a clinic, so callers never test for a missing row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from naltrack.accounts.models import Clinic
from naltrack.care.models import Patient
from naltrack.care.phones import not_textable
from naltrack.reminders.models import ClinicReminderDefaults, Notification, ReminderPreference


def built_in_defaults(clinic_id: int) -> ClinicReminderDefaults:
    """Unsaved: the model's field defaults are the built-in ones (email, 09:00, no quiet hours)."""
    return ClinicReminderDefaults(clinic_id=clinic_id)


def clinic_defaults(clinic: Clinic) -> ClinicReminderDefaults:
    """The clinic's saved defaults, or the built-in ones (unsaved). At most one query: none if
    the row came with the clinic (``select_related("reminder_defaults")``)."""
    try:
        saved: ClinicReminderDefaults = clinic.reminder_defaults
    except ClinicReminderDefaults.DoesNotExist:
        return built_in_defaults(clinic.pk)
    return saved


def clinic_defaults_by_id(clinic_ids: Iterable[int]) -> dict[int, ClinicReminderDefaults]:
    """Every asked-for clinic's defaults, saved or built-in, in one query (none for no ids)."""
    wanted = set(clinic_ids)
    if not wanted:
        return {}
    saved = {
        row.clinic_id: row for row in ClinicReminderDefaults.objects.filter(clinic_id__in=wanted)
    }
    return {clinic_id: saved.get(clinic_id) or built_in_defaults(clinic_id) for clinic_id in wanted}


def new_patient_channel(*, clinic: Clinic, phone: Any = "") -> str:
    """The channel a new patient starts on: the clinic's default, or email if that is text
    messages and there is no mobile number to text (a text to nobody would only be skipped)."""
    channel = str(clinic_defaults(clinic).channel)
    if channel == Notification.Channel.SMS and not_textable(phone) is not None:
        return str(Notification.Channel.EMAIL)
    return channel


def zone_for(*, patient: Patient, preference: ReminderPreference | None) -> ZoneInfo:
    for name in ((preference.time_zone if preference else ""), patient.clinic.time_zone):
        if name:
            try:
                return ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return ZoneInfo("UTC")


def reminder_time_for(
    *,
    patient: Patient,
    preference: ReminderPreference | None,
    defaults: ClinicReminderDefaults,
) -> dt.time:
    """The daily reminder's wall-clock time: the patient's choice, the time the clinician set
    on the record, else the clinic's default (09:00 unless its admin chose another)."""
    return (
        (preference.reminder_time if preference else None)
        or patient.reminder_time
        or defaults.reminder_time
    )


def quiet_hours_for(
    *, preference: ReminderPreference | None, defaults: ClinicReminderDefaults
) -> tuple[dt.time, dt.time] | None:
    """The patient's quiet hours if they set them, else the clinic's default ones, if any."""
    for source in (preference, defaults):
        if source is not None and source.quiet_start is not None and source.quiet_end is not None:
            return (source.quiet_start, source.quiet_end)
    return None


def preference_of(patient: Patient) -> ReminderPreference | None:
    """The patient's saved preferences (read with the patient by ``select_related``), or None."""
    try:
        preference: ReminderPreference = patient.reminder_preference
    except ReminderPreference.DoesNotExist:
        return None
    return preference
