"""The demo clinic's enrollment forms: some of its patients came in through the public form
(their forms accepted onto their records), and three strangers' forms wait in Intake. So the
Reports' funnel starts where a program's does, and a clinician has forms to decide.

Made through the same services as a real form and a real decision.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

from naltrack.accounts.models import User
from naltrack.care.models import Patient
from naltrack.enrollment.models import Enrollment
from naltrack.enrollment.services import enrollment_link, enrollment_submit

# One patient in this many came through the form (the others were referred, or walked in).
THROUGH_THE_FORM: Final = 3

WAITING: Final = (
    ("Marcus", "Okafor", dt.date(1986, 5, 14), Enrollment.HelpWith.ALCOHOL, False),
    ("Dana", "Whitfield", dt.date(1994, 11, 2), Enrollment.HelpWith.OPIOIDS, True),
    ("Lena", "Sorensen", dt.date(1979, 8, 23), Enrollment.HelpWith.BOTH, False),
)


def _answers(
    given: str,
    family: str,
    born: dt.date,
    help_with: str,
    used_opioids: bool,
    today: dt.date,
) -> dict[str, Any]:
    opioids: dict[str, Any] = (
        {
            "opioid_kind": "short_acting",
            "opioid_what": "pain pills",
            "opioid_last_use": today - dt.timedelta(days=4),
        }
        if used_opioids
        else {"opioid_kind": "", "opioid_what": "", "opioid_last_use": None}
    )
    return {
        "given_name": given,
        "family_name": family,
        "date_of_birth": born,
        "email": f"{given}.{family}@example.org".lower(),
        "phone": "(201) 555-0142",
        "preferred_contact": Enrollment.Contact.TEXT,
        "preferred_time": Enrollment.TimeOfDay.EVENING,
        "wants_help_with": help_with,
        "current_medications": "",
        "recent_opioid_use": used_opioids,
        **opioids,
        "insurance_payer": "",
        "insurance_member_id": "",
        "emergency_contact_name": "",
        "emergency_contact_phone": "",
        "heard_from": Enrollment.HeardFrom.SEARCH,
        "heard_from_other": "",
        "consent_contact": True,
        "consent_privacy": True,
    }


def _help_with(patient: Patient) -> str:
    indication = patient.episodes.order_by("opened_on").values_list("indication", flat=True)[0]
    return {
        "AUD": Enrollment.HelpWith.ALCOHOL,
        "OUD": Enrollment.HelpWith.OPIOIDS,
    }.get(indication, Enrollment.HelpWith.BOTH)


def demo_enrollments_build(*, patients: list[Patient], clinician: User, today: dt.date) -> None:
    came = [p for p in patients if p.date_of_birth and p.episodes.exists()][::THROUGH_THE_FORM]
    for patient in came:
        assert patient.date_of_birth is not None
        form = enrollment_submit(
            clinic=patient.clinic,
            ip_address=None,
            **_answers(
                patient.given_name,
                patient.family_name,
                patient.date_of_birth,
                _help_with(patient),
                False,
                today,
            ),
        )
        enrollment_link(enrollment=form, patient=patient, by=clinician)
    clinic = patients[0].clinic
    for given, family, born, help_with, used in WAITING:
        enrollment_submit(
            clinic=clinic, ip_address=None, **_answers(given, family, born, help_with, used, today)
        )
