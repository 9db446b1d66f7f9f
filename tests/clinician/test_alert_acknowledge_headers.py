"""Whatever a client puts in its headers or its ``next``, acknowledging an alert never answers 500,
and every header we answer with is plain ASCII on one line."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.clinician.record_forms import url
from tests.clinician.test_record_views_alerts_and_access import _open_alert

pytestmark = pytest.mark.django_db

EMOJI = "📈"
# A WSGI server hands header bytes to Django decoded as latin-1: this is how an emoji arrives.
AS_RECEIVED = EMOJI.encode().decode("latin-1")
VALUES = [AS_RECEIVED, f"https://testserver/{AS_RECEIVED}", "abcdefgh\n", "abcdefgh\r\nX-Evil: 1"]
HEADERS = ["X-Request-ID", "Referer", "Origin", "HX-Current-URL", "HX-Target", "HX-Trigger"]


def assert_plain_headers(response) -> None:
    assert response.status_code < 500
    for name, value in response.items():
        assert value.isascii() and "\n" not in value and "\r" not in value, (name, value)


@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize("header", HEADERS)
@pytest.mark.parametrize("htmx", [False, True])
def test_any_header_value_is_answered_without_a_server_error(
    patient, clinician, header, value, htmx
):
    client = Client()
    client.force_login(clinician)
    alert = _open_alert(patient, clinician)
    headers = {header: value, **({"HX-Request": "true"} if htmx else {})}
    response = client.post(
        url("record_alert_ack", patient, alert.pk),
        {"note": f"Called {EMOJI}", "next": f"/clinic/{EMOJI}"},
        headers=headers,
    )
    assert_plain_headers(response)


@pytest.mark.parametrize("next_url", [f"/clinic/{EMOJI}?tab={EMOJI}", "/clinic/\u00e9", "/x\u2028"])
def test_a_next_with_any_character_redirects_with_a_percent_encoded_location(
    signed_in, patient, clinician, next_url
):
    alert = _open_alert(patient, clinician)
    response = signed_in.post(
        url("record_alert_ack", patient, alert.pk), {"note": "Seen", "next": next_url}
    )
    assert response.status_code == 302
    assert_plain_headers(response)


def test_a_request_id_with_a_trailing_newline_is_replaced_not_echoed(signed_in):
    response = signed_in.get("/clinic/", headers={"X-Request-ID": "abcdefgh\n"})
    assert response["X-Request-ID"] != "abcdefgh\n"
    assert len(response["X-Request-ID"]) == 32
