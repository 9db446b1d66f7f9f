"""A clinic's reminder defaults: what its patients get until they choose for themselves.

The clinic's admin sets them (``clinic.clinic_defaults_save``); a clinic that never did has the
built-in ones: email, 09:00 and no quiet hours. Both functions return an unsaved instance
carrying the built-ins for such a clinic, so callers never test for a missing row.
"""

from __future__ import annotations

from collections.abc import Iterable

from naltrack.accounts.models import Clinic
from naltrack.reminders.models import ClinicReminderDefaults, Notification


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


def new_patient_channel(*, clinic: Clinic, phone: str = "") -> str:
    """The channel a new patient starts on: the clinic's default, or email if that is text
    messages and there is no number to text (a text to nobody would only be skipped)."""
    channel = str(clinic_defaults(clinic).channel)
    if channel == Notification.Channel.SMS and not phone.strip():
        return str(Notification.Channel.EMAIL)
    return channel
