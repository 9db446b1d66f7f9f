"""The forms that hand a record out: sharing under a consent, an emergency, the patient's copy.

The forms check only what they can know alone; whether a consent covers the disclosure is the
gate's answer (``disclosure.gate``), never the form's.
"""

from __future__ import annotations

from typing import Any

from django import forms

from naltrack.disclosure.models import Consent
from naltrack.disclosure.sharing import FHIR, PDF, SHARE_FORMATS
from naltrack.web.forms import RecordForm, radios

ALLOWED, CHOSEN = "allowed", "chosen"

# Consent.Role's labels speak as the patient ("My treating providers"); staff name one recipient.
RECIPIENT_ROLES = [
    (Consent.Role.TREATING_PROVIDER.value, "A treating provider"),
    (Consent.Role.PAYER.value, "A health plan or other payer"),
    (Consent.Role.OPERATIONS.value, "Someone helping to run this program"),
    (Consent.Role.OTHER.value, "Someone else"),
]

# source: NALTRACK — what an emergency department usually needs first: what the patient takes
# (an opioid blockade changes pain care), what they are treated for, and liver tests.
EMERGENCY_DEFAULT = [
    Consent.Category.MEDICATIONS.value,
    Consent.Category.DIAGNOSES.value,
    Consent.Category.LABS.value,
]
SPOKEN = "spoken"


class ShareForm(RecordForm):
    recipient_name = forms.CharField(
        label="Who receives it",
        max_length=200,
        help_text="Their name as the patient's consent gives it, for example: Dr Ada Okafor, "
        "Eastside Family Practice.",
    )
    recipient_role = forms.ChoiceField(
        label="Who they are to the patient", choices=RECIPIENT_ROLES, widget=radios()
    )
    purpose = forms.ChoiceField(
        label="What it is for", choices=Consent.Purpose.choices, widget=radios()
    )
    scope = forms.ChoiceField(
        label="Which information",
        choices=[
            (ALLOWED, "Everything the consent allows"),
            (CHOSEN, "Only the kinds ticked below"),
        ],
        initial=ALLOWED,
        widget=radios(),
    )
    categories = forms.MultipleChoiceField(
        label="Kinds of information",
        choices=Consent.Category.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    fmt = forms.ChoiceField(label="As", choices=SHARE_FORMATS, initial=PDF, widget=radios())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("scope") == CHOSEN and not data.get("categories"):
            self.add_error(
                "categories",
                "Tick at least one kind of information, or choose everything the consent allows.",
            )
        return data

    def wanted(self) -> list[str] | None:
        """The categories asked for, or None for everything the consent allows."""
        data = self.cleaned_data
        return list(data["categories"]) if data["scope"] == CHOSEN else None


class EmergencyForm(RecordForm):
    recipient_name = forms.CharField(
        label="Name of the person receiving it",
        max_length=200,
        help_text="The doctor, nurse or paramedic treating the patient.",
    )
    recipient_affiliation = forms.CharField(label="Their hospital or service", max_length=200)
    nature = forms.CharField(
        label="What the emergency is",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example: brought to the emergency department unconscious after a fall.",
    )
    categories = forms.MultipleChoiceField(
        label="Which information the emergency needs",
        choices=Consent.Category.choices,
        initial=EMERGENCY_DEFAULT,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose what the emergency needs."},
    )
    how = forms.ChoiceField(
        label="How it is shared",
        choices=[
            (SPOKEN, "Told by phone or in person (record it here only)"),
            (PDF, "As a PDF to download and send"),
        ],
        initial=SPOKEN,
        widget=radios(),
    )


class OwnCopyForm(forms.Form):
    fmt = forms.ChoiceField(choices=[(PDF, "PDF"), (FHIR, "FHIR file")])
