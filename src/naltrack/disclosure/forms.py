"""The consent forms: the patient's, in plain words, and the clinician's record of a paper form.

Both ask for the same terms (each element of 42 CFR §2.31(a)); the services check them again, so
a form only has to say clearly what is missing.
"""

from __future__ import annotations

from typing import Any

from django import forms

from naltrack.disclosure.models import Consent
from naltrack.disclosure.services import GENERAL_DESIGNATION
from naltrack.web.forms import NotFutureDateField, RecordForm, radios

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
GENERAL_ROLES = [choice for choice in Consent.Role.choices if choice[0] != Consent.Role.OTHER]


class ConsentTermsForm(RecordForm):
    recipient_kind = forms.ChoiceField(
        label="Who may receive your records",
        choices=Consent.RecipientKind.choices,
        widget=radios(),
    )
    recipient_roles = forms.MultipleChoiceField(
        label="If you chose your treating providers and health plans: which of them",
        choices=GENERAL_ROLES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    recipient_name = forms.CharField(
        label="If you chose a named person or organisation: their name",
        max_length=200,
        required=False,
        help_text="For example: Dr Ada Okafor, Eastside Family Practice.",
    )
    purposes = forms.MultipleChoiceField(
        label="Why they may have them",
        choices=Consent.Purpose.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    purpose_other = forms.CharField(
        label="If another purpose: what it is", max_length=300, required=False
    )
    all_records = forms.BooleanField(
        label="All of my substance use treatment records", required=False
    )
    categories = forms.MultipleChoiceField(
        label="Or only these parts of my record",
        choices=Consent.Category.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    expires_on = forms.DateField(
        label="This consent ends on",
        required=False,
        widget=DATE,
        help_text="A date, or an event below (or both: it ends at whichever comes first).",
    )
    expiry_event = forms.CharField(
        label="Or it ends when",
        max_length=300,
        required=False,
        help_text="For example: when I finish treatment at this clinic.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("recipient_kind") == Consent.RecipientKind.GENERAL_TPO:
            # source: 42 CFR 2.31(a)(4)(i) — the designation in the rule's own words
            data["recipient_name"] = GENERAL_DESIGNATION
        return data


class ConsentSignForm(ConsentTermsForm):
    """The patient signs in their own pages by typing their name."""

    understood = forms.BooleanField(
        label="I have read this consent, and I know I can withdraw it at any time",
        error_messages={"required": "Please confirm you have read the consent."},
    )
    signed_name = forms.CharField(
        label="Type your full name to sign",
        max_length=200,
        help_text="Typing your name here counts as your signature.",
    )


class PaperConsentForm(ConsentTermsForm):
    """Staff record a consent the patient signed on paper, with its scan."""

    signed_name = forms.CharField(label="Name signed on the form", max_length=200)
    signed_on = NotFutureDateField(label="Date signed on the form")
    scan = forms.FileField(
        label="Scan of the signed form",
        help_text="A PDF, JPEG or PNG file of 10 MB or less.",
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )


# A bulk export is never at one patient's own request: that is their own copy.
EXPORT_PURPOSES = [c for c in Consent.Purpose.choices if c[0] != Consent.Purpose.PATIENT_REQUEST]


class BulkExportForm(RecordForm):
    recipient_name = forms.CharField(
        label="Who the records go to",
        max_length=200,
        help_text="The person or organisation, as the patients' consents name them. "
        "For example: Acme Health Plan.",
    )
    recipient_role = forms.ChoiceField(
        label="Who they are to the patients", choices=Consent.Role.choices, widget=radios()
    )
    purpose = forms.ChoiceField(label="What the records are for", choices=EXPORT_PURPOSES)
