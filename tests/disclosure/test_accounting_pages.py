"""The accounting of disclosures: the patient's page and the chart's list the same rows."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from naltrack.accounts.models import Membership
from naltrack.audit.models import AuditEvent
from naltrack.disclosure.coverage import Recipient
from naltrack.disclosure.gate import release, release_in_emergency, release_to_patient
from naltrack.disclosure.models import Consent
from tests.disclosure.helpers import signed
from tests.factories import member

pytestmark = pytest.mark.django_db

DOCTOR = Recipient("Dr Ada Okafor, Eastside Family Practice", Consent.Role.TREATING_PROVIDER)


def _as(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def shared(patient, clinician):
    signed(patient)
    release(by=clinician, patient=patient, recipient=DOCTOR, purpose="treatment", form="pdf")
    release_in_emergency(
        by=clinician,
        patient=patient,
        recipient_name="Dr Lee",
        recipient_affiliation="St Mary's emergency department",
        nature="Unconscious after a fall",
        form="spoken",
        categories=["medications"],
    )
    release_to_patient(by=patient.user, patient=patient, form="fhir_bundle")
    return patient


def test_the_patient_sees_every_disclosure_of_their_record(shared):
    page = _as(shared.user).get(reverse("disclosure:my_disclosures")).content.decode()
    assert page.count("<tr>") == 4  # the heading row and three disclosures
    assert "Dr Ada Okafor" in page and "Your consent of" in page
    assert "St Mary&#x27;s emergency department" in page and "Unconscious after a fall" in page
    assert "You asked for your own copy" in page
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.LIST, object_type="disclosure", actor_id=shared.user.pk
    ).exists()


def test_another_patients_page_shows_none_of_it(shared, other_patient):
    page = _as(other_patient.user).get(reverse("disclosure:my_disclosures")).content.decode()
    assert "Dr Ada Okafor" not in page and "has not been shared with anyone" in page


def test_the_chart_lists_the_same_rows_with_who_disclosed(shared, clinician):
    url = reverse("disclosure:chart_disclosures", args=[shared.pk])
    page = _as(clinician).get(url).content.decode()
    assert page.count("<tr>") == 4
    assert "Medical emergency (42 CFR 2.51)" in page and "by " in page


def test_staff_of_another_clinic_get_404(shared, other_clinic):
    stranger = member(other_clinic, Membership.Role.CLINICIAN)
    url = reverse("disclosure:chart_disclosures", args=[shared.pk])
    assert _as(stranger).get(url).status_code == 404
