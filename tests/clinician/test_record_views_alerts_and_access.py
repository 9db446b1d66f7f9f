"""Acknowledging an alert from the clinician's pages, and who may open the record forms at all:
another clinic's patient is not found, a patient is refused, an anonymous visitor signs in."""

from __future__ import annotations

import pytest
from django.urls import reverse

from naltrack.care import services
from naltrack.care.models import Alert
from tests.care.helpers import TODAY, started
from tests.clinician.record_forms import DAY, assert_refused, chart, url

pytestmark = pytest.mark.django_db


# --- alerts -------------------------------------------------------------------------------------


def _open_alert(patient, clinician):
    started(patient, clinician, day=TODAY - 30 * DAY)
    services.drug_screen_record(
        patient=patient, collected_on=TODAY, opioids_positive=True, by=clinician
    )
    return Alert.objects.get(patient=patient, resolved_at__isnull=True)


def test_alert_is_acknowledged_and_goes_back_to_a_local_next(signed_in, patient, clinician):
    alert = _open_alert(patient, clinician)
    response = signed_in.post(
        url("record_alert_ack", patient, alert.pk),
        {"note": "Called; naloxone kit confirmed", "next": "/clinic/?tab=alerts"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/clinic/?tab=alerts"
    alert.refresh_from_db()
    assert alert.acknowledged_by == clinician
    assert alert.acknowledgement_note == "Called; naloxone kit confirmed"


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/", "javascript:alert(1)", ""]
)
def test_alert_acknowledge_ignores_an_unsafe_next(signed_in, patient, clinician, next_url):
    alert = _open_alert(patient, clinician)
    response = signed_in.post(
        url("record_alert_ack", patient, alert.pk), {"note": "Called", "next": next_url}
    )
    assert response["Location"] == chart(patient)


def test_an_urgent_alert_is_not_acknowledged_without_a_note(signed_in, patient, clinician):
    alert = _open_alert(patient, clinician)
    assert alert.severity == "urgent"
    response = signed_in.post(url("record_alert_ack", patient, alert.pk), {"note": "  "})
    assert_refused(response, "note", "An urgent alert needs a note")
    alert.refresh_from_db()
    assert alert.acknowledged_at is None
    htmx = signed_in.post(
        url("record_alert_ack", patient, alert.pk), {"note": ""}, HTTP_HX_REQUEST="true"
    )
    assert htmx.status_code == 200
    assert "An urgent alert needs a note" in htmx.text
    assert "required: what was done" in htmx.text


def test_alert_acknowledge_by_htmx_returns_the_alert_row(signed_in, patient, clinician):
    alert = _open_alert(patient, clinician)
    response = signed_in.post(
        url("record_alert_ack", patient, alert.pk), {"note": "Seen"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert "<html" not in response.text
    assert f'id="alert-{alert.pk}"' in response.text
    assert "Acknowledged by" in response.text
    alert.refresh_from_db()
    assert alert.acknowledged_at is not None


def test_the_htmx_row_names_the_patient_outside_their_chart(signed_in, patient, clinician):
    alert = _open_alert(patient, clinician)
    response = signed_in.post(
        url("record_alert_ack", patient, alert.pk),
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL="http://testserver/clinic/",
    )
    assert response.text.lstrip().startswith('<li class="alert-row')
    assert patient.full_name in response.text
    on_chart = signed_in.post(
        url("record_alert_ack", patient, alert.pk),
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL=f"http://testserver{chart(patient)}",
    )
    assert patient.full_name not in on_chart.text


def test_alert_acknowledge_with_an_overlong_note_is_refused(signed_in, patient, clinician):
    alert = _open_alert(patient, clinician)
    page = signed_in.post(url("record_alert_ack", patient, alert.pk), {"note": "x" * 501})
    assert page.status_code == 200
    assert "at most 500" in page.text
    fragment = signed_in.post(
        url("record_alert_ack", patient, alert.pk), {"note": "x" * 501}, HTTP_HX_REQUEST="true"
    )
    assert fragment.status_code == 200
    assert "at most 500" in fragment.text
    alert.refresh_from_db()
    assert alert.acknowledged_at is None


def test_alert_acknowledge_is_post_only(signed_in, patient, clinician):
    alert = _open_alert(patient, clinician)
    assert signed_in.get(url("record_alert_ack", patient, alert.pk)).status_code == 405


def test_another_patients_alert_is_not_found(signed_in, patient, other_patient, clinician):
    alert = _open_alert(other_patient, clinician)
    response = signed_in.post(url("record_alert_ack", patient, alert.pk))
    assert response.status_code == 404
    alert.refresh_from_db()
    assert alert.acknowledged_at is None


# --- who may open these pages -------------------------------------------------------------------

PAGES = [
    ("record_exposure", ()),
    ("record_dose", ()),
    ("record_injection", ()),
    ("record_lab", ()),
    ("record_screen", ()),
    ("record_instrument", ("phq9",)),
    ("record_therapy", ()),
    ("record_therapy_status", (1,)),
    ("record_note", ()),
    ("record_follow_up", (1,)),
    ("record_alert_ack", (1,)),
]


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_another_clinics_patient_is_not_found(signed_in, foreign_patient, name, args):
    target = url(name, foreign_patient, *args)
    assert signed_in.get(target).status_code in (404, 405)  # the acknowledge is POST only
    assert signed_in.post(target, {}).status_code == 404


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_a_patient_cannot_open_the_record_forms(client, patient, name, args):
    client.force_login(patient.user)
    assert client.post(url(name, patient, *args), {}).status_code == 404


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_anonymous_visitors_are_sent_to_sign_in(client, patient, name, args):
    target = url(name, patient, *args)
    response = client.post(target, {})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
