"""A valid enrollment form, as a browser posts it, and a way to store one directly."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import timezone

from naltrack.accounts.models import Clinic
from naltrack.enrollment import services
from naltrack.enrollment.models import Enrollment

TODAY = timezone.localdate()


def posted(**changes: Any) -> dict[str, Any]:
    """What the form posts for Jane Doe (recent fentanyl use); ``changes`` replace fields."""
    data: dict[str, Any] = {
        "given_name": "Jane",
        "family_name": "Doe",
        "date_of_birth": "1990-03-31",
        "preferred_contact": "text",
        "email": "Jane.Doe@example.com",
        "phone": "(312) 555-0123",
        "preferred_time": "evening",
        "wants_help_with": "opioids",
        "current_medications": "Sertraline 50 mg",
        "recent_opioid_use": "yes",
        "opioid_kind": "short_acting",
        "opioid_what": "fentanyl",
        "opioid_last_use": (TODAY - dt.timedelta(days=3)).isoformat(),
        "insurance_payer": "Medicaid",
        "insurance_member_id": "M-123",
        "emergency_contact_name": "John Doe",
        "emergency_contact_phone": "(312) 555-0187",
        "heard_from": "doctor",
        "heard_from_other": "",
        "consent_contact": "on",
        "consent_privacy": "on",
        "referral_code": "",
    }
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data


def form_url(clinic: Clinic) -> str:
    return reverse("enrollment:enroll_clinic", args=[clinic.slug])


def submitted(clinic: Clinic, ip_address: str = "203.0.113.9", **changes: Any) -> Enrollment:
    """An enrollment stored through the service, with the form's cleaned types."""
    answers: dict[str, Any] = {
        "given_name": "Jane",
        "family_name": "Doe",
        "date_of_birth": dt.date(1990, 3, 31),
        "email": "jane.doe@example.com",
        "phone": "(312) 555-0123",
        "preferred_contact": Enrollment.Contact.TEXT,
        "preferred_time": Enrollment.TimeOfDay.EVENING,
        "wants_help_with": Enrollment.HelpWith.OPIOIDS,
        "current_medications": "Sertraline 50 mg",
        "recent_opioid_use": True,
        "opioid_kind": "short_acting",
        "opioid_what": "fentanyl",
        "opioid_last_use": TODAY - dt.timedelta(days=3),
        "insurance_payer": "Medicaid",
        "insurance_member_id": "M-123",
        "emergency_contact_name": "John Doe",
        "emergency_contact_phone": "(312) 555-0187",
        "heard_from": "doctor",
        "heard_from_other": "",
        "consent_contact": True,
        "consent_privacy": True,
    }
    answers.update(changes)
    return services.enrollment_submit(clinic=clinic, ip_address=ip_address, **answers)
