"""Crisis help: reachable from every patient page, with numbers that can be tapped."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = reverse("patient:help")


def test_crisis_numbers_can_be_called_and_texted(me, patient):
    clinic = patient.clinic
    clinic.phone = "+1 (555) 010-3000"
    clinic.save()
    text = me.get(URL).text
    assert 'href="tel:988"' in text
    assert 'href="sms:988"' in text
    assert "1-800-662-4357" in text
    assert 'href="tel:+18006624357"' in text
    assert 'href="tel:911"' in text
    assert "911" in text
    assert 'href="tel:+15550103000"' in text
    assert "+1 (555) 010-3000" in text


def test_crisis_page_says_what_an_overdose_looks_like_and_what_to_do(me, on_tablets):
    text = me.get(URL).text
    for words in (
        "Won’t wake up or answer you",
        "Breathing is slow, or has stopped",
        "Blue lips",
        "pinpoint",
        "Give naloxone",
        "rescue breaths",
        "Stay with them",
        "A dose you used to take <strong>can now kill you</strong>",
        "Tell the staff that you take naltrexone",
    ):
        assert words in text, words


def test_crisis_page_without_a_clinic_phone_still_works(me):
    text = me.get(URL).text
    assert "Call your clinic" not in text
    assert 'href="tel:988"' in text


def test_crisis_page_lists_the_patients_people(me, patient):
    from naltrack.care.services import cravings as craving_services

    craving_services.craving_plan_save(
        patient=patient,
        by=patient.user,
        help_1="Walk",
        person_1_name="Ana",
        person_1_phone="555 222 3333",
    )
    text = me.get(URL).text
    assert "Call Ana" in text
    assert 'href="tel:5552223333"' in text
