"""What every page of the patient's own side shares: the page frame, the craving plan's people.

Every view is behind ``patient_required`` (others get 404, anonymous users the sign-in page),
loads the patient through ``selectors.patient_own`` (their own record only, audited), reads
through the record's selectors and writes through one of its services. Pages say things in plain
words; the clinical facts they show come from the stored record and plan, and from the clinical
core (docs/clinical-sources.md).
"""

from __future__ import annotations

import re
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from naltrack.accounts.models import Clinic
from naltrack.care import selectors
from naltrack.care.models import (
    CravingPlan,
    Patient,
)


def tel(phone: str) -> str:
    """A phone number as a tel:/sms: target: its digits and a leading +."""
    digits = re.sub(r"[^0-9+]", "", phone)
    return digits[:1] + digits[1:].replace("+", "")


def page(request: HttpRequest, template: str, *, patient: Patient, **context: Any) -> HttpResponse:
    """Every page knows the patient's treatment, so what it says fits where they are: not
    started, on tablets or the shot, or stopped."""
    clinic: Clinic = patient.clinic
    if "treatment" not in context:
        context["treatment"] = selectors.treatment_now(patient=patient, today=timezone.localdate())
    return render(
        request,
        template,
        {
            "patient": patient,
            "clinic": clinic,
            "clinic_tel": tel(clinic.phone) if clinic.phone else "",
            "craving_high": selectors.clinic_thresholds(clinic).craving_high,
            **context,
        },
    )


def people(plan: CravingPlan | None) -> list[dict[str, str]]:
    return [
        {"name": name, "phone": phone, "tel": tel(phone)}
        for name, phone in (plan.people if plan else [])
    ]


def plan_of(patient: Patient) -> CravingPlan | None:
    plan: CravingPlan | None = CravingPlan.objects.filter(patient=patient).first()
    return plan
