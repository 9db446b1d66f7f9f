"""Before the enrollment form's phone numbers become phone number fields: numbers that can be
read are rewritten in E.164; one that cannot is cleared only after the audit trail keeps what
the person typed (the clinic's audit log shows it)."""

import phonenumbers
from django.conf import settings
from django.db import migrations


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
    Enrollment = apps.get_model("enrollment", "Enrollment")
    AuditEvent = apps.get_model("audit", "AuditEvent")
    rows = Enrollment.objects.order_by("pk").values_list(
        "pk", "clinic_id", "patient_id", "phone", "emergency_contact_phone"
    )
    for pk, clinic_id, patient_id, phone, contact_phone in rows.iterator(chunk_size=2000):
        changes = {}
        for field, old in (("phone", phone), ("emergency_contact_phone", contact_phone)):
            new = e164(old) if (old or "").strip() else ""
            if new != (old or ""):
                changes[field] = [old, new]
        if not changes:
            continue
        Enrollment.objects.filter(pk=pk).update(
            **{field: new for field, (_, new) in changes.items()}
        )
        AuditEvent.objects.create(
            actor_role="system",
            action="update",
            object_type="enrollment",
            object_id=str(pk),
            patient_id=patient_id,
            clinic_id=clinic_id,
            detail={"changes": changes, "why": "phone numbers in E.164"},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0005_sqlite_refuses_deletes"),
        ("enrollment", "0002_extended_release_buprenorphine"),
    ]

    operations = [migrations.RunPython(tidy, migrations.RunPython.noop)]
