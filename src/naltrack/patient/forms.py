"""The patient's forms: the daily check-in, the craving plan and the "craving now" steps.

Written for a phone on a bad day: few fields, big choices, plain messages that say what to
do. Like the clinician's record forms (``care.forms``), a form checks what it can know on its
own and the services' refusals come back onto it through ``add_refusal``; unlike them, nothing
is focused on a fresh page (a phone would open its keyboard over the page's first lines), only
the first field with an error.
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from naltrack.care.models.cravings import (
    NAME_MAX,
    PHONE_MAX,
    PLAN_ITEM_MAX,
    PLAN_TEXT_MAX,
    CravingEpisode,
    CravingPlan,
)
from naltrack.patient.toolkit import TOOLKIT
from naltrack.web.forms import RecordForm

CRAVING_CHOICES = [(str(n), str(n)) for n in range(11)]  # source: NALTRACK craving scale 0-10
CRAVING_ERRORS = {
    "required": "Choose a number from 0 (no craving) to 10 (the strongest).",
    "invalid_choice": "Choose a number from 0 (no craving) to 10 (the strongest).",
}

# The keys are the ones the record and the demo data use.
SIDE_EFFECTS = [
    ("nausea", "Feeling sick to my stomach (nausea)"),
    ("headache", "Headache"),
    ("dizziness", "Dizziness"),
    ("tiredness", "Tiredness"),
    ("trouble_sleeping", "Trouble sleeping"),
    ("anxiety", "Feeling nervous or worried (anxiety)"),
]
INJECTION_SITE = ("injection_site_pain", "Pain or a lump where I got the shot")
NO_SIDE_EFFECTS = "none"
SIDE_EFFECT_LABELS = dict([*SIDE_EFFECTS, INJECTION_SITE])

# Mood 1 (very low) to 5 (very good), as the record stores it; a face for each, shown beside
# the word (the word is what a screen reader reads).
MOODS = [
    ("1", "Very low", "😞"),
    ("2", "Low", "😟"),
    ("3", "Okay", "😐"),
    ("4", "Good", "😊"),
    ("5", "Very good", "😄"),
]
MOOD_FACES = {int(value): face for value, _, face in MOODS}
MOOD_WORDS = {int(value): word for value, word, _ in MOODS}

NOTE_MAX = 2000  # CheckIn.note
DRINKS_MAX = 99


class PatientForm(RecordForm):
    def _focus(self) -> None:
        errors = getattr(self, "_errors", None) or {}
        with_errors = [name for name in self.fields if name in errors]
        for name, field in self.fields.items():
            if with_errors and name == with_errors[0]:
                field.widget.attrs["autofocus"] = True
            else:
                field.widget.attrs.pop("autofocus", None)


def _pills() -> forms.RadioSelect:
    return forms.RadioSelect(attrs={"class": "pill-input"})


class CheckInForm(PatientForm):
    craving = forms.TypedChoiceField(
        label="How strong is your craving right now?",
        help_text="0 means no craving. 10 means the strongest you can imagine.",
        choices=CRAVING_CHOICES,
        coerce=int,
        widget=_pills(),
        error_messages=CRAVING_ERRORS,
    )
    # The safety questions start unanswered: a patient who taps only the craving must be asked
    # again, not recorded as "no drinking, no opioids". source: NALTRACK
    drinks = forms.IntegerField(
        label="How many drinks did you have today?",
        help_text="Count standard drinks. Put 0 if none.",
        min_value=0,
        max_value=DRINKS_MAX,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 0, "max": DRINKS_MAX}),
        error_messages={
            "required": "How many drinks? Put 0 if you had none.",
            "invalid": "Put the number of drinks as a number, for example 0 or 2.",
            "min_value": "The number of drinks can’t be less than 0.",
            "max_value": f"Put a number up to {DRINKS_MAX}.",
        },
    )
    opioid_use = forms.TypedChoiceField(
        label="Did you use any opioids today?",
        help_text="For example heroin, fentanyl, or pain pills not prescribed to you.",
        choices=[("no", "No"), ("yes", "Yes")],
        coerce=lambda value: value == "yes",
        widget=_pills(),
        error_messages={
            "required": "Choose yes or no.",
            "invalid_choice": "Choose yes or no.",
        },
    )
    side_effects = forms.MultipleChoiceField(
        label="Any side effects today?",
        help_text="Tick all that you have.",
        required=False,
        choices=[],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose from the list."},
    )
    mood = forms.TypedChoiceField(
        label="How is your mood?",
        choices=[(value, word) for value, word, _ in MOODS],
        coerce=int,
        required=False,
        empty_value=None,
        widget=_pills(),
        error_messages={"invalid_choice": "Choose one of the five moods."},
    )
    note = forms.CharField(
        label="Anything else you want your care team to know?",
        help_text="Optional.",
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": f"This note is too long: please keep it under {NOTE_MAX} characters "
            "(it has %(show_value)d)."
        },
    )

    inline_choices = ("craving", "opioid_use", "mood")

    def __init__(
        self, *args: Any, injection: bool = False, side_effects: bool = True, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if not side_effects:
            # Before the first dose there is no medicine to have side effects from.
            del self.fields["side_effects"]
            return
        choices = [*SIDE_EFFECTS]
        if injection:
            choices.append(INJECTION_SITE)
        choices.append((NO_SIDE_EFFECTS, "None"))
        self.side_effect_order = [value for value, _ in choices]
        field = self.fields["side_effects"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = choices

    def clean_side_effects(self) -> list[str]:
        chosen: list[str] = self.cleaned_data.get("side_effects") or []
        if NO_SIDE_EFFECTS in chosen and len(chosen) > 1:
            raise ValidationError(
                "You ticked “None” and a side effect. Untick one of them.", code="none_and_some"
            )
        # Stored in the list's order, whatever order the browser sent them in.
        return sorted(
            (value for value in chosen if value != NO_SIDE_EFFECTS),
            key=self.side_effect_order.index,
        )

    @property
    def mood_options(self) -> list[tuple[Any, str]]:
        """The mood radios with the face to show beside each."""
        return [(radio, MOOD_FACES[int(radio.data["value"])]) for radio in self["mood"].subwidgets]


PHONE_PATTERN = re.compile(r"^\+?[0-9 ().\-]{7,25}$")


def _phone_field(label: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=PHONE_MAX,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off", "inputmode": "tel"}),
        error_messages={"max_length": "This phone number is too long."},
    )


def _text(label: str, help_text: str = "", *, rows: int = 3) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=PLAN_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={
            "max_length": f"Please keep this under {PLAN_TEXT_MAX} characters "
            "(it has %(show_value)d)."
        },
    )


def _item(label: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=PLAN_ITEM_MAX,
        widget=forms.TextInput(attrs={"list": "toolkit-ideas", "autocomplete": "off"}),
        error_messages={
            "max_length": f"Please keep this under {PLAN_ITEM_MAX} characters "
            "(it has %(show_value)d).",
        },
    )


class CravingPlanForm(PatientForm):
    triggers = _text(
        "What sets off your cravings?",
        "For example: payday, being alone at night, seeing old friends, stress at work.",
    )
    warning_signs = _text(
        "How do you know a craving is starting?",
        "For example: I feel restless, I can’t sleep, I start thinking “just one”.",
    )
    help_1 = _item("First thing that helps me")
    help_2 = _item("Second thing that helps me")
    help_3 = _item("Third thing that helps me")
    person_1_name = forms.CharField(
        label="First person I can call: name", required=False, max_length=NAME_MAX
    )
    person_1_phone = _phone_field("Their phone number")
    person_2_name = forms.CharField(
        label="Second person I can call: name", required=False, max_length=NAME_MAX
    )
    person_2_phone = _phone_field("Their phone number")

    PEOPLE = (("person_1_name", "person_1_phone"), ("person_2_name", "person_2_phone"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        helps = ("help_1", "help_2", "help_3")
        if not any(data.get(name, "").strip() for name in helps) and not any(
            name in self.errors for name in helps
        ):
            # Any one of the three will do: the plan fills its slots in order.
            self.add_error("help_1", "Write at least one thing that helps you.")
        for name_field, phone_field in self.PEOPLE:
            name = (data.get(name_field) or "").strip()
            phone = (data.get(phone_field) or "").strip()
            if phone_field in self.errors:
                continue
            if phone and not PHONE_PATTERN.match(phone):
                self.add_error(
                    phone_field, "Put a phone number using numbers, for example 555-123-4567."
                )
            elif name and not phone:
                self.add_error(phone_field, f"Add a phone number for {name}.")
            elif phone and not name:
                self.add_error(name_field, "Add the name of the person with this number.")
        return data

    @classmethod
    def initial_from(cls, plan: CravingPlan | None) -> dict[str, str]:
        if plan is None:
            return {}
        return {name: getattr(plan, name) for name in cls.base_fields}


def _rating(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        help_text="0 means no craving. 10 means the strongest you can imagine.",
        choices=CRAVING_CHOICES,
        coerce=int,
        widget=_pills(),
        error_messages=CRAVING_ERRORS,
    )


class CravingStartForm(PatientForm):
    rating = _rating("How strong is the craving right now?")
    might_use = forms.ChoiceField(
        label="Do you think you might drink or use?",
        choices=CravingEpisode.MightUse.choices,
        widget=_pills(),
        error_messages={
            "required": "Choose an answer. It’s okay to say yes.",
            "invalid_choice": "Choose one of the answers.",
        },
    )
    inline_choices = ("rating", "might_use")


OTHER = "other"


class CravingTryForm(PatientForm):
    """One thing to try now: the patient's own plan first, then the toolkit, or their own idea."""

    choice = forms.ChoiceField(
        label="Pick one thing to try now",
        choices=[],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Pick one thing to try.",
            "invalid_choice": "Pick one of the things on the list.",
        },
    )
    other = forms.CharField(
        label="Something else I’ll try",
        required=False,
        max_length=PLAN_ITEM_MAX,
        error_messages={
            "max_length": f"Please keep this under {PLAN_ITEM_MAX} characters "
            "(it has %(show_value)d)."
        },
    )

    def __init__(self, *args: Any, plan: CravingPlan | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options: dict[str, str] = {}
        if plan is not None:
            for n, text in enumerate(plan.helps, start=1):
                self.options[f"plan_{n}"] = text
            for n, (name, _) in enumerate(plan.people, start=1):
                self.options[f"call_{n}"] = f"Call {name}" if name else "Call someone on my plan"
        for tool in TOOLKIT:
            self.options[tool.key] = tool.title
        self.options[OTHER] = "Something else (write it below)"
        field = self.fields["choice"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = list(self.options.items())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        choice = data.get("choice")
        other = (data.get("other") or "").strip()
        if choice == OTHER:
            if not other and "other" not in self.errors:
                self.add_error("other", "Write what you will try.")
            data["tried"] = other
        elif choice:
            data["tried"] = self.options[choice]
        return data


class CravingRateForm(PatientForm):
    end_rating = _rating("How strong is the craving now?")
    outcome = forms.ChoiceField(
        label="How did it go?",
        choices=CravingEpisode.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how it went. Every answer is okay.",
            "invalid_choice": "Choose one of the answers.",
        },
    )
    inline_choices = ("end_rating",)
