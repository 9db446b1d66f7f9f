"""The staff intake queue: scoped to the clinic, audited, and accepting a form turns it into a
patient with an account and an invitation, in one transaction; declining needs a reason."""

from __future__ import annotations

import re
from unittest import mock

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse

from naltrack.accounts.models import Membership, User
from naltrack.audit.models import AuditEvent
from naltrack.care.models import ClinicalNote, OpioidExposure, Patient
from naltrack.enrollment.models import Enrollment
from tests.enrollment.helpers import TODAY, submitted
from tests.factories import PASSWORD, member

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-long-new-password-42"


@pytest.fixture
def enrollment(clinic):
    return submitted(clinic)


@pytest.fixture
def signed_in(client, clinician):
    client.force_login(clinician)
    return client


def detail(enrollment):
    return reverse("enrollment:intake_detail", args=[enrollment.pk])


def accept(enrollment):
    return reverse("enrollment:intake_accept", args=[enrollment.pk])


def decline(enrollment):
    return reverse("enrollment:intake_decline", args=[enrollment.pk])


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


# --- the queue -----------------------------------------------------------------------------------


def test_queue_lists_new_forms_first_with_duplicate_flags(signed_in, clinic, clinician):
    first = submitted(clinic)
    decided = submitted(clinic, email="sam@example.com", given_name="Sam", family_name="Lee")
    decided.status = Enrollment.Status.DECLINED
    decided.decided_by = clinician
    decided.decline_reason = "Moved away"
    decided.save()
    again = submitted(clinic, given_name="JANE", email="")

    response = signed_in.get(reverse("enrollment:intake_queue"))
    assert response.status_code == 200
    text = response.text
    new_section = text[text.index("New (") : text.index("Recently decided")]
    assert new_section.index(f"#{first.pk}") < new_section.index(f"#{again.pk}")
    assert f"#{decided.pk}" not in new_section
    assert f'Likely duplicate of <a href="{detail(first)}">#{first.pk}</a>' in new_section
    assert "Declined: Moved away" in text

    event = AuditEvent.objects.get(action=AuditEvent.Action.LIST, object_type="enrollment")
    assert event.actor_id == clinician.pk
    assert event.clinic_id == clinic.pk
    assert set(event.detail["enrollment_ids"]) == {first.pk, decided.pk, again.pk}


def test_queue_shows_only_the_clinics_own_forms(signed_in, clinic, other_clinic):
    ours = submitted(clinic)
    theirs = submitted(other_clinic, given_name="Other", email="other@example.com")
    text = signed_in.get(reverse("enrollment:intake_queue")).text
    assert detail(ours) in text
    assert detail(theirs) not in text
    assert "Other Doe" not in text


def test_queue_takes_the_same_number_of_queries_for_many_forms(
    signed_in, clinic, clinician, django_assert_max_num_queries
):
    submitted(clinic)
    signed_in.get(reverse("enrollment:intake_queue"))
    with django_assert_max_num_queries(12) as few:
        signed_in.get(reverse("enrollment:intake_queue"))
    for n in range(8):
        enrollment = submitted(
            clinic, ip_address=f"198.51.100.{n}", email=f"p{n}@example.com", given_name=f"P{n}"
        )
        if n % 2:
            enrollment.status = Enrollment.Status.DECLINED
            enrollment.decided_by = clinician
            enrollment.save()
    with django_assert_max_num_queries(len(few.captured_queries)):
        signed_in.get(reverse("enrollment:intake_queue"))


def test_intake_link_is_in_the_staff_navigation(signed_in):
    page = signed_in.get(reverse("clinician:home")).text
    assert reverse("enrollment:intake_queue") in page


def test_detail_shows_everything_and_is_audited(signed_in, clinic, clinician, enrollment):
    response = signed_in.get(detail(enrollment))
    assert response.status_code == 200
    text = response.text
    for shown in (
        "Jane Doe",
        "1990-03-31",
        "jane.doe@example.com",
        "(312) 555-0123",
        "Text message, evening",
        "Opioids",
        "Sertraline 50 mg",
        "Short-acting opioid",
        "fentanyl",
        "Medicaid",
        "M-123",
        "John Doe",
        "(312) 555-0187",
        "A doctor, nurse or counselor",
        "203.0.113.9",
    ):
        assert shown in text, shown
    event = AuditEvent.objects.get(action=AuditEvent.Action.READ, object_type="enrollment")
    assert event.object_id == str(enrollment.pk)
    assert event.actor_id == clinician.pk
    assert event.clinic_id == clinic.pk


def test_detail_links_the_same_persons_other_forms(signed_in, clinic, enrollment):
    again = submitted(clinic, email="JANE.DOE@example.com")
    text = signed_in.get(detail(enrollment)).text
    assert detail(again) in text
    text = signed_in.get(detail(again)).text
    assert "Likely duplicate" in text
    assert detail(enrollment) in text


def test_detail_warns_when_the_email_already_has_an_account(signed_in, clinic, patient):
    enrollment = submitted(clinic, email=patient.user.email.upper())
    text = signed_in.get(detail(enrollment)).text
    assert "already has a Naltrack account" in text
    assert reverse("clinician:patient_chart", args=[patient.pk]) in text


def test_under_18_is_marked(signed_in, clinic):
    born = TODAY.replace(year=TODAY.year - 17, day=1)
    enrollment = submitted(clinic, date_of_birth=born)
    assert "Under 18" in signed_in.get(detail(enrollment)).text
    assert "Under 18" in signed_in.get(reverse("enrollment:intake_queue")).text


# --- who may see it ------------------------------------------------------------------------------


def test_another_clinics_clinician_gets_404(client, other_clinic, enrollment):
    client.force_login(member(other_clinic, Membership.Role.CLINICIAN))
    assert client.get(detail(enrollment)).status_code == 404
    assert client.post(accept(enrollment), {"email": "x@example.com"}).status_code == 404
    assert client.post(decline(enrollment), {"reason": "No"}).status_code == 404
    invite = reverse("enrollment:intake_invite", args=[enrollment.pk])
    assert client.post(invite).status_code == 404
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.NEW
    assert not Patient.objects.exists()


def test_patients_cannot_see_the_queue(client, patient, enrollment):
    client.force_login(patient.user)
    assert client.get(reverse("enrollment:intake_queue")).status_code == 404
    assert client.get(detail(enrollment)).status_code == 404
    assert client.post(accept(enrollment)).status_code == 404


def test_anonymous_people_are_sent_to_sign_in(client, enrollment):
    for url in (reverse("enrollment:intake_queue"), detail(enrollment)):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))
    response = client.post(decline(enrollment), {"reason": "spam"})
    assert response.status_code == 302
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.NEW


def test_clinic_admins_can_work_the_queue(client, clinic_admin, enrollment):
    client.force_login(clinic_admin)
    assert client.get(detail(enrollment)).status_code == 200


# --- accepting -----------------------------------------------------------------------------------


def test_accept_creates_the_patient_account_exposure_and_invitation(
    signed_in, clinic, clinician, enrollment
):
    response = signed_in.post(accept(enrollment), {"email": enrollment.email})
    patient = Patient.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("clinician:patient_chart", args=[patient.pk])

    assert patient.clinic == clinic
    assert (patient.given_name, patient.family_name) == ("Jane", "Doe")
    assert patient.date_of_birth == enrollment.date_of_birth
    assert patient.phone == "(312) 555-0123"
    assert patient.emergency_contact_name == "John Doe"
    assert patient.insurance_payer == "Medicaid"
    assert patient.insurance_member_id == "M-123"
    assert patient.reminder_channel == Patient.Channel.SMS

    user = patient.user
    assert user.email == "jane.doe@example.com"
    assert user.full_name == "Jane Doe"
    assert not user.has_usable_password()
    assert user.membership.clinic == clinic
    assert user.membership.role == Membership.Role.PATIENT

    exposure = OpioidExposure.objects.get(patient=patient)
    assert exposure.kind == "short_acting"
    assert exposure.substance == "fentanyl"
    assert exposure.last_use == enrollment.opioid_last_use
    assert exposure.recorded_by == clinician
    note = ClinicalNote.objects.get(patient=patient)
    assert "Sertraline 50 mg" in note.text
    assert f"intake #{enrollment.pk}" in note.text

    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.ACCEPTED
    assert enrollment.patient == patient
    assert enrollment.decided_by == clinician
    assert enrollment.decided_at is not None

    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.CREATE, object_type="patient", object_id=str(patient.pk)
    ).exists()
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.UPDATE,
        object_type="enrollment",
        object_id=str(enrollment.pk),
        patient_id=patient.pk,
    ).exists()
    assert any("invitation" in message for message in messages_of(response))

    # The invitation email's link lets the new patient choose a password and sign in.
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["jane.doe@example.com"]
    link = re.search(r"http://testserver(/\S+)", message.body).group(1)
    signed_in.logout()
    form_page = signed_in.get(link, follow=True)
    assert "choose your password" in form_page.text.lower()
    done = signed_in.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    signed_in.logout()
    signed_in_page = signed_in.post(
        reverse("accounts:login"), {"username": "Jane.Doe@example.com", "password": NEW_PASSWORD}
    )
    assert signed_in_page.status_code == 302


def test_accept_without_recent_opioid_use_records_no_exposure(signed_in, clinic):
    enrollment = submitted(
        clinic,
        recent_opioid_use=False,
        opioid_kind="",
        opioid_what="",
        opioid_last_use=None,
        preferred_contact=Enrollment.Contact.EMAIL,
    )
    signed_in.post(accept(enrollment), {"email": enrollment.email})
    patient = Patient.objects.get()
    assert not OpioidExposure.objects.exists()
    assert patient.reminder_channel == Patient.Channel.EMAIL


def test_accept_with_an_email_that_has_an_account_creates_nothing(
    signed_in, clinic, clinician, patient
):
    enrollment = submitted(clinic, email=patient.user.email)
    response = signed_in.post(accept(enrollment), {"email": patient.user.email.upper()})
    assert response.status_code == 200
    errors = response.context["accept_form"].errors["email"]
    assert "already has a Naltrack account at this clinic, so no patient was created" in errors[0]
    assert patient.full_name in errors[0]
    assert 'role="alert"' in response.text
    assert Patient.objects.count() == 1  # only the existing one
    assert not OpioidExposure.objects.exists()
    assert User.objects.filter(email__iexact=patient.user.email).count() == 1
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.NEW
    assert not mail.outbox


def test_accept_with_another_email_or_none(signed_in, clinic, clinician):
    enrollment = submitted(clinic)
    signed_in.post(accept(enrollment), {"email": "jane.new@example.com"})
    assert Patient.objects.get().user.email == "jane.new@example.com"
    assert mail.outbox[0].to == ["jane.new@example.com"]

    no_email = submitted(
        clinic, given_name="Sam", family_name="Lee", email="", phone="(312) 555-0177"
    )
    response = signed_in.post(accept(no_email), {"email": ""})
    sam = Patient.objects.get(given_name="Sam")
    assert response.url == reverse("clinician:patient_chart", args=[sam.pk])
    assert sam.user is None
    assert len(mail.outbox) == 1
    assert any("without an account" in message for message in messages_of(response))


def test_accept_refuses_a_bad_email(signed_in, enrollment):
    response = signed_in.post(accept(enrollment), {"email": "not an email"})
    assert response.status_code == 200
    assert response.context["accept_form"].errors["email"] == [
        "Enter an email address like name@example.com."
    ]
    assert not Patient.objects.exists()


def test_a_form_is_accepted_only_once(signed_in, enrollment):
    signed_in.post(accept(enrollment), {"email": enrollment.email})
    again = signed_in.post(accept(enrollment), {"email": "other@example.com"})
    assert again.status_code == 302
    assert again.url == detail(enrollment)
    assert any("already accepted" in message for message in messages_of(again))
    assert Patient.objects.count() == 1
    declined = signed_in.post(decline(enrollment), {"reason": "Changed my mind"})
    assert any("already accepted" in message for message in messages_of(declined))
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.ACCEPTED


def test_mail_failure_keeps_the_patient_and_the_invitation_can_be_sent_again(signed_in, enrollment):
    with mock.patch(
        "naltrack.accounts.services.send_mail", side_effect=ConnectionRefusedError("no smtp")
    ):
        response = signed_in.post(accept(enrollment), {"email": enrollment.email})
    patient = Patient.objects.get()
    assert response.url == reverse("clinician:patient_chart", args=[patient.pk])
    assert any("could not be sent" in message for message in messages_of(response))
    assert not mail.outbox

    page = signed_in.get(detail(enrollment)).text
    assert "Send the invitation again" in page
    resent = signed_in.post(reverse("enrollment:intake_invite", args=[enrollment.pk]))
    assert resent.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [patient.user.email]


def test_no_new_invitation_once_a_password_is_chosen(signed_in, enrollment):
    signed_in.post(accept(enrollment), {"email": enrollment.email})
    user = Patient.objects.get().user
    user.set_password(PASSWORD)
    user.save()
    response = signed_in.post(reverse("enrollment:intake_invite", args=[enrollment.pk]))
    assert any("No invitation was sent" in message for message in messages_of(response))
    assert len(mail.outbox) == 1
    assert "Send the invitation again" not in signed_in.get(detail(enrollment)).text


def test_accept_and_decline_answer_only_post(signed_in, enrollment):
    assert signed_in.get(accept(enrollment)).status_code == 405
    assert signed_in.get(decline(enrollment)).status_code == 405


# --- declining -----------------------------------------------------------------------------------


def test_decline_needs_a_reason(signed_in, enrollment):
    response = signed_in.post(decline(enrollment), {"reason": "   "})
    assert response.status_code == 200
    assert response.context["decline_form"].errors["reason"] == ["Give a reason for declining."]
    assert 'role="alert"' in response.text
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.NEW


def test_decline_reason_has_a_limit(signed_in, enrollment):
    response = signed_in.post(decline(enrollment), {"reason": "x" * 501})
    assert "at most 500 characters" in response.context["decline_form"].errors["reason"][0]
    assert "x" * 501 in response.text


def test_decline_with_a_reason(signed_in, clinician, enrollment):
    response = signed_in.post(decline(enrollment), {"reason": "Duplicate of #1"})
    assert response.status_code == 302
    assert response.url == reverse("enrollment:intake_queue")
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.DECLINED
    assert enrollment.decline_reason == "Duplicate of #1"
    assert enrollment.decided_by == clinician
    assert not Patient.objects.exists()
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.UPDATE, object_type="enrollment", detail={"status": "declined"}
    ).exists()
    page = signed_in.get(detail(enrollment)).text
    assert "Declined by" in page
    assert "Duplicate of #1" in page
