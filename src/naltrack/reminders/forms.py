"""The reminder forms (the patient's preferences, the clinic's defaults, handling a delivery
problem): plain messages that say what to do."""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from typing import Any

from django import forms

from naltrack.care.phones import NotTextable, not_textable, phone_display
from naltrack.reminders.models import BUILT_IN_REMINDER_TIME, Notification

TIME_ERRORS = {"invalid": "Enter a time like 08:30 or 20:00."}


def time_field(label: str, *, required: bool = False) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        required=required,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"required": "Enter a time like 09:00.", **TIME_ERRORS},
    )


class QuietHoursForm(forms.Form):
    """Quiet hours: both ends or neither, and not the same time (the database says so too)."""

    quiet_start = time_field("Quiet hours from")
    quiet_end = time_field("Quiet hours until")

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        start, end = cleaned.get("quiet_start"), cleaned.get("quiet_end")
        if self.has_error("quiet_start") or self.has_error("quiet_end"):
            return cleaned
        if (start is None) != (end is None):
            self.add_error(
                "quiet_end" if end is None else "quiet_start",
                "Give both the start and the end of quiet hours, or leave both empty.",
            )
        elif start is not None and start == end:
            self.add_error("quiet_end", "The end of quiet hours must differ from the start.")
        return cleaned


class PreferenceForm(QuietHoursForm):
    field_order = ("channel", "reminder_time", "quiet_start", "quiet_end", "time_zone")
    channel = forms.ChoiceField(
        label="Send my reminders by",
        choices=Notification.Channel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose email or text message."},
    )
    reminder_time = time_field("Time of my daily reminder")
    time_zone = forms.ChoiceField(
        label="My time zone",
        error_messages={
            "required": "Choose your time zone from the list.",
            "invalid_choice": "Choose a time zone from the list, for example America/New_York.",
        },
    )
    paused_non_essential = forms.BooleanField(
        label="Pause everyday reminders (important ones, like a missed shot, still come)",
        required=False,
    )
    opted_in_details = forms.BooleanField(
        label="My messages may name my medicine and treatment (others may see them on my lock screen)",
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        phone: Any = "",
        clinic_time: dt.time = BUILT_IN_REMINDER_TIME,
        clinic_quiet_hours: tuple[dt.time, dt.time] | None = None,
        clinic_zone: str = "",
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.phone = phone
        self.clinic_zone = clinic_zone
        zone = self.fields["time_zone"]
        zone.choices = time_zone_choices()  # type: ignore[attr-defined]
        zone.initial = clinic_zone
        if clinic_zone:
            zone.help_text = f"Your clinic's is {clinic_zone}."
        # What an empty field means: the clinic's default, set by its admin.
        self.fields["reminder_time"].help_text = f"Leave empty for {clinic_time:%H:%M}."
        if clinic_quiet_hours:
            start, end = clinic_quiet_hours
            self.fields[
                "quiet_end"
            ].help_text = (
                f"Leave both empty for your clinic's quiet hours, {start:%H:%M} to {end:%H:%M}."
            )

    def clean_time_zone(self) -> str:
        name: str = self.cleaned_data["time_zone"]
        # Stored empty, the clinic's zone is followed: a patient who keeps it moves with the
        # clinic if its admin corrects it, rather than staying on the old one.
        return "" if name == self.clinic_zone else name

    def clean_channel(self) -> str:
        channel: str = self.cleaned_data["channel"]
        if channel != Notification.Channel.SMS:
            return channel
        why = not_textable(self.phone)
        if why is NotTextable.NO_NUMBER:
            raise forms.ValidationError(
                "We have no mobile number for you. Ask your clinic to add it, or choose email."
            )
        if why is NotTextable.LANDLINE:
            raise forms.ValidationError(
                f"The number we have for you, {phone_display(self.phone)}, is a landline and "
                "can’t get text messages. Ask your clinic to add your mobile number, or choose "
                "email."
            )
        if why is NotTextable.NOT_VALID:
            raise forms.ValidationError(
                "The phone number we have for you doesn’t work for text messages. Ask your "
                "clinic to check it, or choose email."
            )
        return channel


@functools.cache
def time_zone_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Every zone ``zoneinfo`` knows, grouped by region, e.g. America → "Argentina / Salta"."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for name in sorted(zoneinfo.available_timezones()):
        region, _, place = name.partition("/")
        label = (place or region).replace("_", " ").replace("/", " / ")
        groups.setdefault(region if place else "Other", []).append((name, label))
    return sorted(groups.items())


class ClinicDefaultsForm(QuietHoursForm):
    """The clinic admin's reminder settings: the clinic's time zone and the patients' defaults."""

    field_order = ("time_zone", "channel", "reminder_time", "quiet_start", "quiet_end")

    time_zone = forms.ChoiceField(
        label="Clinic time zone",
        help_text="Reminder times are in this zone for patients who have not chosen their own.",
        error_messages={
            "required": "Choose the clinic's time zone.",
            "invalid_choice": "Choose a time zone from the list, for example America/New_York.",
        },
    )
    channel = forms.ChoiceField(
        label="Send new patients' reminders by",
        choices=Notification.Channel.choices,
        widget=forms.RadioSelect,
        help_text="Patients with no mobile number on record get email.",
        error_messages={"required": "Choose email or text message."},
    )
    reminder_time = time_field("Time of the daily reminder", required=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = time_zone_choices()  # type: ignore[attr-defined]


class ProblemHandledForm(forms.Form):
    note = forms.CharField(
        label="Note",
        max_length=500,
        required=False,
        help_text="Optional: what you did, for example “Called; new number saved”.",
    )
