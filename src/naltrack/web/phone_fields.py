"""The phone number field of every form that asks for one: the usual ways people type a number
("(312) 555-0199", "312.555.0199", "+1 312 555 0199") are read, anything else is refused with
an example; the number comes back as a phone number, shown in the clinic's national format."""

from __future__ import annotations

from typing import Any

import phonenumbers
from phonenumber_field.formfields import PhoneNumberField

from naltrack.care.phones import phone_display, phone_region


def phone_example() -> str:
    """A number of the clinic's country as its people write it, e.g. "(201) 555-0123"."""
    example = phonenumbers.example_number(phone_region())
    if example is None:
        return "+1 201 555 0123"
    return phone_display(phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164))


def phone_field(label: str, *, required: bool = False, invalid: str = "", **attrs: Any) -> Any:
    field = PhoneNumberField(
        label=label,
        required=required,
        region=phone_region(),
        error_messages={
            "invalid": invalid
            or f"Enter a phone number, for example {phone_example()}, or one that starts "
            "with + and the country code."
        },
    )
    field.widget.attrs.update({"autocomplete": "tel", "inputmode": "tel", **attrs})
    return field
