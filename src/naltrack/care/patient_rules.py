"""What a patient's details must agree with: one record number per patient of a clinic, a sex
and a pregnancy that fit together, phone numbers that are numbers, texts only to a mobile.

The services refuse details that break these (``ClinicalRuleError`` on the field), so no door
can store them; the details form asks the same questions first, in the same words.
"""

from __future__ import annotations

import re
from typing import Any

from naltrack.care.errors import ClinicalRuleError
from naltrack.care.models import Patient
from naltrack.care.phones import NotTextable, not_textable, phone_display, phone_parse

PHONE_FIELDS = ("phone", "emergency_contact_phone")

# source: NALTRACK — a record number is compared without case or spaces ("rrc 1001" is
# "RRC1001"): the same number typed two ways must not give two patients one number.
_SPACES = re.compile(r"\s+")


def record_number_normal(value: str) -> str:
    return _SPACES.sub("", value or "").upper()


def record_number_refusal(*, clinic_id: int, number: str, patient_id: int | None = None) -> str:
    """Why ``number`` cannot be this patient's record number ("" when it can)."""
    number = record_number_normal(number)
    if not number:
        return ""
    taken = Patient.objects.filter(clinic_id=clinic_id, medical_record_number=number)
    if patient_id is not None:
        taken = taken.exclude(pk=patient_id)
    if taken.exists():
        return f"Record number {number} already belongs to another patient of this clinic."
    return ""


def sex_and_pregnancy_refusal(*, sex: str, pregnancy: str) -> str:
    """A patient recorded as male cannot also be recorded as pregnant or breastfeeding."""
    if sex == Patient.Sex.MALE and pregnancy in (
        Patient.Pregnancy.PREGNANT,
        Patient.Pregnancy.BREASTFEEDING,
    ):
        state = Patient.Pregnancy(pregnancy).label.lower()
        return (
            f"Sex is “Male” and Pregnancy is “{state.capitalize()}”: a patient recorded as male "
            f"can’t be recorded as {state}. Correct Sex or Pregnancy."
        )
    return ""


def text_reminders_refusal(*, channel: str, phone: Any) -> str:
    """Why text-message reminders cannot go to ``phone`` ("" when they can), for staff."""
    if channel != Patient.Channel.SMS:
        return ""
    why = not_textable(phone)
    if why is NotTextable.NO_NUMBER:
        return (
            "Text-message reminders need a mobile number: enter one under Phone, or choose email."
        )
    if why is NotTextable.LANDLINE:
        return (
            f"{phone_display(phone)} is a landline, which can’t get text messages: enter a "
            "mobile number under Phone, or choose email."
        )
    if why is NotTextable.NOT_VALID:
        return "Text-message reminders need a valid mobile number under Phone, or choose email."
    return ""


def details_check(patient: Patient) -> None:
    """Refuse a patient whose details (as set on ``patient``, not yet saved) break the rules."""
    for field in PHONE_FIELDS:
        value = getattr(patient, field)
        if value and phone_parse(value) is None:
            raise ClinicalRuleError(field, f"“{value}” is not a phone number.")
    refusal = sex_and_pregnancy_refusal(sex=patient.sex, pregnancy=patient.pregnancy)
    if refusal:
        raise ClinicalRuleError("pregnancy", refusal)
    refusal = text_reminders_refusal(channel=patient.reminder_channel, phone=patient.phone)
    if refusal:
        raise ClinicalRuleError("reminder_channel", refusal)
    patient.medical_record_number = record_number_normal(patient.medical_record_number)
    refusal = record_number_refusal(
        clinic_id=patient.clinic_id, number=patient.medical_record_number, patient_id=patient.pk
    )
    if refusal:
        raise ClinicalRuleError("medical_record_number", refusal)
