"""The public enrollment form: no account, every valid form stored, clear messages for bad input
(keeping what was typed), a confirmation that says what happens next, and abuse protection that
a real person never notices."""

from __future__ import annotations

import datetime as dt
import html

import pytest
from django.urls import reverse

from naltrack.audit.models import AuditEvent
from naltrack.enrollment.forms import MIN_AGE, age_on
from naltrack.enrollment.models import Enrollment
from tests.enrollment.helpers import TODAY, form_url, posted
from tests.factories import ClinicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def clinic(clinic):
    clinic.phone = "555-000-1111"
    clinic.save()
    return clinic


def refused(response, field: str, text: str) -> None:
    """Re-rendered (200) with the message next to the field and in the summary, nothing stored."""
    assert response.status_code == 200, response.status_code
    errors = response.context["form"].errors
    assert any(text in error for error in errors.get(field, [])), errors
    assert 'role="alert"' in response.text
    assert html.escape(text) in response.text or text in response.text
    assert not Enrollment.objects.exists()


# --- reaching the form ---------------------------------------------------------------------------


def test_enroll_shows_the_form_when_the_site_has_one_clinic(client, clinic):
    response = client.get(reverse("enrollment:enroll"))
    assert response.status_code == 200
    assert "Get help from Riverside" in response.text
    assert response.context["form"].clinic == clinic
    # Crisis numbers are on the form itself.
    for number in ("988", "1-800-662-4357", "911"):
        assert number in response.text


def test_enroll_lists_clinics_when_there_are_several(client, clinic, other_clinic):
    response = client.get(reverse("enrollment:enroll"))
    assert response.status_code == 200
    assert "form" not in response.context
    assert form_url(clinic) in response.text
    assert form_url(other_clinic) in response.text


def test_each_clinic_has_its_own_form(client, clinic, other_clinic):
    response = client.post(form_url(other_clinic), posted())
    assert response.status_code == 302
    assert Enrollment.objects.get().clinic == other_clinic


def test_unknown_clinic_is_404(client, clinic):
    assert client.get("/enroll/nowhere/").status_code == 404


def test_honeypot_is_hidden_from_people_and_labelled(client, clinic):
    page = client.get(form_url(clinic)).text
    start = page.index('<div class="visually-hidden" aria-hidden="true">')
    block = page[start : page.index("</div>", start)]
    assert "Leave this empty" in block
    assert 'name="referral_code"' in block
    assert 'tabindex="-1"' in block
    assert 'autocomplete="off"' in block


def test_form_is_grouped_and_labelled(client, clinic):
    page = client.get(form_url(clinic)).text
    for legend in ("About you", "How to reach you", "Opioid use", "Your permission"):
        assert f"<legend><h2>{legend}</h2></legend>" in page
    assert "Privacy notice" in page
    assert "42 CFR Part 2" in page
    # No inline script or style: the Content-Security-Policy forbids them.
    assert "<script>" not in page
    assert "style=" not in page


# --- a valid form --------------------------------------------------------------------------------


def test_valid_form_is_stored_audited_and_confirmed(client, clinic):
    response = client.post(form_url(clinic), posted())
    thanks = reverse("enrollment:thanks", args=[clinic.slug])
    assert response.status_code == 302
    assert response.url == thanks

    enrollment = Enrollment.objects.get()
    assert enrollment.clinic == clinic
    assert enrollment.full_name == "Jane Doe"
    assert enrollment.date_of_birth == dt.date(1990, 3, 31)
    assert enrollment.email == "Jane.Doe@example.com"
    assert enrollment.preferred_contact == Enrollment.Contact.TEXT
    assert enrollment.recent_opioid_use is True
    assert enrollment.opioid_kind == "short_acting"
    assert enrollment.opioid_last_use == TODAY - dt.timedelta(days=3)
    assert enrollment.emergency_contact_phone == "(312) 555-0187"
    assert enrollment.status == Enrollment.Status.NEW
    assert enrollment.ip_address == "127.0.0.1"
    assert not enrollment.likely_duplicate

    event = AuditEvent.objects.get(object_type="enrollment")
    assert event.action == AuditEvent.Action.CREATE
    assert event.object_id == str(enrollment.pk)
    assert event.clinic_id == clinic.pk
    assert event.actor_id is None

    page = client.get(thanks)
    assert page.status_code == 200
    text = page.text
    assert "Thank you, Jane" in text
    assert "Someone from Riverside will contact you within 2 working days by text message" in text
    assert "(312) 555-0123" in text
    assert "555-000-1111" in text
    for number in ("988", "1-800-662-4357", "911"):
        assert number in text


def test_confirmation_shows_the_contact_only_once(client, clinic):
    client.post(form_url(clinic), posted())
    thanks = reverse("enrollment:thanks", args=[clinic.slug])
    assert "(312) 555-0123" in client.get(thanks).text
    again = client.get(thanks)
    assert again.status_code == 200
    assert "(312) 555-0123" not in again.text
    assert "within 2 working days" in again.text


def test_answering_no_to_opioids_stores_no_details(client, clinic):
    response = client.post(
        form_url(clinic),
        posted(
            recent_opioid_use="no",
            opioid_what="",
            opioid_last_use="",
            wants_help_with="alcohol",
            preferred_contact="email",
            phone="",
        ),
    )
    assert response.status_code == 302
    enrollment = Enrollment.objects.get()
    assert enrollment.recent_opioid_use is False
    # A kind left ticked (a radio button can't be cleared) is dropped with the "no".
    assert enrollment.opioid_kind == ""
    assert enrollment.opioid_last_use is None


def test_only_what_is_required_is_required(client, clinic):
    minimal = {
        "given_name": "Sam",
        "family_name": "Lee",
        "date_of_birth": "1980-01-02",
        "preferred_contact": "phone",
        "phone": "3125550123",
        "preferred_time": "morning",
        "wants_help_with": "alcohol",
        "recent_opioid_use": "no",
        "consent_contact": "on",
        "consent_privacy": "on",
    }
    assert client.post(form_url(clinic), minimal).status_code == 302
    assert Enrollment.objects.get().email == ""


def test_age_limit_is_inclusive(client, clinic):
    sixteen_today = TODAY.replace(year=TODAY.year - MIN_AGE)
    if (TODAY.month, TODAY.day) == (2, 29):  # pragma: no cover - leap-day runs
        sixteen_today = sixteen_today.replace(day=28)
    assert age_on(sixteen_today, TODAY) == MIN_AGE
    response = client.post(form_url(clinic), posted(date_of_birth=sixteen_today.isoformat()))
    assert response.status_code == 302


def test_script_text_is_stored_as_text_and_shown_escaped(client, clinic, clinician):
    script = "<script>alert(1)</script>"
    response = client.post(form_url(clinic), posted(given_name=script, current_medications=script))
    assert response.status_code == 302
    enrollment = Enrollment.objects.get()
    assert enrollment.given_name == script
    assert enrollment.current_medications == script

    thanks = client.get(reverse("enrollment:thanks", args=[clinic.slug])).text
    assert script not in thanks
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in thanks

    client.force_login(clinician)
    for url in (
        reverse("enrollment:intake_queue"),
        reverse("enrollment:intake_detail", args=[enrollment.pk]),
    ):
        page = client.get(url).text
        assert script not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


# --- bad input: a message per field, what was typed kept -----------------------------------------


def test_empty_form_names_every_required_question(client, clinic):
    response = client.post(form_url(clinic), {})
    assert response.status_code == 200
    errors = response.context["form"].errors
    expected = {
        "given_name": "Enter your first name.",
        "family_name": "Enter your last name.",
        "date_of_birth": "Enter your date of birth.",
        "preferred_contact": "Choose how we should contact you.",
        "preferred_time": "Choose the best time of day to contact you.",
        "wants_help_with": "Choose what you want help with.",
        "recent_opioid_use": "Answer yes or no. Your answer is private.",
        "consent_contact": "Tick this box so we can contact you.",
        "consent_privacy": "Tick this box to say you have read the privacy notice.",
    }
    assert {name: errors[name][0] for name in expected} == expected
    assert set(errors) == set(expected)
    assert "Nothing was saved" in response.text
    assert not Enrollment.objects.exists()


def test_first_field_with_an_error_gets_focus(client, clinic):
    response = client.post(form_url(clinic), posted(phone="", date_of_birth="x"))
    form = response.context["form"]
    focused = [name for name, field in form.fields.items() if field.widget.attrs.get("autofocus")]
    assert focused == ["date_of_birth"]
    assert not any(
        field.widget.attrs.get("autofocus")
        for field in client.get(form_url(clinic)).context["form"].fields.values()
    )


def test_everything_typed_is_kept_on_error(client, clinic):
    response = client.post(form_url(clinic), posted(consent_privacy=None))
    refused(response, "consent_privacy", "Tick this box to say you have read the privacy notice.")
    page = response.text
    for value in ("Jane", "Doe", "1990-03-31", "Jane.Doe@example.com", "(312) 555-0123", "M-123"):
        assert f'value="{value}"' in page
    assert "Sertraline 50 mg</textarea>" in page
    form = response.context["form"]
    assert form["preferred_contact"].value() == "text"
    assert form["consent_contact"].value() is True


@pytest.mark.parametrize(
    ("field", "limit"),
    [
        ("given_name", 100),
        ("family_name", 100),
        ("current_medications", 2000),
        ("opioid_what", 120),
        ("insurance_payer", 120),
        ("insurance_member_id", 60),
        ("emergency_contact_name", 200),
        ("heard_from_other", 200),
    ],
)
def test_too_long_text_is_refused_and_kept(client, clinic, field, limit):
    long_text = "a" * (limit + 1)
    response = client.post(form_url(clinic), posted(**{field: long_text}))
    refused(response, field, f"at most {limit} characters (you typed {limit + 1})")
    assert long_text in response.text


def test_too_long_email_is_refused(client, clinic):
    email = "a" * 250 + "@example.com"
    response = client.post(form_url(clinic), posted(email=email))
    refused(response, "email", "at most 254 characters")


def test_letters_in_a_date_are_refused_and_kept(client, clinic):
    response = client.post(form_url(clinic), posted(date_of_birth="thirty-first of March"))
    refused(
        response, "date_of_birth", "Enter your date of birth as a date, for example 03/31/1990."
    )
    assert 'value="thirty-first of March"' in response.text


def test_us_style_dates_are_understood(client, clinic):
    response = client.post(form_url(clinic), posted(date_of_birth="03/31/1990"))
    assert response.status_code == 302
    assert Enrollment.objects.get().date_of_birth == dt.date(1990, 3, 31)


def test_date_of_birth_in_the_future_is_refused(client, clinic):
    tomorrow = TODAY + dt.timedelta(days=1)
    response = client.post(form_url(clinic), posted(date_of_birth=tomorrow.isoformat()))
    refused(response, "date_of_birth", "Your date of birth can’t be in the future.")


def test_under_16_is_asked_to_call(client, clinic):
    born = TODAY - dt.timedelta(days=365 * 15)
    response = client.post(form_url(clinic), posted(date_of_birth=born.isoformat()))
    refused(
        response,
        "date_of_birth",
        "You need to be 16 or older to use this form. Please call Riverside at 555-000-1111",
    )


def test_a_year_typed_wrong_is_caught(client, clinic):
    response = client.post(form_url(clinic), posted(date_of_birth="1890-03-31"))
    refused(response, "date_of_birth", "Please check the year")


def test_last_use_in_the_future_is_refused(client, clinic):
    tomorrow = TODAY + dt.timedelta(days=1)
    response = client.post(form_url(clinic), posted(opioid_last_use=tomorrow.isoformat()))
    refused(response, "opioid_last_use", "The day you last used can’t be in the future.")


def test_letters_in_last_use_are_refused(client, clinic):
    response = client.post(form_url(clinic), posted(opioid_last_use="last week"))
    refused(response, "opioid_last_use", "Enter the day you last used as a date")
    assert 'value="last week"' in response.text


def test_recent_use_needs_a_kind_and_a_day(client, clinic):
    response = client.post(form_url(clinic), posted(opioid_kind="", opioid_last_use=""))
    refused(response, "opioid_kind", "You answered yes: choose the kind of opioid you used.")
    refused(response, "opioid_last_use", "You answered yes: tell us the day you last used.")


def test_no_recent_use_with_a_date_asks_which_is_right(client, clinic):
    response = client.post(form_url(clinic), posted(recent_opioid_use="no"))
    refused(response, "opioid_last_use", "You answered “No” to opioid use in the last 30 days.")


def test_unknown_choices_are_refused(client, clinic):
    response = client.post(
        form_url(clinic), posted(preferred_contact="pigeon", opioid_kind="morphine-ish")
    )
    refused(response, "preferred_contact", "Choose one of the answers shown.")
    refused(response, "opioid_kind", "Choose one of the answers shown.")


@pytest.mark.parametrize(
    ("method", "field", "text"),
    [
        ("email", "email", "You chose email: enter your email address"),
        ("phone", "phone", "You chose a phone call: enter your phone number"),
        ("text", "phone", "You chose text messages: enter your phone number"),
    ],
)
def test_the_chosen_way_to_contact_needs_its_detail(client, clinic, method, field, text):
    response = client.post(form_url(clinic), posted(preferred_contact=method, email="", phone=""))
    refused(response, field, text)


@pytest.mark.parametrize(
    "phone", ["12345", "call me", "not a phone", "555-123-4567 ext. 2", "1" * 16]
)
def test_phone_numbers_are_checked(client, clinic, phone):
    response = client.post(form_url(clinic), posted(phone=phone))
    refused(
        response, "phone", "Enter a phone number with the area code, for example (201) 555-0123."
    )


def test_bad_email_is_refused(client, clinic):
    response = client.post(form_url(clinic), posted(email="jane at example"))
    refused(response, "email", "Enter an email address like name@example.com.")
    assert 'value="jane at example"' in response.text


def test_emergency_contact_needs_both_name_and_phone(client, clinic):
    response = client.post(form_url(clinic), posted(emergency_contact_phone=""))
    refused(response, "emergency_contact_phone", "Enter their phone number too.")
    response = client.post(form_url(clinic), posted(emergency_contact_name=""))
    refused(response, "emergency_contact_name", "Enter their name too.")


def test_member_id_needs_the_insurance_company(client, clinic):
    response = client.post(form_url(clinic), posted(insurance_payer=""))
    refused(response, "insurance_payer", "Tell us the name of your insurance company too.")


def test_consents_must_be_ticked(client, clinic):
    response = client.post(form_url(clinic), posted(consent_contact=None, consent_privacy=None))
    refused(response, "consent_contact", "Tick this box so we can contact you.")
    refused(response, "consent_privacy", "Tick this box to say you have read the privacy notice.")


# --- abuse protection ------------------------------------------------------------------------


def test_filled_honeypot_gets_the_same_confirmation_but_nothing_is_stored(client, clinic, caplog):
    response = client.post(form_url(clinic), posted(referral_code="http://spam.example"))
    assert response.status_code == 302
    assert response.url == reverse("enrollment:thanks", args=[clinic.slug])
    assert not Enrollment.objects.exists()
    event = AuditEvent.objects.get(object_type="enrollment")
    assert event.action == AuditEvent.Action.CREATE
    assert event.object_id == ""
    assert event.detail == {"discarded": "honeypot"}
    assert event.clinic_id == clinic.pk
    assert "honeypot" in caplog.text
    thanks = client.get(response.url)
    assert "within 2 working days by text message" in thanks.text


def test_honeypot_wins_even_over_an_invalid_form(client, clinic):
    response = client.post(form_url(clinic), {"referral_code": "x"})
    assert response.status_code == 302
    assert not Enrollment.objects.exists()


# --- the same person twice -------------------------------------------------------------------


def test_second_form_by_the_same_email_is_kept_and_flagged(client, clinic):
    client.post(form_url(clinic), posted())
    client.post(
        form_url(clinic),
        posted(given_name="Janet", email="JANE.DOE@EXAMPLE.COM", phone="")
        | {"preferred_contact": "email"},
    )
    first, second = Enrollment.objects.order_by("id")
    assert not first.likely_duplicate
    assert second.likely_duplicate
    assert second.duplicate_of == first
    assert second.given_name == "Janet"


def test_same_name_and_birth_date_is_flagged(client, clinic):
    client.post(form_url(clinic), posted())
    client.post(form_url(clinic), posted(given_name="JANE", family_name="doe", email=""))
    first, second = Enrollment.objects.order_by("id")
    assert second.duplicate_of == first
    # A third links to the first one too, so the person's forms stay together.
    client.post(form_url(clinic), posted(email="new@example.com"))
    third = Enrollment.objects.order_by("id").last()
    assert third.duplicate_of == first


def test_different_people_are_not_flagged(client, clinic):
    client.post(form_url(clinic), posted())
    client.post(form_url(clinic), posted(email="other@example.com", date_of_birth="1991-03-31"))
    assert not Enrollment.objects.filter(likely_duplicate=True).exists()


def test_another_clinics_form_is_not_linked(client, clinic):
    elsewhere = ClinicFactory()
    client.post(form_url(elsewhere), posted())
    client.post(form_url(clinic), posted())
    assert not Enrollment.objects.filter(likely_duplicate=True).exists()


def test_a_sender_without_an_ip_address_is_still_stored(client, clinic):
    response = client.post(form_url(clinic), posted(), REMOTE_ADDR="")
    assert response.status_code == 302
    assert Enrollment.objects.get().ip_address is None


def test_a_last_use_years_ago_is_refused_when_the_answer_is_the_last_30_days(client, clinic):
    response = client.post(form_url(clinic), posted(opioid_last_use="1999-03-31"))
    refused(response, "opioid_last_use", "You answered yes to the last 30 days: the day you last")
    assert "30 days ago) and today" in html.unescape(response.text)
    assert not Enrollment.objects.exists()


def test_a_last_use_30_days_ago_is_within_the_last_30_days(client, clinic):
    day = TODAY - dt.timedelta(days=30)
    response = client.post(form_url(clinic), posted(opioid_last_use=day.isoformat()))
    assert response.status_code == 302
    assert Enrollment.objects.get().opioid_last_use == day


def test_a_suspended_clinic_takes_no_enrollment_and_is_not_listed(client, clinic) -> None:
    from django.utils import timezone

    open_clinic = ClinicFactory(name="Open Clinic")
    clinic.suspended_at = timezone.now()
    clinic.save()
    assert client.get(form_url(clinic)).status_code == 404
    assert client.post(form_url(clinic), posted()).status_code == 404
    # One open clinic left: /enroll/ is its form, and the suspended one is named nowhere.
    start = client.get(reverse("enrollment:enroll"))
    assert start.status_code == 200
    assert open_clinic.name in start.text
    assert clinic.name not in start.text
    assert not Enrollment.objects.exists()
