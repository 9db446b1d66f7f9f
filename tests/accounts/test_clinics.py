"""An install starts empty: the operator creates a clinic and its first admin (from the command
line or the admin), suspends one (its people cannot sign in, nothing is deleted) and invites its
admin again — each audited."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from naltrack.accounts.clinics import clinic_resume, clinic_suspend
from naltrack.accounts.models import Clinic, Membership, User
from naltrack.audit.models import AuditEvent
from naltrack.reminders.services import patients_to_remind
from tests.care.helpers import started
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def create(*extra: str) -> str:
    out = StringIO()
    call_command(
        "createclinic",
        "--name", "Lakeside Recovery",
        "--slug", "lakeside",
        "--time-zone", "America/Chicago",
        "--admin-email", "Ada.Admin@Lakeside.example ",
        *extra,
        stdout=out,
    )  # fmt: skip
    return out.getvalue()


def test_createclinic_makes_the_clinic_and_invites_its_first_admin(client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    printed = create("--admin-name", "Ada Admin")
    clinic = Clinic.objects.get(slug="lakeside")
    assert (clinic.name, clinic.time_zone) == ("Lakeside Recovery", "America/Chicago")
    admin = User.objects.get(email="ada.admin@lakeside.example")
    assert admin.membership.clinic == clinic
    assert admin.membership.role == Membership.Role.ADMIN
    assert not admin.has_usable_password()
    link = re.search(r"Invitation link: (\S+)", printed).group(1)
    assert link in mail.outbox[0].body
    assert client.get(link.split("8000", 1)[-1], follow=True).status_code == 200
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.CREATE, object_type="clinic", clinic_id=clinic.pk
    ).exists()


@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [
        ("--slug", "not a slug", "only letters, numbers"),
        ("--time-zone", "Mars/Olympus", "is not a time zone"),
        ("--admin-email", "nobody", "is not an email address"),
    ],
)
def test_createclinic_refuses_bad_input_with_a_clear_message(flag, value, message):
    args = {
        "--name": "Lakeside",
        "--slug": "lakeside",
        "--time-zone": "America/Chicago",
        "--admin-email": "a@lakeside.example",
        flag: value,
    }
    with pytest.raises(CommandError, match=message):
        call_command("createclinic", *[part for pair in args.items() for part in pair])
    assert not Clinic.objects.exists()
    assert not User.objects.exists()


def test_createclinic_refuses_a_duplicate_slug(clinic):
    with pytest.raises(CommandError, match="already exists"):
        call_command(
            "createclinic", "--name", "Again", "--slug", clinic.slug,
            "--time-zone", "America/Chicago", "--admin-email", "b@x.example",
        )  # fmt: skip


def test_people_of_a_suspended_clinic_cannot_sign_in_and_nothing_is_deleted(
    clinic, clinician, patient
):
    signed_in = Client()
    assert (
        signed_in.post(
            reverse("accounts:login"), {"username": clinician.email, "password": PASSWORD}
        ).status_code
        == 302
    )
    assert signed_in.get(reverse("clinician:home")).status_code == 200

    clinic_suspend(clinic=clinic, by=None)

    # The open session ends at its next request; a new sign-in is refused like a wrong password.
    assert signed_in.get(reverse("clinician:home")).status_code == 302
    refused = Client().post(
        reverse("accounts:login"), {"username": clinician.email, "password": PASSWORD}
    )
    assert refused.status_code == 200
    assert refused.context["form"].errors
    assert (
        Clinic.objects.filter(pk=clinic.pk).exists()
        and patient.__class__.objects.filter(pk=patient.pk).exists()
    )

    clinic_resume(clinic=clinic, by=None)
    again = Client().post(
        reverse("accounts:login"), {"username": clinician.email, "password": PASSWORD}
    )
    assert again.status_code == 302
    changes = [
        e.detail["changes"]["suspended"]
        for e in AuditEvent.objects.filter(object_type="clinic", action=AuditEvent.Action.UPDATE)
    ]
    assert changes == [["yes", "no"], ["no", "yes"]]  # newest first


def test_a_suspended_clinics_patients_are_sent_no_new_reminders(clinic, clinician, patient):
    started(patient, clinician)
    assert patient in patients_to_remind()
    clinic_suspend(clinic=clinic, by=None)
    assert patient not in patients_to_remind()


@pytest.fixture
def operator(client: Client) -> Client:
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_the_operator_creates_a_clinic_from_the_admin(operator):
    response = operator.post(
        reverse("admin:accounts_clinic_add"),
        {
            "name": "Hillside",
            "slug": "hillside",
            "time_zone": "America/Denver",
            "admin_email": "lead@hillside.example",
            "admin_name": "Lee",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    clinic = Clinic.objects.get(slug="hillside")
    assert User.objects.get(email="lead@hillside.example").membership.clinic == clinic
    assert "lead@hillside.example" in mail.outbox[0].to


def test_the_admin_form_refuses_a_bad_time_zone(operator):
    response = operator.post(
        reverse("admin:accounts_clinic_add"),
        {"name": "H", "slug": "h", "time_zone": "Nowhere", "admin_email": "a@h.example"},
    )
    assert response.status_code == 200
    assert "is not a time zone" in response.content.decode()
    assert not Clinic.objects.filter(slug="h").exists()


def test_the_operator_suspends_and_invites_again_from_the_list(operator, clinic):
    invited = User.objects.create_user("new.admin@x.example", full_name="New")
    Membership.objects.create(user=invited, clinic=clinic, role=Membership.Role.ADMIN)
    url = reverse("admin:accounts_clinic_changelist")
    operator.post(url, {"action": "invite_admins_again", "_selected_action": [clinic.pk]})
    assert mail.outbox[-1].to == ["new.admin@x.example"]
    operator.post(url, {"action": "suspend", "_selected_action": [clinic.pk]})
    clinic.refresh_from_db()
    assert clinic.suspended_at is not None
    assert operator.get(url).status_code == 200


def test_the_operator_sees_accounts_but_never_a_password_hash(operator, clinician):
    page = operator.get(reverse("admin:accounts_user_change", args=[clinician.pk]))
    assert page.status_code == 200
    assert clinician.email in page.text
    assert clinician.password not in page.text
    assert "argon2" not in page.text
