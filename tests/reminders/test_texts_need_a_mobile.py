"""A patient can choose text-message reminders only with a mobile number on record."""

from __future__ import annotations

import pytest

from naltrack.care.models import Patient
from naltrack.reminders.defaults import new_patient_channel
from naltrack.reminders.models import ClinicReminderDefaults, ReminderPreference
from tests.reminders.test_pages import URL, VALID

pytestmark = pytest.mark.django_db


def choose_texts(client, patient, phone):
    Patient.objects.filter(pk=patient.pk).update(phone=phone)
    client.force_login(patient.user)
    return client.post(URL, {**VALID, "channel": "sms"})


@pytest.mark.parametrize(
    ("phone", "words"),
    [
        ("+442079460958", "The number we have for you, +44 20 7946 0958, is a landline"),
        ("call me", "doesn’t work for text messages"),
    ],
)
def test_a_number_that_cannot_take_texts_is_refused(client, patient, phone, words):
    response = choose_texts(client, patient, phone)
    assert response.status_code == 200
    assert words in response.context["form"].errors["channel"][0]
    assert not ReminderPreference.objects.exists()


@pytest.mark.parametrize("phone", ["+13125550199", "+447400123456"])
def test_a_mobile_number_can_take_texts(client, patient, phone):
    response = choose_texts(client, patient, phone)
    assert response.status_code == 302, response.context["form"].errors
    assert ReminderPreference.objects.get(patient=patient).channel == "sms"


def test_a_new_patient_with_a_landline_starts_on_email(clinic):
    ClinicReminderDefaults.objects.create(clinic=clinic, channel="sms")
    assert new_patient_channel(clinic=clinic, phone="+442079460958") == "email"
    assert new_patient_channel(clinic=clinic, phone="+13125550199") == "sms"
