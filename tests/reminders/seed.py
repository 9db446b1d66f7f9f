"""Seed a real database for the worker tests, in a subprocess with the product settings.

``python -m tests.reminders.seed due COUNT PATIENTS``: COUNT text-message notifications due now,
spread over PATIENTS patients, and one ``send_notification`` task queued for each.

``python -m tests.reminders.seed patients PATIENTS``: PATIENTS patients on daily tablets whose
dose reminder fell due 1 to 29 minutes ago, by text message, nothing created yet. Prints the
(patient, kind, due_at) each should get, as JSON.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any
from zoneinfo import ZoneInfo

import django


def _clinic_and_clinician() -> tuple[Any, Any]:
    from naltrack.accounts.models import Clinic, User

    clinic = Clinic.objects.create(name="Riverside", slug="riverside")
    clinician = User(email="clinician@riverside.example", full_name="Dr Ruiz")
    clinician.set_unusable_password()  # no password hashing: Argon2 is slow by design
    clinician.save()
    return clinic, clinician


def _patient(clinic: Any, number: int, **details: Any) -> Any:
    from naltrack.care.models import Patient

    return Patient.objects.create(
        clinic=clinic,
        given_name=f"Pat{number}",
        family_name="Example",
        date_of_birth=dt.date(1985, 5, 17),
        phone=f"+1312555{number:04d}",
        reminder_channel="sms",
        **details,
    )


def due(count: int, patients: int) -> dict[str, Any]:
    from django.db import transaction
    from django.utils import timezone

    from naltrack.reminders.models import Notification
    from naltrack.reminders.tasks import send_notification

    now = timezone.now().replace(second=0, microsecond=0)
    with transaction.atomic():
        clinic, _ = _clinic_and_clinician()
        people = [_patient(clinic, n) for n in range(patients)]
        notifications = Notification.objects.bulk_create(
            Notification(
                patient=people[n % patients],
                clinic=clinic,
                kind=Notification.Kind.DOSE,
                channel=Notification.Channel.SMS,
                # Each patient's n-th reminder a minute before the last: keys never repeat.
                due_at=now - dt.timedelta(minutes=1 + n // patients),
                send_after=now - dt.timedelta(minutes=1 + n // patients),
                body=f"Riverside: a reminder from your care team ({n}).",
            )
            for n in range(count)
        )
        for notification in notifications:
            send_notification.enqueue(notification.pk)
    return {"notifications": len(notifications)}


def patients(count: int) -> dict[str, Any]:
    from django.db import transaction
    from django.utils import timezone

    from tests.care.helpers import started

    with transaction.atomic():
        clinic, clinician = _clinic_and_clinician()
        zone = ZoneInfo(clinic.time_zone)
        now = timezone.localtime(timezone.now(), zone)
        expected = []
        for n in range(count):
            moment = (now - dt.timedelta(minutes=1 + n % 29)).replace(second=0, microsecond=0)
            patient = _patient(clinic, n, reminder_time=moment.time())
            # Started two days ago: the dose reminder is due even just after midnight, and the
            # first check-in nudge (three days without one) is still to come.
            started(patient, clinician, day=now.date() - dt.timedelta(days=2))
            due_at = moment.astimezone(dt.UTC)  # the reminder time today, on their clock
            expected.append({"patient": patient.pk, "kind": "dose", "due_at": due_at.isoformat()})
    return {"expected": expected}


def main(argv: list[str]) -> None:
    django.setup()
    what, *numbers = argv
    counts = [int(n) for n in numbers]
    result = due(*counts) if what == "due" else patients(*counts)
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
