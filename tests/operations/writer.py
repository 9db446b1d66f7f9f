"""A clinician writing notes without pause, in a subprocess with the product settings.

``python -m tests.operations.writer ACKS``: a clinic, a clinician and a patient, then notes
"note 1", "note 2", … through the real service (``note_add``: the note and its audit event in one
transaction). Each number is appended to the file ACKS once its transaction has committed: the
file lists exactly the writes the clinician was told had succeeded. Runs until killed (or for two
minutes, should the test that started it have died without killing it).
"""

from __future__ import annotations

import datetime as dt
import itertools
import sys
import time

import django

SECONDS = 120
PAUSE = 0.005


def main(acks_path: str) -> None:
    django.setup()
    from django.db import connection

    from naltrack.accounts.models import Clinic, User
    from naltrack.care.models import Patient
    from naltrack.care.services import note_add

    clinic = Clinic.objects.create(name="Riverside", slug="riverside")
    clinician = User(email="clinician@riverside.example", full_name="Dr Ruiz")
    clinician.set_unusable_password()  # no password hashing: Argon2 is slow by design
    clinician.save()
    patient = Patient.objects.create(
        clinic=clinic, given_name="Pat", family_name="Example", date_of_birth=dt.date(1985, 5, 17)
    )
    if connection.vendor == "sqlite":
        # Nothing is checkpointed, as when a long read keeps the log from being copied back: every
        # note lives only in the write-ahead log, so a backup that copies the database file alone
        # (the classic mistake) would miss them all.
        connection.cursor().execute("PRAGMA wal_autocheckpoint=0")
    deadline = time.monotonic() + SECONDS
    with open(acks_path, "a") as acks:
        for number in itertools.count(1):
            note_add(patient=patient, text=f"note {number}", by=clinician)
            acks.write(f"{number}\n")
            acks.flush()
            # A breath between notes, as between a clinician's clicks. With none, SQLite's busy
            # handler, which polls, may not find the write lock free within its timeout for the
            # other writers (the backup's audit event) on a busy machine.
            time.sleep(PAUSE)
            if time.monotonic() > deadline:
                return


if __name__ == "__main__":
    main(sys.argv[1])
