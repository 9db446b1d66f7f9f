"""The clinic admin's form for the public page: the clinic's name, contact details, hours and
intro, in plain text."""

from __future__ import annotations

from typing import Any

from django import forms

from naltrack.accounts.models import PUBLIC_INTRO_MAX_CHARS, Clinic
from naltrack.web.forms import RecordForm
from naltrack.web.phone_fields import phone_field


class FrontPageForm(RecordForm):
    name = forms.CharField(
        label="Clinic name",
        max_length=Clinic._meta.get_field("name").max_length,
        error_messages={"required": "Give the clinic's name."},
    )
    phone = phone_field("Phone")
    email = forms.EmailField(
        label="Email",
        required=False,
        error_messages={"invalid": "Enter an email address, for example care@clinic.org."},
    )
    address = forms.CharField(
        label="Address",
        required=False,
        max_length=Clinic._meta.get_field("address").max_length,
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    hours = forms.CharField(
        label="Opening hours",
        required=False,
        max_length=Clinic._meta.get_field("hours").max_length,
        help_text="For example: Monday to Friday, 8am to 5pm; Saturday 9am to noon.",
    )
    public_intro = forms.CharField(
        label="A few words of welcome",
        required=False,
        max_length=PUBLIC_INTRO_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=(
            f"Plain text, up to {PUBLIC_INTRO_MAX_CHARS:,} characters, shown at the top of the "
            "page. Line breaks are kept; links and formatting are not."
        ),
        error_messages={
            "max_length": (
                f"Keep the welcome to {PUBLIC_INTRO_MAX_CHARS:,} characters or fewer "
                "(it has %(show_value)d)."
            )
        },
    )

    @classmethod
    def for_clinic(cls, clinic: Clinic, data: Any = None) -> FrontPageForm:
        return cls(
            data,
            initial={
                "name": clinic.name,
                "phone": clinic.phone,
                "email": clinic.email,
                "address": clinic.address,
                "hours": clinic.hours,
                "public_intro": clinic.public_intro,
            },
        )
