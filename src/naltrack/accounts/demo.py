"""The demo clinic: a small, synthetic, ready-to-explore Naltrack.

Every name and number here is invented. The logins are published in README.md, which is why the
demo only runs with ``NALTRACK_DEMO`` or ``NALTRACK_DEBUG`` on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from naltrack.accounts.models import Clinic, Membership, User
from naltrack.care.models import Patient

DEMO_SLUG = "riverside-demo"
DEMO_PASSWORD = "naltrack-demo"  # noqa: S105 - published on purpose, demo only


@dataclass(frozen=True)
class DemoLogin:
    role: str
    email: str
    name: str


DEMO_LOGINS = (
    DemoLogin(Membership.Role.ADMIN, "admin@riverside.example", "Alex Morgan"),
    DemoLogin(Membership.Role.CLINICIAN, "clinician@riverside.example", "Dr. Sam Rivera"),
    DemoLogin(Membership.Role.PATIENT, "patient@riverside.example", "Jordan Lee"),
)

# (given, family, date of birth, sex) — the first is the demo patient who signs in.
DEMO_PATIENTS = (
    ("Jordan", "Lee", dt.date(1986, 4, 12), Patient.Sex.MALE),
    ("Maria", "Santos", dt.date(1979, 9, 3), Patient.Sex.FEMALE),
    ("Devon", "Clarke", dt.date(1992, 1, 27), Patient.Sex.MALE),
    ("Aisha", "Bello", dt.date(1988, 6, 15), Patient.Sex.FEMALE),
    ("Tom", "Kowalski", dt.date(1969, 11, 30), Patient.Sex.MALE),
    ("Rosa", "Jimenez", dt.date(1995, 3, 8), Patient.Sex.FEMALE),
)


def demo_exists() -> bool:
    return Clinic.objects.exists()


@transaction.atomic
def demo_reset() -> Clinic:
    """Delete the demo clinic (if any) and build it again. Other clinics are not touched."""
    old = Clinic.objects.filter(slug=DEMO_SLUG).first()
    if old is not None:
        Patient.objects.filter(clinic=old).delete()
        User.objects.filter(membership__clinic=old).delete()
        old.delete()
    clinic = Clinic.objects.create(
        name="Riverside Recovery Clinic",
        slug=DEMO_SLUG,
        phone="(555) 010-0199",
        email="care@riverside.example",
        address="100 River Street, Springfield",
    )
    users = {}
    for login in DEMO_LOGINS:
        user = User.objects.create_user(login.email, DEMO_PASSWORD, full_name=login.name)
        Membership.objects.create(user=user, clinic=clinic, role=login.role)
        users[login.role] = user
    for number, (given, family, born, sex) in enumerate(DEMO_PATIENTS, start=1):
        Patient.objects.create(
            clinic=clinic,
            user=users[Membership.Role.PATIENT] if number == 1 else None,
            given_name=given,
            family_name=family,
            date_of_birth=born,
            sex=sex,
            email=f"{given.lower()}.{family.lower()}@mail.example",
            medical_record_number=f"RRC-{1000 + number}",
        )
    return clinic


def demo_logins_text(base_url: str) -> str:
    lines = [
        f"Naltrack is running at {base_url}",
        "",
        "Demo logins (password: " + DEMO_PASSWORD + "):",
    ]
    lines += [f"  {login.role:<10} {login.email}" for login in DEMO_LOGINS]
    return "\n".join(lines)
