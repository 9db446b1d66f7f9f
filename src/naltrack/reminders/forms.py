"""The patient's reminder preferences form: plain messages that say what to do."""

from __future__ import annotations

import zoneinfo
from typing import Any

from django import forms

from naltrack.reminders.models import Notification

TIME_ERRORS = {"invalid": "Enter a time like 08:30 or 20:00."}


class PreferenceForm(forms.Form):
    channel = forms.ChoiceField(
        label="Send my reminders by",
        choices=Notification.Channel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose email or text message."},
    )
    reminder_time = forms.TimeField(
        label="Time of my daily reminder",
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages=TIME_ERRORS,
        help_text="Leave empty for 9:00 in the morning.",
    )
    quiet_start = forms.TimeField(
        label="Quiet hours from",
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages=TIME_ERRORS,
    )
    quiet_end = forms.TimeField(
        label="Quiet hours until",
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages=TIME_ERRORS,
    )
    time_zone = forms.CharField(
        label="My time zone",
        required=False,
        max_length=64,
        help_text="Leave empty to use your clinic's, e.g. America/Chicago.",
    )
    paused_non_essential = forms.BooleanField(
        label="Pause everyday reminders (important ones, like a missed shot, still come)",
        required=False,
    )
    opted_in_details = forms.BooleanField(
        label="My messages may name my medicine and treatment (others may see them on my lock screen)",
        required=False,
    )

    def __init__(self, *args: Any, has_phone: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.has_phone = has_phone

    def clean_time_zone(self) -> str:
        name: str = self.cleaned_data["time_zone"].strip()
        if name and name not in zoneinfo.available_timezones():
            raise forms.ValidationError("Enter a time zone name like America/New_York.")
        return name

    def clean_channel(self) -> str:
        channel: str = self.cleaned_data["channel"]
        if channel == Notification.Channel.SMS and not self.has_phone:
            raise forms.ValidationError(
                "We have no mobile number for you. Ask your clinic to add it, or choose email."
            )
        return channel

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        start, end = cleaned.get("quiet_start"), cleaned.get("quiet_end")
        if (start is None) != (end is None) and not self.has_error("quiet_start"):
            if not self.has_error("quiet_end"):
                self.add_error(
                    "quiet_end" if end is None else "quiet_start",
                    "Give both the start and the end of your quiet hours, or neither.",
                )
        elif start is not None and start == end:
            self.add_error("quiet_end", "The end of quiet hours must differ from the start.")
        return cleaned
