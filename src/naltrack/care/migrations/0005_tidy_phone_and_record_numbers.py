"""Before phone numbers become phone number fields and record numbers unique in a clinic:
phone numbers that can be read are rewritten in E.164, record numbers lose case and spaces.

Nothing is lost silently. A phone number that cannot be read, or a record number another
patient of the clinic already holds (the first registered keeps it), is cleared only after the
old value is written to the audit trail and to a note on the patient's chart, where the clinic
sees it and can check it with the patient.
"""

import re

import phonenumbers
from django.conf import settings
from django.db import migrations

PHONE_FIELDS = {
    "phone": "phone number",
    "emergency_contact_phone": "emergency contact's phone number",
}
SPACES = re.compile(r"\s+")


def e164(value):
    region = getattr(settings, "NALTRACK_PHONE_REGION", "US")
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_valid_number(number):
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def tidy(apps, schema_editor):
    Patient = apps.get_model("care", "Patient")
    ClinicalNote = apps.get_model("care", "ClinicalNote")
    AuditEvent = apps.get_model("audit", "AuditEvent")
    numbers_held = set()
    rows = Patient.objects.order_by("pk").values_list(
        "pk", "clinic_id", "phone", "emergency_contact_phone", "medical_record_number"
    )
    for pk, clinic_id, phone, contact_phone, record_number in rows.iterator(chunk_size=2000):
        changes, cleared = {}, []
        for field, old in (("phone", phone), ("emergency_contact_phone", contact_phone)):
            old = old or ""
            if not old.strip():
                if old:
                    changes[field] = [old, ""]
                continue
            new = e164(old)
            if new != old:
                changes[field] = [old, new]
            if not new:
                cleared.append(
                    f"The {PHONE_FIELDS[field]} on record, “{old}”, could not be read as a phone "
                    "number and was cleared."
                )
        number = SPACES.sub("", record_number or "").upper()
        if number and (clinic_id, number) in numbers_held:
            cleared.append(
                f"The record number on record, “{record_number}”, already belonged to another "
                "patient of this clinic and was cleared."
            )
            number = ""
        elif number:
            numbers_held.add((clinic_id, number))
        if number != (record_number or ""):
            changes["medical_record_number"] = [record_number, number]
        if not changes:
            continue
        Patient.objects.filter(pk=pk).update(**{field: new for field, (_, new) in changes.items()})
        if cleared:
            ClinicalNote.objects.create(
                clinic_id=clinic_id,
                patient_id=pk,
                text=" ".join(cleared)
                + " Please check with the patient and correct their details.",
            )
        AuditEvent.objects.create(
            actor_role="system",
            action="update",
            object_type="patient",
            object_id=str(pk),
            patient_id=pk,
            clinic_id=clinic_id,
            detail={"changes": changes, "why": "phone numbers in E.164, record numbers unique"},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0005_sqlite_refuses_deletes"),
        ("care", "0004_screen_panel_and_extended_release_buprenorphine"),
    ]

    operations = [migrations.RunPython(tidy, migrations.RunPython.noop)]
