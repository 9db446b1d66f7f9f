"""The enrollment form's sending limits: per address (an hour, a day) and per email (a day).

The form is read before any limit, so a person asked to wait keeps every answer; a clinic's
waiting room sharing one address stays under the limits, a flood does not.
"""

from __future__ import annotations

import datetime as dt
import html

import pytest
from django.utils import timezone

from naltrack.audit.models import AuditEvent
from naltrack.enrollment import selectors, services
from naltrack.enrollment.models import Enrollment
from tests.enrollment.helpers import form_url, posted, submitted

pytestmark = pytest.mark.django_db

WAITING_ROOM = "198.51.100.20"


@pytest.fixture
def clinic(clinic):
    clinic.phone = "555-000-1111"
    clinic.save()
    return clinic


def send(client, clinic, address: str = WAITING_ROOM, **changes):
    return client.post(form_url(clinic), posted(**changes), REMOTE_ADDR=address)


def fill_address(clinic, count: int, address: str = WAITING_ROOM) -> None:
    """``count`` forms already stored from ``address``, each with its own email."""
    for n in range(count):
        submitted(clinic, ip_address=address, email=f"earlier{n}@example.com")


# --- a waiting room is not a flood ----------------------------------------------------------


def test_a_full_waiting_room_on_one_address_all_get_through(client, clinic):
    people = 25  # a full waiting room, each on their phone, in the same hour
    for n in range(people):
        response = send(client, clinic, email=f"person{n}@example.com", given_name=f"P{n}")
        assert response.status_code == 302, n
    assert Enrollment.objects.filter(ip_address=WAITING_ROOM).count() == people


def test_the_address_limits_leave_room_for_a_busy_intake_day():
    # The reasoning in selectors: 20-25 people in one hour, 20-40 intakes on a busy day.
    assert selectors.HOURLY_LIMIT_PER_ADDRESS >= 25
    assert selectors.DAILY_LIMIT_PER_ADDRESS >= 2 * 40


def test_a_flood_from_one_address_is_stopped_within_the_hour(client, clinic):
    fill_address(clinic, selectors.HOURLY_LIMIT_PER_ADDRESS)
    response = send(client, clinic, email="one-more@example.com")
    assert response.status_code == 429
    assert Enrollment.objects.count() == selectors.HOURLY_LIMIT_PER_ADDRESS
    assert "sign-ups from this connection in the last hour" in response.text
    assert "try sending the form again in an hour" in response.text
    # Another address is not affected.
    assert send(client, clinic, "203.0.113.50", email="neighbour@example.com").status_code == 302


def test_forms_older_than_an_hour_count_only_towards_the_day(client, clinic, settings):
    settings.NALTRACK_ENROLLMENT_HOURLY_LIMIT = 2
    settings.NALTRACK_ENROLLMENT_DAILY_LIMIT = 3
    fill_address(clinic, 2)
    assert send(client, clinic, email="third@example.com").status_code == 429
    Enrollment.objects.update(submitted_at=timezone.now() - dt.timedelta(minutes=61))
    assert send(client, clinic, email="third@example.com").status_code == 302
    # Three in the last day: the day's limit holds until the first is a day old.
    response = send(client, clinic, email="fourth@example.com")
    assert response.status_code == 429
    assert "from this connection today" in response.text
    assert "try sending the form again tomorrow" in response.text
    Enrollment.objects.update(submitted_at=timezone.now() - dt.timedelta(hours=25))
    assert send(client, clinic, email="fourth@example.com").status_code == 302


def test_honeypot_hits_count_towards_the_address_limit(client, clinic, settings):
    settings.NALTRACK_ENROLLMENT_HOURLY_LIMIT = 2
    for _ in range(2):
        send(client, clinic, referral_code="spam")
    assert send(client, clinic).status_code == 429
    assert AuditEvent.objects.filter(object_type="enrollment").count() == 2


def test_a_script_past_the_limit_cannot_fill_the_audit_trail(client, clinic, settings):
    settings.NALTRACK_ENROLLMENT_HOURLY_LIMIT = 2
    for _ in range(5):
        response = send(client, clinic, referral_code="spam")
        assert response.status_code == 302  # the same answer a person gets
    assert AuditEvent.objects.filter(object_type="enrollment").count() == 2


def test_showing_the_form_is_never_limited(client, clinic, settings):
    settings.NALTRACK_ENROLLMENT_HOURLY_LIMIT = 1
    send(client, clinic)
    assert client.get(form_url(clinic), REMOTE_ADDR=WAITING_ROOM).status_code == 200


# --- one email -------------------------------------------------------------------------------


def test_the_same_email_from_many_addresses_is_stopped(client, clinic):
    for n in range(selectors.DAILY_LIMIT_PER_EMAIL):
        assert send(client, clinic, f"192.0.2.{n + 1}").status_code == 302
    # The same address written another way is the same email.
    response = send(client, clinic, "192.0.2.99", email="  JANE.doe@Example.COM ")
    assert response.status_code == 429
    assert "several forms with this email address today" in response.text
    assert "you do not need to send it again" in response.text
    assert Enrollment.objects.count() == selectors.DAILY_LIMIT_PER_EMAIL
    # Another person on the last address is not affected.
    assert send(client, clinic, "192.0.2.99", email="someone@example.com").status_code == 302


def test_emails_from_more_than_a_day_ago_do_not_count(client, clinic):
    for n in range(selectors.DAILY_LIMIT_PER_EMAIL):
        submitted(clinic, ip_address=f"192.0.2.{n + 1}")
    Enrollment.objects.update(submitted_at=timezone.now() - dt.timedelta(hours=25))
    assert send(client, clinic).status_code == 302


def test_forms_without_an_email_are_counted_by_address_only(client, clinic, settings):
    settings.NALTRACK_ENROLLMENT_EMAIL_DAILY_LIMIT = 1
    for n in range(3):
        response = send(client, clinic, f"192.0.2.{n + 1}", email="", given_name=f"P{n}")
        assert response.status_code == 302


# --- the person asked to wait keeps everything ----------------------------------------------


def test_a_limited_form_comes_back_with_every_answer_and_a_way_to_call(client, clinic, settings):
    settings.NALTRACK_ENROLLMENT_HOURLY_LIMIT = 1
    fill_address(clinic, 1)
    answers = posted(
        given_name="Rosalind",
        family_name="Okafor-Smith",
        date_of_birth="1984-07-09",
        preferred_contact="phone",
        email="ros.okafor@example.com",
        phone="(312) 555-0144",
        preferred_time="morning",
        wants_help_with="both",
        current_medications="Lisinopril 10 mg daily",
        opioid_kind="methadone",
        opioid_what="oxycodone from a friend",
        opioid_last_use=(timezone.localdate() - dt.timedelta(days=5)).isoformat(),
        insurance_payer="Blue Lakes Health",
        insurance_member_id="BLH-98765",
        emergency_contact_name="Ada Okafor",
        emergency_contact_phone="(312) 555-0199",
        heard_from="other",
        heard_from_other="A poster at the library",
    )
    response = client.post(form_url(clinic), answers, REMOTE_ADDR=WAITING_ROOM)
    assert response.status_code == 429, response.context["form"].errors
    assert Enrollment.objects.count() == 1
    page = response.text
    for name, value in answers.items():
        if name == "referral_code" or not value:
            continue
        widget = response.context["form"][name].field.widget
        if getattr(widget, "input_type", "") in ("radio", "checkbox"):
            assert _checked(page, name, value), name
        elif widget.__class__.__name__ == "Textarea":
            assert f">\n{html.escape(value)}</textarea>" in page, name
        else:
            assert any(f'value="{html.escape(value)}"' in tag for tag in _input_tags(page, name))
    # The kind message, a way to call now, and crisis help.
    assert "Your answers are all still here" in page
    assert 'href="tel:555-000-1111"' in page
    for number in ("988", "911"):
        assert f'href="tel:{number}"' in page
    assert 'role="alert"' in page
    assert "Nothing was saved. Please correct" not in page


def _input_tags(page: str, name: str) -> list[str]:
    tags, start = [], 0
    while (at := page.find(f'name="{name}"', start)) != -1:
        tags.append(page[page.rfind("<", 0, at) : page.find(">", at) + 1])
        start = at + 1
    return tags


def _checked(page: str, name: str, value: str) -> bool:
    """A checkbox is posted as "on" and drawn without a value."""
    return any(
        (value == "on" or f'value="{value}"' in tag) and " checked" in tag
        for tag in _input_tags(page, name)
    )


def test_an_invalid_form_past_the_limit_shows_its_errors_not_the_limit(client, clinic, settings):
    settings.NALTRACK_ENROLLMENT_HOURLY_LIMIT = 1
    fill_address(clinic, 1)
    response = send(client, clinic, given_name="", email="not-an-email")
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "Enter your first name." in errors["given_name"]
    assert "Enter an email address like name@example.com." in errors["email"]
    assert "Nothing was saved. Please correct" in response.text
    assert "Your form was not sent yet" not in response.text


# --- the service on its own ------------------------------------------------------------------


def test_the_service_checks_the_limits_itself(clinic, settings):
    settings.NALTRACK_ENROLLMENT_HOURLY_LIMIT = 2
    submitted(clinic, ip_address="192.0.2.1")
    submitted(clinic, ip_address="192.0.2.1", email="b@example.com")
    with pytest.raises(services.SubmissionLimited) as refused:
        submitted(clinic, ip_address="192.0.2.1", email="c@example.com")
    assert refused.value.limit is selectors.Limit.ADDRESS_HOUR
    assert Enrollment.objects.count() == 2
    # Without a known address only the email is counted: the form is stored.
    submitted(clinic, ip_address=None, email="d@example.com")
    assert Enrollment.objects.count() == 3


def test_the_service_counts_the_email_without_case_or_spaces(clinic):
    for n in range(selectors.DAILY_LIMIT_PER_EMAIL):
        submitted(clinic, ip_address=f"192.0.2.{n + 1}", email="Jane.Doe@Example.com")
    with pytest.raises(services.SubmissionLimited) as refused:
        submitted(clinic, ip_address=None, email=" jane.doe@example.COM")
    assert refused.value.limit is selectors.Limit.EMAIL_DAY
