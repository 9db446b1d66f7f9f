"""Patient pages: patients only, each their own record, every read audited."""

from __future__ import annotations

import pytest
from django.urls import reverse

from naltrack.audit.models import AuditEvent
from naltrack.care import services
from naltrack.care.services import cravings as craving_services
from tests.care.helpers import TODAY

pytestmark = pytest.mark.django_db

PAGES = [
    "patient:home",
    "patient:check_in",
    "patient:schedule",
    "patient:progress",
    "patient:cravings",
    "patient:craving_plan",
    "patient:craving_now",
    "patient:help",
]


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_visitors_are_sent_to_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("name", PAGES)
def test_staff_get_not_found(client, clinician, clinic_admin, name):
    for user in (clinician, clinic_admin):
        client.force_login(user)
        assert client.get(reverse(name)).status_code == 404


def test_staff_cannot_post_a_dose_or_a_check_in(client, clinician):
    client.force_login(clinician)
    assert client.post(reverse("patient:dose_taken")).status_code == 404
    assert client.post(reverse("patient:check_in"), {"craving": "3"}).status_code == 404


@pytest.mark.parametrize("name", PAGES)
def test_every_page_reads_the_record_once_and_audits_it(me, patient, name):
    before = AuditEvent.objects.filter(patient_id=patient.pk, action=AuditEvent.Action.READ).count()
    response = me.get(reverse(name))
    assert response.status_code == 200
    reads = AuditEvent.objects.filter(patient_id=patient.pk, action=AuditEvent.Action.READ)
    assert reads.count() == before + 1
    assert reads.latest("occurred_at").actor_id == patient.user.pk


def test_a_patient_without_a_record_gets_not_found(client, patient):
    user = patient.user
    patient.user = None
    patient.save()
    client.force_login(user)
    assert client.get(reverse("patient:home")).status_code == 404


def test_another_patients_data_never_appears(me, patient, other_patient):
    services.check_in_record(
        patient=other_patient,
        day=TODAY,
        craving=2,
        drinks=0,
        opioid_use=False,
        side_effects=[],
        mood=4,
        note="OTHER-PATIENT-NOTE",
        by=other_patient.user,
    )
    craving_services.craving_plan_save(
        patient=other_patient,
        by=other_patient.user,
        help_1="OTHER-PATIENT-HELP",
        person_1_name="Zebulon",
        person_1_phone="555-000-9999",
    )
    for name in PAGES:
        text = me.get(reverse(name)).text
        assert other_patient.family_name not in text, name
        assert "OTHER-PATIENT" not in text, name
        assert "Zebulon" not in text, name
    # Their check-in is not ours: ours is still to do.
    assert "Check in now" in me.get(reverse("patient:home")).text


def test_another_patients_craving_is_not_found(me, other_patient):
    theirs = craving_services.craving_episode_start(
        patient=other_patient, rating=5, might_use="no", by=other_patient.user
    )
    for name in (
        "patient:craving_try",
        "patient:craving_wait",
        "patient:craving_rate",
        "patient:craving_done",
    ):
        assert me.get(reverse(name, args=[theirs.pk])).status_code == 404, name
    response = me.post(reverse("patient:craving_try", args=[theirs.pk]), {"choice": "breathing"})
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.tried == []


def test_nav_and_footer_link_to_help_on_every_patient_page(me):
    help_url = reverse("patient:help")
    for name in PAGES:
        text = me.get(reverse(name)).text
        assert f'href="{help_url}"' in text, name
        assert 'href="tel:988"' in text, name


def test_pages_have_no_inline_script_or_style(me, on_tablets):
    for name in PAGES:
        text = me.get(reverse(name)).text
        assert "<script>" not in text and "<script " not in text.replace('<script src="', ""), name
        assert "style=" not in text, name
        assert "<style" not in text, name
