"""``naltrack demo`` resets a demo clinic that was used: reminders sent, cravings logged.

The reset deletes every row of the old clinic's record, whichever app it belongs to, and builds
the clinic again, as often as it is asked; the audit trail stays.
"""

from __future__ import annotations

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models, transaction
from django.test import override_settings
from django.utils import timezone

from naltrack.accounts.models import Clinic, User
from naltrack.audit.models import AuditEvent
from naltrack.care.models import CravingEpisode, CravingPlan, Episode, Patient, PatientRow
from naltrack.care.services import cravings
from naltrack.demo_clinic.clinic import DEMO_SLUG
from naltrack.demo_clinic.deletion import record_models
from naltrack.enrollment.models import Enrollment
from naltrack.enrollment.services import enrollment_accept
from naltrack.reminders import services as reminders
from naltrack.reminders.clinic import clinic_defaults_save
from naltrack.reminders.models import ClinicReminderDefaults, Notification, ReminderPreference
from tests.enrollment.helpers import submitted
from tests.reminders.helpers import local, run_clock

pytestmark = pytest.mark.django_db

RECORD = [model for model in apps.get_models() if issubclass(model, PatientRow)]


def build_demo() -> Clinic:
    with override_settings(DEMO=True):
        call_command("demo", stdout=io.StringIO())
    return Clinic.objects.get(slug=DEMO_SLUG)


def sizes(clinic: Clinic) -> dict[str, int]:
    """How many rows of each kind the clinic's record has."""
    return {
        model.__name__: model.objects.filter(clinic=clinic).count() for model in (Patient, *RECORD)
    }


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    """The demo's sizes as first built, once for this module (it takes seconds), rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield sizes(build_demo())
        transaction.set_rollback(True)


def remind_everyone_today(clinic: Clinic) -> None:
    """Today's reminder ticks (each catching up six hours), sending what each hands over, as
    the worker would."""
    zone, today = ZoneInfo(clinic.time_zone), timezone.localdate()
    run_clock(local(today, 9, zone=zone), local(today, 21, zone=zone), dt.timedelta(hours=6))
    sent = Notification.objects.filter(clinic=clinic, status=Notification.Status.SENT)
    assert sent.exists()
    jordan = Patient.objects.get(clinic=clinic, user__email="patient@riverside.example")
    reminders.reminders_pause(patient=jordan, by=jordan.user)


def log_a_craving(clinic: Clinic) -> None:
    """The demo patient writes a craving plan and logs a craving through to its end."""
    jordan = Patient.objects.get(clinic=clinic, user__email="patient@riverside.example")
    user = jordan.user
    cravings.craving_plan_save(patient=jordan, by=user, help_1="Call my sister")
    episode = cravings.craving_episode_start(
        patient=jordan, rating=7, might_use=CravingEpisode.MightUse.NOT_SURE, by=user
    )
    cravings.craving_episode_try(episode=episode, tried="Call my sister", by=user)
    cravings.craving_episode_finish(
        episode=episode, end_rating=3, outcome=CravingEpisode.Outcome.EASED, by=user
    )


def assert_reset(old: Clinic, built: dict[str, int]) -> Clinic:
    """The old clinic and all its rows are gone, its audit trail kept, a new one built whole."""
    new = Clinic.objects.get(slug=DEMO_SLUG)
    assert new.pk != old.pk
    assert not Clinic.objects.filter(pk=old.pk).exists()
    for model in (Patient, *RECORD):
        assert not model.objects.filter(clinic_id=old.pk).exists(), model.__name__
    assert not User.objects.filter(membership__clinic_id=old.pk).exists()
    assert AuditEvent.objects.filter(clinic_id=old.pk).exists()
    assert sizes(new) == built
    return new


def test_the_reset_deletes_the_reminders_sent_and_the_new_clinic_resets_again(built):
    old = Clinic.objects.get(slug=DEMO_SLUG)
    remind_everyone_today(old)
    audited = AuditEvent.objects.count()
    build_demo()
    new = assert_reset(old, built)
    assert AuditEvent.objects.count() > audited
    # The clinic built by the reset is used and reset in its turn.
    log_a_craving(new)
    build_demo()
    assert_reset(new, built)


def test_the_reset_deletes_the_cravings_logged(built):
    old = Clinic.objects.get(slug=DEMO_SLUG)
    log_a_craving(old)
    build_demo()
    assert_reset(old, built)


def test_each_model_of_the_record_goes_before_what_it_protects():
    order = record_models()
    assert {Notification, ReminderPreference, CravingPlan, CravingEpisode, Episode} <= set(order)
    assert AuditEvent not in order
    assert Patient in order
    position = {model: n for n, model in enumerate(order)}
    for model in order:
        for field in model._meta.concrete_fields:
            target = field.related_model
            if (
                isinstance(field, models.ForeignKey)
                and field.remote_field.on_delete is models.PROTECT
                and target in position
                and target is not model
            ):
                assert position[model] < position[target], (model.__name__, field.name)


def test_the_reset_deletes_enrollments_and_the_clinics_reminder_settings(built):
    """Someone tried the public form on the demo, the admin accepted one and set reminders."""
    old = Clinic.objects.get(slug=DEMO_SLUG)
    admin = User.objects.get(email="admin@riverside.example")
    enrollment_accept(
        enrollment=submitted(old, email="new.person@example.com"),
        by=admin,
        email="new.person@example.com",
        base_url="http://testserver",
    )
    submitted(old, email="another@example.com")
    clinic_defaults_save(
        clinic=old,
        by=admin,
        time_zone="America/Chicago",
        channel="email",
        reminder_time=dt.time(8, 30),
        quiet_start=None,
        quiet_end=None,
    )
    build_demo()
    assert_reset(old, built)
    assert not Enrollment.objects.filter(clinic_id=old.pk).exists()
    assert not ClinicReminderDefaults.objects.filter(clinic_id=old.pk).exists()
