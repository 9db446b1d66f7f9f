"""Phone numbers on the record: read the way people type them, kept in E.164, shown nationally.

A number without a country code is read as one of the clinic's country (the setting
``NALTRACK_PHONE_REGION``). Text messages go only to a number that can take them: the
numbering plan says mobile, or (as for every US and Canadian number) "fixed line or mobile";
a number the plan says is a landline cannot.
"""

from __future__ import annotations

import enum
from typing import Any

import phonenumbers
from django.conf import settings
from phonenumber_field.phonenumber import PhoneNumber, to_python

TEXTABLE_TYPES = frozenset(
    {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}
)


class NotTextable(enum.Enum):
    """Why a text message cannot go to a number."""

    NO_NUMBER = "no mobile number on record"
    NOT_VALID = "the phone number on record is not a valid number"
    LANDLINE = "the phone number on record is a landline"


def phone_region() -> str:
    return str(settings.NALTRACK_PHONE_REGION)


def phone_parse(value: Any) -> PhoneNumber | None:
    """The number ``value`` (text or a number) stands for, if it is a valid one; else None."""
    if value in (None, ""):
        return None
    number = to_python(value, region=phone_region())
    if isinstance(number, PhoneNumber) and number.is_valid():
        return number
    return None


def phone_e164(value: Any) -> str:
    """``value`` in E.164 ("+13125550199"), or "" when it is no valid number."""
    number = phone_parse(value)
    return number.as_e164 if number else ""


def phone_display(value: Any) -> str:
    """A number as the clinic reads it: national format for its own country, international for
    others; anything unreadable as it was typed."""
    number = phone_parse(value)
    if number is None:
        return str(value or "")
    if phonenumbers.region_code_for_number(number) == phone_region():
        return str(number.as_national)
    return str(number.as_international)


def not_textable(value: Any) -> NotTextable | None:
    """Why a text message cannot go to ``value``, or None when it can."""
    if value in (None, ""):
        return NotTextable.NO_NUMBER
    number = phone_parse(value)
    if number is None:
        return NotTextable.NOT_VALID
    if phonenumbers.number_type(number) not in TEXTABLE_TYPES:
        return NotTextable.LANDLINE
    return None
