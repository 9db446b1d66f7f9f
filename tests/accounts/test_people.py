"""The clinic admin's People page: sign-ins turned off and on, staff roles, invitations sent
again or withdrawn; each change audited, scoped to the admin's clinic, refused with a reason."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.contrib.messages import get_messages
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from naltrack.accounts import people
from naltrack.accounts.models import Membership, User
from naltrack.accounts.services import invitation_send, member_create
from naltrack.audit.models import AuditEvent
from naltrack.care.models import Patient
from tests.factories import PASSWORD, UserFactory, member, patient_with_login

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-long-new-password-42"


@pytest.fixture
def admin_client(client, clinic_admin):
    client.force_login(clinic_admin)
    return client


@pytest.fixture
def invited(clinic, clinic_admin):
    user = member_create(
        clinic=clinic, email="new.nurse@clinic.example", full_name="New Nurse", role="clinician"
    )
    invitation_send(user=user, invited_by=clinic_admin, request=None, base_url="http://testserver")
    return user


def act(client, name, person, **data):
    return client.post(reverse(f"accounts:{name}", args=[person.pk]), data)


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def link_in(message) -> str:
    return re.search(r"http://testserver(/\S+)", message.body).group(1)


def sign_in(client, email, password=PASSWORD):
    return client.post(reverse("accounts:login"), {"username": email, "password": password})


def changes_of(person, by):
    event = AuditEvent.objects.filter(
        action=AuditEvent.Action.UPDATE, object_type="user", object_id=str(person.pk)
    ).latest("id")
    assert event.actor_id == by.pk
    assert event.clinic_id == person.membership.clinic_id
    return event.detail


# --- the page ----------------------------------------------------------------------------------


def test_page_lists_staff_with_role_status_and_last_sign_in(
    admin_client, clinic, clinician, invited
):
    gone = member(clinic, Membership.Role.CLINICIAN, full_name="Former Counsellor")
    gone.is_active = False
    gone.save()
    sign_in(Client(), clinician.email)
    clinician.refresh_from_db()

    response = admin_client.get(reverse("accounts:people"))

    assert response.status_code == 200
    rows = {row.user.pk: row.status_label for row in response.context["staff"]}
    assert rows[clinician.pk] == "Active"
    assert rows[invited.pk] == "Invited, not yet accepted"
    assert rows[gone.pk] == "Deactivated"
    assert f"{timezone.localtime(clinician.last_login):%a %-d %b %Y}" in response.text
    assert "Never" in response.text  # the invited nurse has not signed in


def test_the_clinic_page_links_to_people(admin_client):
    assert reverse("accounts:people") in admin_client.get(reverse("accounts:admin_home")).text


def test_patients_are_found_by_name_and_the_list_is_audited(admin_client, clinic, clinic_admin):
    found = patient_with_login(clinic, given_name="Rosa", family_name="Delgado")
    patient_with_login(clinic, given_name="Tom", family_name="Baker")

    response = admin_client.get(reverse("accounts:people"), {"q": "delgado"})

    assert [row.patient for row in response.context["patients"]] == [found]
    assert "Tom Baker" not in response.text
    listed = AuditEvent.objects.get(action=AuditEvent.Action.LIST, actor_id=clinic_admin.pk)
    assert listed.detail["patient_ids"] == [found.pk]


def test_another_clinics_people_are_not_listed(admin_client, other_clinic):
    stranger = member(other_clinic, Membership.Role.CLINICIAN)
    foreign = patient_with_login(other_clinic)
    text = admin_client.get(reverse("accounts:people")).text
    assert stranger.email not in text
    assert foreign.user.email not in text


# --- deactivating and reactivating -------------------------------------------------------------


def test_deactivating_staff_ends_their_live_session_at_once(admin_client, clinic_admin, clinician):
    theirs = Client()
    theirs.force_login(clinician)
    assert theirs.get(reverse("clinician:home")).status_code == 200

    response = act(admin_client, "person_deactivate", clinician)

    assert response.status_code == 302
    clinician.refresh_from_db()
    assert not clinician.is_active
    assert changes_of(clinician, clinic_admin) == {"changes": {"is_active": ["True", "False"]}}
    # Their very next request is signed out, and the session itself is gone from the store.
    next_request = theirs.get(reverse("clinician:home"))
    assert next_request.status_code == 302
    assert reverse("accounts:login") in next_request["Location"]
    assert not [
        s for s in Session.objects.all() if s.get_decoded().get(SESSION_KEY) == str(clinician.pk)
    ]
    # Reactivating does not bring the old session back.
    act(admin_client, "person_reactivate", clinician)
    assert theirs.get(reverse("clinician:home")).status_code == 302


def test_a_deactivated_person_cannot_sign_in_and_is_told_nothing_more(
    admin_client, clinic_admin, clinician
):
    wrong = sign_in(Client(), clinician.email, "not-the-password")
    act(admin_client, "person_deactivate", clinician)

    refused = sign_in(Client(), clinician.email)

    assert refused.status_code == 200
    assert refused.context["form"].non_field_errors() == wrong.context["form"].non_field_errors()
    assert "inactive" not in refused.text.lower()
    assert "deactivated" not in refused.text.lower()


def test_a_deactivated_persons_reset_link_is_refused(admin_client, clinician):
    Client().post(reverse("accounts:password_reset"), {"email": clinician.email})
    link = link_in(mail.outbox[0])
    act(admin_client, "person_deactivate", clinician)

    page = Client().get(link, follow=True)

    assert "already been used or has expired" in page.text
    # And no new link is sent to a deactivated account.
    Client().post(reverse("accounts:password_reset"), {"email": clinician.email})
    assert len(mail.outbox) == 1


def test_a_link_sent_before_deactivation_stays_dead_after_reactivation(admin_client, clinician):
    Client().post(reverse("accounts:password_reset"), {"email": clinician.email})
    link = link_in(mail.outbox[0])
    act(admin_client, "person_deactivate", clinician)
    act(admin_client, "person_reactivate", clinician)

    page = Client().get(link, follow=True)

    assert "already been used or has expired" in page.text


def test_deactivating_a_patients_sign_in_leaves_their_record(admin_client, clinic_admin, patient):
    theirs = Client()
    theirs.force_login(patient.user)

    act(admin_client, "person_deactivate", patient.user)

    patient.refresh_from_db()
    assert patient.user is not None and not patient.user.is_active
    assert Patient.objects.filter(pk=patient.pk, clinic=patient.clinic).exists()
    assert theirs.get(reverse("patient:home")).status_code == 302
    event = AuditEvent.objects.filter(action=AuditEvent.Action.UPDATE, object_type="user").get()
    assert event.patient_id == patient.pk

    act(admin_client, "person_reactivate", patient.user)
    patient.user.refresh_from_db()
    assert patient.user.is_active
    assert changes_of(patient.user, clinic_admin) == {"changes": {"is_active": ["False", "True"]}}
    assert sign_in(Client(), patient.user.email).status_code == 302


# --- roles -------------------------------------------------------------------------------------


def test_role_changes_between_clinician_and_clinic_admin(admin_client, clinic_admin, clinician):
    act(admin_client, "person_role", clinician, role="admin")
    clinician.refresh_from_db()
    assert clinician.membership.role == Membership.Role.ADMIN
    assert changes_of(clinician, clinic_admin) == {"changes": {"role": ["clinician", "admin"]}}

    act(admin_client, "person_role", clinician, role="clinician")
    clinician.refresh_from_db()
    assert clinician.membership.role == Membership.Role.CLINICIAN


def test_a_made_up_role_is_refused_with_a_message(admin_client, clinician, patient):
    response = act(admin_client, "person_role", clinician, role="superhero")
    assert response.status_code == 302
    assert "Choose clinician or clinic admin." in messages_of(response)
    # A patient has no staff role to change.
    refused = act(admin_client, "person_role", patient.user, role="admin")
    assert "Only staff roles can be changed" in messages_of(refused)[-1]
    patient.user.refresh_from_db()
    assert patient.user.membership.role == Membership.Role.PATIENT


@pytest.mark.parametrize(
    ("name", "data"), [("person_role", {"role": "clinician"}), ("person_deactivate", {})]
)
def test_an_admin_cannot_demote_or_deactivate_themselves(admin_client, clinic_admin, name, data):
    response = act(admin_client, name, clinic_admin, **data)

    assert response.status_code == 302
    assert any("cannot" in m and "yourself" in m for m in messages_of(response))
    clinic_admin.refresh_from_db()
    assert clinic_admin.is_active
    assert clinic_admin.membership.role == Membership.Role.ADMIN
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.UPDATE).exists()


def test_the_clinics_last_active_admin_is_kept(clinic, clinic_admin):
    """Reachable from outside the page (an operator in Django's admin) or by two admins acting at
    once; an invited admin who has not accepted does not count."""
    member_create(clinic=clinic, email="later@clinic.example", full_name="Later", role="admin")
    operator = UserFactory(is_staff=True, is_superuser=True)

    for change in (
        lambda: people.sign_in_deactivate(person=clinic_admin, by=operator),
        lambda: people.staff_role_change(person=clinic_admin, role="clinician", by=operator),
    ):
        with pytest.raises(people.PeopleRuleError, match="only active admin"):
            change()
    clinic_admin.refresh_from_db()
    assert clinic_admin.is_active and clinic_admin.membership.role == Membership.Role.ADMIN


def test_another_admin_can_be_demoted_while_one_remains(admin_client, clinic):
    second = member(clinic, Membership.Role.ADMIN)
    act(admin_client, "person_deactivate", second)
    second.refresh_from_db()
    assert not second.is_active


# --- invitations -------------------------------------------------------------------------------


def test_resending_an_invitation_kills_the_older_link(admin_client, clinic_admin, invited):
    older = link_in(mail.outbox[0])

    response = act(admin_client, "person_invitation_resend", invited)

    assert "Earlier links no longer work" in messages_of(response)[0]
    assert len(mail.outbox) == 2
    newer = link_in(mail.outbox[1])
    assert "already been used or has expired" in Client().get(older, follow=True).text
    assert changes_of(invited, clinic_admin) == {
        "invitation": ["sent", "sent again; earlier links stopped"]
    }
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.INVITE, object_id=str(invited.pk), actor_id=clinic_admin.pk
    ).exists()

    fresh = Client()
    form_page = fresh.get(newer, follow=True)
    assert "choose your password" in form_page.text.lower()
    fresh.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    invited.refresh_from_db()
    assert invited.check_password(NEW_PASSWORD)


def test_revoking_an_invitation_kills_its_link_and_deactivates(admin_client, clinic_admin, invited):
    link = link_in(mail.outbox[0])

    act(admin_client, "person_invitation_revoke", invited)

    invited.refresh_from_db()
    assert not invited.is_active
    assert "already been used or has expired" in Client().get(link, follow=True).text
    assert changes_of(invited, clinic_admin) == {
        "changes": {"is_active": ["True", "False"]},
        "invitation": ["sent", "revoked"],
    }
    # Reactivating does not revive the withdrawn link: a new invitation is needed.
    act(admin_client, "person_reactivate", invited)
    assert "already been used or has expired" in Client().get(link, follow=True).text


def test_only_a_waiting_invitation_can_be_resent_or_withdrawn(admin_client, clinician):
    for name in ("person_invitation_resend", "person_invitation_revoke"):
        response = act(admin_client, name, clinician)
        assert "has no invitation waiting" in messages_of(response)[0]
    clinician.refresh_from_db()
    assert clinician.is_active and clinician.has_usable_password()
    assert not mail.outbox


# --- scope and form --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "person_deactivate",
        "person_reactivate",
        "person_role",
        "person_invitation_resend",
        "person_invitation_revoke",
    ],
)
def test_another_clinics_people_answer_404_and_the_try_is_audited(
    admin_client, clinic_admin, other_clinic, name
):
    stranger = member(other_clinic, Membership.Role.CLINICIAN)

    response = act(admin_client, name, stranger, role="admin")

    assert response.status_code == 404
    stranger.refresh_from_db()
    assert stranger.is_active and stranger.membership.role == Membership.Role.CLINICIAN
    denied = AuditEvent.objects.get(action=AuditEvent.Action.DENIED, actor_id=clinic_admin.pk)
    assert denied.object_type == "user"
    assert denied.detail == {"id_asked": stranger.pk}


def test_clinicians_cannot_manage_people(client, clinician, clinic):
    other = member(clinic, Membership.Role.CLINICIAN)
    client.force_login(clinician)
    assert client.get(reverse("accounts:people")).status_code == 404
    assert act(client, "person_deactivate", other).status_code == 404
    other.refresh_from_db()
    assert other.is_active


def test_changes_need_the_forms_csrf_token(clinic_admin, clinician):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(clinic_admin)
    assert act(strict, "person_deactivate", clinician).status_code == 403
    clinician.refresh_from_db()
    assert clinician.is_active


def test_changes_are_posts(admin_client, clinician):
    url = reverse("accounts:person_deactivate", args=[clinician.pk])
    assert admin_client.get(url).status_code == 405
    assert User.objects.get(pk=clinician.pk).is_active
