"""The public enrollment form and the intake queue's accept and decline forms.

The public form speaks to someone who may be on a phone on a bad day: short plain questions,
one message per problem saying what to do, and nothing they typed thrown away on an error.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms import BoundField
from django.utils import timezone

from naltrack.accounts.models import Clinic
from naltrack.care.dates import recent_use_days
from naltrack.care.phones import NotTextable, not_textable
from naltrack.clinical.start_check import EXPOSURE_KINDS
from naltrack.clinical.vocabulary import EXPOSURE_KIND_LABELS
from naltrack.enrollment.models import Enrollment
from naltrack.web.forms import ISO_DATE, Radios
from naltrack.web.phone_fields import phone_example, phone_field

# Who may use the online form. Naltrexone's labels say safety and effectiveness in patients under
# 18 are not established [REVIA §Pediatric Use; VIVITROL §8.4], but older teenagers with opioid or
# alcohol use disorder should still reach care (ASAM2020 recommends offering adolescents
# medication), so the form takes people from 16 and the queue marks anyone under 18 for the
# clinician to handle under the state's consent rules. Younger people are asked to call.
# A Naltrack default (source: NALTRACK).
MIN_AGE = 16
# An older date is a typing slip (1905 for 1995), not a person.
MAX_AGE = 120

# The hidden field only scripts fill in. Its name is not one that browsers or password managers
# fill in for a person (they know "email", "url", "company"...).
HONEYPOT = "referral_code"

DATE_INPUTS = [ISO_DATE, "%m/%d/%Y", "%m-%d-%Y"]

YES_NO = [("yes", "Yes"), ("no", "No")]
TOO_LONG = (
    "Please make this shorter: at most %(limit_value)d characters (you typed %(show_value)d)."
)


def age_on(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year - years, day=28)


def _text(label: str, *, max_length: int, required: bool = True, **attrs: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        widget=forms.TextInput(attrs=attrs),
        error_messages={"max_length": TOO_LONG},
    )


def _date_input(**attrs: str) -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date", **attrs}, format=ISO_DATE)


class FocusFirstErrorForm(forms.Form):
    """Puts ``autofocus`` on the first field with an error (none on a fresh form: the person
    reads the page from the top). Radio groups focus their checked or first button."""

    def add_error(self, field: str | None, error: Any) -> None:
        super().add_error(field, error)
        errors = getattr(self, "_errors", None) or {}
        first = next((name for name in self.fields if name in errors), None)
        for name, form_field in self.fields.items():
            if name == first:
                form_field.widget.attrs["autofocus"] = True
            else:
                form_field.widget.attrs.pop("autofocus", None)


class EnrollmentForm(FocusFirstErrorForm):
    # Radio groups with short answers, shown on one line (read by care/record/_field.html).
    inline_choices = ("preferred_contact", "preferred_time", "recent_opioid_use")

    # --- about you
    given_name = _text("First name", max_length=100, autocomplete="given-name")
    family_name = _text("Last name", max_length=100, autocomplete="family-name")
    date_of_birth = forms.DateField(
        label="Date of birth",
        input_formats=DATE_INPUTS,
        widget=_date_input(autocomplete="bday"),
        help_text="For example 03/31/1990.",
    )

    # --- how to reach you
    preferred_contact = forms.ChoiceField(
        label="How should we contact you?",
        choices=Enrollment.Contact.choices,
        widget=Radios(),
    )
    email = forms.EmailField(
        label="Email",
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text="We will send your sign-in link here if you join. Needed if you chose email.",
    )
    phone = phone_field(
        "Phone number",
        invalid=f"Enter a phone number with the area code, for example {phone_example()}.",
    )
    preferred_time = forms.ChoiceField(
        label="What time of day is best?",
        choices=Enrollment.TimeOfDay.choices,
        widget=Radios(),
    )

    # --- what you want help with
    wants_help_with = forms.ChoiceField(
        label="What do you want help with?",
        choices=Enrollment.HelpWith.choices,
        widget=Radios(),
    )
    current_medications = forms.CharField(
        label="Medicines you take now",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Prescriptions, over-the-counter medicines and supplements. Leave empty if none.",
    )

    # --- opioid use
    recent_opioid_use = forms.TypedChoiceField(
        label="Have you used any opioids in the last 30 days?",
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=Radios(),
        help_text="Opioids include fentanyl, heroin, pain pills like oxycodone, methadone and "
        "buprenorphine (Suboxone).",
    )
    opioid_kind = forms.ChoiceField(
        label="If yes: what kind?",
        choices=[(kind, EXPOSURE_KIND_LABELS[kind]) for kind in EXPOSURE_KINDS],
        required=False,
        widget=Radios(),
        help_text="If you are not sure, choose the closest one.",
    )
    opioid_what = _text("If yes: what was it? (optional)", max_length=120, required=False)
    opioid_last_use = forms.DateField(
        label="If yes: when did you last use?",
        input_formats=DATE_INPUTS,
        required=False,
        widget=_date_input(),
        help_text="Your best guess is fine.",
    )

    # --- insurance
    insurance_payer = _text(
        "Insurance company (optional)", max_length=120, required=False, autocomplete="off"
    )
    insurance_member_id = _text(
        "Member ID (optional)", max_length=60, required=False, autocomplete="off"
    )

    # --- emergency contact
    emergency_contact_name = _text("Their name", max_length=200, required=False)
    emergency_contact_phone = phone_field(
        "Their phone number",
        invalid=f"Enter their phone number with the area code, for example {phone_example()}.",
    )

    # --- how you heard of us
    heard_from = forms.ChoiceField(
        label="How did you hear about us? (optional)",
        choices=Enrollment.HeardFrom.choices,
        required=False,
        widget=Radios(),
    )
    heard_from_other = _text("Tell us more (optional)", max_length=200, required=False)

    # --- consents
    consent_contact = forms.BooleanField(
        label="It is OK for the clinic to contact me about treatment, the way I chose above.",
    )
    consent_privacy = forms.BooleanField(
        label="I have read the privacy notice above.",
    )

    # --- only scripts fill this in (hidden from people by CSS and from screen readers)
    referral_code = forms.CharField(
        label="Leave this empty",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    FIELDSETS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
        ("About you", "", ("given_name", "family_name", "date_of_birth")),
        ("How to reach you", "", ("preferred_contact", "email", "phone", "preferred_time")),
        ("What you want help with", "", ("wants_help_with", "current_medications")),
        (
            "Opioid use",
            "We ask because naltrexone can cause sudden withdrawal if opioids are still in your "
            "body. Your answer is private and will not get you in trouble.",
            ("recent_opioid_use", "opioid_kind", "opioid_what", "opioid_last_use"),
        ),
        (
            "Insurance",
            "No insurance? That is OK. Leave this part empty and we will talk about how to pay.",
            ("insurance_payer", "insurance_member_id"),
        ),
        (
            "Emergency contact (optional)",
            "Someone we can call if we are worried about your safety and cannot reach you.",
            ("emergency_contact_name", "emergency_contact_phone"),
        ),
        ("How you heard about us", "", ("heard_from", "heard_from_other")),
        ("Your permission", "", ("consent_contact", "consent_privacy")),
    )

    def __init__(self, *args: Any, clinic: Clinic, **kwargs: Any) -> None:
        self.clinic = clinic
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["date_of_birth"].widget.attrs["max"] = _years_before(today, MIN_AGE).isoformat()
        self.fields["opioid_last_use"].widget.attrs["max"] = today.isoformat()
        self.fields[
            "consent_contact"
        ].label = (
            f"It is OK for {clinic.name} to contact me about treatment, the way I chose above."
        )
        self._set_messages()

    def _set_messages(self) -> None:
        messages = {
            "given_name": {"required": "Enter your first name."},
            "family_name": {"required": "Enter your last name."},
            "date_of_birth": {
                "required": "Enter your date of birth.",
                "invalid": "Enter your date of birth as a date, for example 03/31/1990.",
            },
            "preferred_contact": {"required": "Choose how we should contact you."},
            "email": {"invalid": "Enter an email address like name@example.com."},
            "preferred_time": {"required": "Choose the best time of day to contact you."},
            "wants_help_with": {"required": "Choose what you want help with."},
            "recent_opioid_use": {
                "required": "Answer yes or no. Your answer is private.",
            },
            "opioid_last_use": {
                "invalid": "Enter the day you last used as a date, for example 03/31/2025.",
            },
            "consent_contact": {"required": "Tick this box so we can contact you."},
            "consent_privacy": {
                "required": "Tick this box to say you have read the privacy notice."
            },
        }
        for name, errors in messages.items():
            self.fields[name].error_messages.update(errors)
        for form_field in self.fields.values():
            form_field.error_messages["max_length"] = TOO_LONG
            if isinstance(form_field, forms.ChoiceField):
                form_field.error_messages["invalid_choice"] = "Choose one of the answers shown."

    def fieldsets(self) -> list[tuple[str, str, list[BoundField]]]:
        return [
            (legend, intro, [self[name] for name in names])
            for legend, intro, names in self.FIELDSETS
        ]

    @property
    def honeypot(self) -> BoundField:
        return self[HONEYPOT]

    # --- one field at a time

    def clean_date_of_birth(self) -> dt.date:
        born: dt.date = self.cleaned_data["date_of_birth"]
        today = timezone.localdate()
        if born > today:
            raise ValidationError("Your date of birth can’t be in the future.", code="future")
        age = age_on(born, today)
        if age > MAX_AGE:
            raise ValidationError(
                f"Please check the year: this date would make you {age} years old.", code="old"
            )
        if age < MIN_AGE:
            call = f" at {self.clinic.phone}" if self.clinic.phone else ""
            raise ValidationError(
                f"You need to be {MIN_AGE} or older to use this form. Please call "
                f"{self.clinic.name}{call} and we will help you.",
                code="young",
            )
        return born

    def clean_opioid_last_use(self) -> dt.date | None:
        day: dt.date | None = self.cleaned_data["opioid_last_use"]
        if day and day > timezone.localdate():
            raise ValidationError(
                "The day you last used can’t be in the future. Enter today or an earlier day.",
                code="future",
            )
        return day

    # --- questions that depend on each other

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self._clean_contact(data)
        self._clean_opioids(data)
        if (
            data.get("insurance_member_id")
            and not data.get("insurance_payer")
            and "insurance_payer" not in self.errors
        ):
            self.add_error("insurance_payer", "Tell us the name of your insurance company too.")
        name, phone = data.get("emergency_contact_name"), data.get("emergency_contact_phone")
        if name and not phone and "emergency_contact_phone" not in self.errors:
            self.add_error("emergency_contact_phone", "Enter their phone number too.")
        if phone and not name:
            self.add_error("emergency_contact_name", "Enter their name too.")
        return data

    def _clean_contact(self, data: dict[str, Any]) -> None:
        method = data.get("preferred_contact")
        needed = "email" if method == Enrollment.Contact.EMAIL else "phone"
        if (
            method == Enrollment.Contact.TEXT
            and not self.has_error("phone")
            and not_textable(data.get("phone")) is NotTextable.LANDLINE
        ):
            self.add_error(
                "phone",
                "This number is a landline, which can’t get text messages. Enter a mobile "
                "number, or choose a phone call.",
            )
            return
        if not method or data.get(needed) or needed in self.errors:
            return
        if needed == "email":
            message = (
                "You chose email: enter your email address, or choose another way to contact you."
            )
        else:
            how = "a phone call" if method == Enrollment.Contact.PHONE else "text messages"
            message = (
                f"You chose {how}: enter your phone number, or choose another way to contact you."
            )
        self.add_error(needed, message)

    def _clean_opioids(self, data: dict[str, Any]) -> None:
        used = data.get("recent_opioid_use")
        if used is True:
            if not data.get("opioid_kind") and "opioid_kind" not in self.errors:
                self.add_error(
                    "opioid_kind", "You answered yes: choose the kind of opioid you used."
                )
            last_use, recent = data.get("opioid_last_use"), recent_use_days()
            if not last_use and "opioid_last_use" not in self.errors:
                self.add_error(
                    "opioid_last_use",
                    "You answered yes: tell us the day you last used. Your best guess is fine.",
                )
            elif last_use and not recent.allows(last_use):
                self.add_error(
                    "opioid_last_use",
                    f"You answered yes to the last 30 days: {recent.refusal[:1].lower()}"
                    f"{recent.refusal[1:]} Please check the year, or change your answer to “No”.",
                )
        elif used is False:
            # A "no" with a date or a name filled in is more likely a slip on the yes/no: ask,
            # don't guess (a missed recent use matters for starting naltrexone safely). A kind
            # left ticked is not asked about: a radio button can't be cleared without a script.
            filled = [
                name
                for name in ("opioid_what", "opioid_last_use")
                if data.get(name) and name not in self.errors
            ]
            for name in filled:
                self.add_error(
                    name,
                    "You answered “No” to opioid use in the last 30 days. Change that answer "
                    "to “Yes”, or clear this.",
                )

    def answers(self) -> dict[str, Any]:
        """The cleaned answers, as ``services.enrollment_submit`` takes them."""
        data = dict(self.cleaned_data)
        data.pop(HONEYPOT, None)
        if not data["recent_opioid_use"]:
            data.update(opioid_kind="", opioid_what="", opioid_last_use=None)
        return data


NEW_PATIENT = "new"


class AcceptForm(FocusFirstErrorForm):
    """Accepting a form. When the clinic may already have the person (``likely_duplicates``,
    from ``care.selectors.likely_duplicates``), it asks whether they are one of those patients,
    and a reason when they are not."""

    email = forms.EmailField(
        label="Email for the invitation",
        max_length=254,
        required=False,
        help_text="The patient gets a link here to choose a password. Leave empty to create "
        "the patient without an account (no invitation is sent).",
        error_messages={"invalid": "Enter an email address like name@example.com."},
    )
    same_person = forms.ChoiceField(
        label="Is this one of your patients already?",
        widget=Radios(),
        error_messages={
            "required": "Choose the patient this form is from, or “A different person”.",
            "invalid_choice": "Choose one of the answers shown.",
        },
    )
    different_person_reason = forms.CharField(
        label="If a different person: why?",
        max_length=200,
        required=False,
        help_text="For example “Twins” or “Different person with the same name”.",
        error_messages={"max_length": TOO_LONG},
    )

    def __init__(self, *args: Any, likely_duplicates: list[Any] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.likely_duplicates = {str(c.patient.pk): c.patient for c in likely_duplicates or []}
        if not self.likely_duplicates:
            del self.fields["same_person"], self.fields["different_person_reason"]
            return
        self.fields["same_person"].choices = [  # type: ignore[attr-defined]
            *(
                (
                    pk,
                    f"Yes: {p.full_name}, born {p.date_of_birth:%Y-%m-%d} (accept the form "
                    "onto their chart; no new patient, no invitation)",
                )
                for pk, p in self.likely_duplicates.items()
            ),
            (NEW_PATIENT, "No: a different person (create a new patient)"),
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            data.get("same_person") == NEW_PATIENT
            and not data.get("different_person_reason", "").strip()
            and not self.has_error("different_person_reason")
        ):
            self.add_error(
                "different_person_reason",
                "Say why this is a different person, for example “Twins”.",
            )
        return data

    def existing_patient(self) -> Any:
        """The patient chosen as the same person, or None for a new one."""
        return self.likely_duplicates.get(self.cleaned_data.get("same_person") or "")


class DeclineForm(FocusFirstErrorForm):
    reason = forms.CharField(
        label="Reason for declining",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example “Duplicate of #12” or “Referred to a program closer to home”.",
        error_messages={
            "required": "Give a reason for declining.",
            "max_length": TOO_LONG,
        },
    )
