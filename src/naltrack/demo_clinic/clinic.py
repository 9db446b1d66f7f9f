"""The demo clinic: a synthetic, ready-to-explore Naltrack with about 60 patients and months of
history (built by ``demo_clinic.history``).

Every name and number here is invented. The logins are published in README.md, which is why the
demo only runs with ``NALTRACK_DEMO`` or ``NALTRACK_DEBUG`` on.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from naltrack.accounts.models import Clinic, Membership, User
from naltrack.demo_clinic.consents import demo_consents_build
from naltrack.demo_clinic.deletion import demo_history_delete
from naltrack.demo_clinic.enrollments import demo_enrollments_build
from naltrack.demo_clinic.history import demo_history_build

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

# The same seed builds the same clinic, relative to the day it is built.
DEMO_SEED = 20240501

# The demo clinic's welcome: about the clinic only, since what the page says about naltrexone
# comes from the library.
DEMO_INTRO = (
    "Riverside Recovery Clinic helps adults with alcohol or opioid use problems, "
    "without judgement.\n"
    "Call us, or fill in the short form below and someone from our team will get back to you."
)


def demo_exists() -> bool:
    return Clinic.objects.exists()


@transaction.atomic
def demo_reset() -> Clinic:
    """Delete the demo clinic (if any) and build it again. Other clinics are not touched.

    Its audit events stay: the audit trail is append-only.
    """
    old = Clinic.objects.filter(slug=DEMO_SLUG).first()
    if old is not None:
        demo_history_delete(clinic=old)
        User.objects.filter(membership__clinic=old).delete()
        old.delete()
    clinic = Clinic.objects.create(
        name="Riverside Recovery Clinic",
        slug=DEMO_SLUG,
        phone="(201) 555-0199",
        email="care@riverside.example",
        address="100 River Street, Springfield",
        hours="Monday to Friday, 8am to 6pm; Saturday, 9am to noon",
        public_intro=DEMO_INTRO,
    )
    users = {}
    for login in DEMO_LOGINS:
        user = User.objects.create_user(login.email, DEMO_PASSWORD, full_name=login.name)
        Membership.objects.create(user=user, clinic=clinic, role=login.role)
        users[login.role] = user
    today = timezone.localdate()
    patients = demo_history_build(
        clinic=clinic,
        clinician=users[Membership.Role.CLINICIAN],
        patient_user=users[Membership.Role.PATIENT],
        today=today,
        rng=random.Random(DEMO_SEED),  # noqa: S311 - synthetic data, not security
    )
    demo_consents_build(patients=patients, clinician=users[Membership.Role.CLINICIAN], today=today)
    demo_enrollments_build(
        patients=patients, clinician=users[Membership.Role.CLINICIAN], today=today
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
