"""The one access rule: own record for patients, own clinic for staff, 404 for everything else."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from naltrack.care.models import Patient
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_patient_sees_only_their_own_record(patient, other_patient, foreign_patient):
    assert list(Patient.objects.visible_to(patient.user)) == [patient]


def test_staff_see_only_their_clinic(
    clinician, clinic_admin, patient, other_patient, foreign_patient
):
    for user in (clinician, clinic_admin):
        assert set(Patient.objects.visible_to(user)) == {patient, other_patient}


def test_nobody_else_sees_anything(patient):
    assert not Patient.objects.visible_to(AnonymousUser()).exists()
    assert not Patient.objects.visible_to(UserFactory()).exists()  # no clinic
    superuser = UserFactory(is_superuser=True, is_staff=True)
    assert not Patient.objects.visible_to(superuser).exists()
    patient.user.is_active = False
    assert not Patient.objects.visible_to(patient.user).exists()


def test_clinician_cannot_open_another_clinics_patient(client, clinician, foreign_patient):
    client.force_login(clinician)
    response = client.get(reverse("clinician:patient_chart", args=[foreign_patient.pk]))
    assert response.status_code == 404


def test_unknown_and_foreign_ids_look_the_same(client, clinician, foreign_patient):
    client.force_login(clinician)
    missing = client.get(reverse("clinician:patient_chart", args=[foreign_patient.pk + 1000]))
    foreign = client.get(reverse("clinician:patient_chart", args=[foreign_patient.pk]))
    assert missing.status_code == foreign.status_code == 404


def test_patient_cannot_open_another_patients_record(client, patient, other_patient):
    client.force_login(patient.user)
    assert (
        client.get(reverse("clinician:patient_chart", args=[other_patient.pk])).status_code == 404
    )
    # The clinician pages are out of a patient's scope altogether, own record included.
    assert client.get(reverse("clinician:patient_chart", args=[patient.pk])).status_code == 404
    assert client.get(reverse("clinician:patient_list")).status_code == 404


def test_patient_home_shows_only_their_own_name(client, patient, other_patient):
    client.force_login(patient.user)
    response = client.get(reverse("patient:home"))
    assert response.status_code == 200
    assert patient.given_name in response.text
    assert other_patient.family_name not in response.text


def test_clinician_opens_own_clinics_patient(client, clinician, patient):
    client.force_login(clinician)
    response = client.get(reverse("clinician:patient_chart", args=[patient.pk]))
    assert response.status_code == 200
    assert patient.full_name in response.text


def test_patient_list_shows_only_own_clinic(client, clinician, patient, foreign_patient):
    client.force_login(clinician)
    response = client.get(reverse("clinician:patient_list"))
    assert patient.family_name in response.text
    assert foreign_patient.family_name not in response.text


@pytest.mark.parametrize(
    "url",
    [
        reverse("clinician:home"),
        reverse("clinician:patient_list"),
        reverse("clinician:patient_chart", args=[1]),
        reverse("patient:home"),
        reverse("accounts:admin_home"),
        reverse("accounts:audit_log"),
    ],
)
def test_anonymous_user_is_sent_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_clinician_cannot_reach_admin_pages(client, clinician):
    client.force_login(clinician)
    assert client.get(reverse("accounts:admin_home")).status_code == 404
    assert client.get(reverse("accounts:audit_log")).status_code == 404
