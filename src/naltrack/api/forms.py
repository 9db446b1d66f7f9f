"""The clinic admin's form to register an outside system."""

from __future__ import annotations

from django import forms

from naltrack.api.outside import SCOPES
from naltrack.disclosure.models import Consent
from naltrack.web.forms import RecordForm, radios


class OutsideClientForm(RecordForm):
    recipient_name = forms.CharField(
        label="Who receives the records",
        max_length=200,
        help_text="The person or organisation, named as patients name them in their consents, "
        "for example “Eastside Family Practice”.",
    )
    recipient_role = forms.ChoiceField(
        label="Who they are to the patients", choices=Consent.Role.choices, widget=radios()
    )
    purpose = forms.ChoiceField(
        label="What the records are for", choices=Consent.Purpose.choices, widget=radios()
    )
    scopes = forms.MultipleChoiceField(
        label="What the system may read",
        choices=list(SCOPES.items()),
        initial=list(SCOPES),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one."},
    )
