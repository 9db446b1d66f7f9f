"""/healthz: 200 while the database, the worker, the scheduler and the nightly sweep are doing
their work, 503 with what is wrong when one is not; open to a load balancer, naming no one."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.utils import timezone

from naltrack.operations import health
from naltrack.reminders.models import Notification, SweepRun
from tests.factories import ClinicFactory, PatientFactory
from tests.operations.helpers import all_beating, beat, sweep_finished

pytestmark = pytest.mark.django_db


def healthz(client=None):
    return (client or Client()).get("/healthz")


def test_fresh_beats_answer_200_with_every_part():
    all_beating()
    sweep_finished(hours_ago=3)
    response = healthz()
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    body = response.json()
    assert body["status"] == "ok" and body["problems"] == []
    assert body["database"] == {"ok": True}
    assert body["migrations"] == {"ok": True, "unapplied": 0}
    assert body["worker"]["ok"] and 5 <= body["worker"]["last_seconds"] <= 10
    assert body["worker"]["alive"] == 1 and body["worker"]["limit_seconds"] == 45
    assert body["scheduler"]["ok"] and body["scheduler"]["limit_seconds"] == 180
    assert body["sweep"]["ok"] and body["sweep"]["outcome"] == "finished"
    assert 3 * 3600 <= body["sweep"]["finished_seconds"] < 3 * 3600 + 10
    assert body["reminders"] == {
        "waiting": 0,
        "oldest_waiting_seconds": None,
        "failed_last_24h": 0,
    }


def test_a_stale_worker_answers_503_and_says_so():
    beat("worker", seconds_ago=120)
    beat("scheduler", seconds_ago=10)
    response = healthz()
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "failing"
    assert body["worker"]["ok"] is False and body["worker"]["alive"] == 0
    assert body["problems"] == ["the worker last seen 120 s ago (limit 45 s)"]


def test_one_live_worker_of_two_is_enough():
    beat("worker", seconds_ago=600, instance="gone:1")
    beat("worker", seconds_ago=3, instance="alive:2")
    beat("scheduler", seconds_ago=3)
    body = healthz().json()
    assert body["worker"]["ok"] and body["worker"]["alive"] == 1


def test_a_worker_or_scheduler_that_never_ran_is_a_problem():
    body = healthz().json()
    assert body["problems"] == [
        "the worker has never run (limit 45 s)",
        "the scheduler has never run (limit 180 s)",
    ]


def test_a_stale_scheduler_answers_503(settings):
    settings.NALTRACK_HEALTH_SCHEDULER_SECONDS = 60
    beat("worker", seconds_ago=1)
    beat("scheduler", seconds_ago=61)
    response = healthz()
    assert response.status_code == 503
    assert response.json()["scheduler"] == {
        "ok": False,
        "last_seconds": 61,
        "alive": 0,
        "limit_seconds": 60,
    }


def test_a_fresh_install_that_never_swept_is_not_stale():
    all_beating()
    body = healthz().json()
    assert healthz().status_code == 200
    assert body["sweep"]["outcome"] == "never run" and body["sweep"]["ok"]


def test_a_sweep_older_than_26_hours_answers_503():
    all_beating()
    sweep_finished(hours_ago=27)
    response = healthz()
    assert response.status_code == 503
    assert "no alert sweep has finished for 26 hours" in response.json()["problems"][0]


def test_runs_that_never_finish_go_stale_from_the_first():
    all_beating()
    now = timezone.now()
    SweepRun.objects.create(day=now.date(), started_at=now - dt.timedelta(hours=30))
    SweepRun.objects.create(day=now.date(), started_at=now - dt.timedelta(minutes=10))
    response = healthz()
    assert response.status_code == 503
    assert response.json()["sweep"]["outcome"] == "running"
    SweepRun.objects.filter(started_at__gt=now - dt.timedelta(hours=1)).update(
        started_at=now - dt.timedelta(hours=2)
    )
    assert healthz().json()["sweep"]["outcome"] == "did not finish"


def test_reminders_waiting_and_failed_are_counted():
    all_beating()
    patient = PatientFactory()
    now = timezone.now()

    def notification(minutes_ago: int, status: str, kind: str) -> None:
        at = now - dt.timedelta(minutes=minutes_ago)
        Notification.objects.create(
            patient=patient, kind=kind, channel="email", due_at=at, send_after=at, status=status
        )

    notification(20, "scheduled", "dose")
    notification(-60, "scheduled", "injection_1d")  # not due yet
    notification(30, "failed", "injection_day")
    notification(25 * 60, "failed", "injection_7d")  # failed before the last 24 hours
    notification(40, "sent", "liver_tests")
    reminders = healthz().json()["reminders"]
    assert reminders["waiting"] == 1 and reminders["failed_last_24h"] == 1
    assert 20 * 60 <= reminders["oldest_waiting_seconds"] < 20 * 60 + 10


def test_it_names_no_patient_and_no_clinic():
    all_beating()
    clinic = ClinicFactory(name="Riverside Recovery")
    patient = PatientFactory(clinic=clinic, given_name="Margarethe", family_name="Quill")
    at = timezone.now()
    Notification.objects.create(
        patient=patient, kind="dose", channel="email", due_at=at, send_after=at, status="failed"
    )
    text = healthz().content.decode()
    for word in ("Riverside", clinic.slug, "Margarethe", "Quill"):
        assert word not in text


def test_it_answers_over_plain_http_and_without_a_sign_in(settings):
    settings.SECURE_SSL_REDIRECT = True
    all_beating()
    assert healthz().status_code == 200
    # Every other page still moves to HTTPS.
    assert Client().get("/accounts/login/").status_code == 301


def test_a_staff_member_part_way_through_two_step_sign_in_still_gets_it(settings, clinician):
    settings.NALTRACK_REQUIRE_2FA = True
    all_beating()
    client = Client()
    client.force_login(clinician)
    assert healthz(client).status_code == 200


def test_an_unreachable_database_answers_503(monkeypatch):
    def unreachable():
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(connection, "ensure_connection", unreachable)
    response = healthz()
    assert response.status_code == 503
    body = response.json()
    assert body["database"] == {"ok": False}
    assert body["problems"] == ["the database cannot be reached"]


def test_unapplied_migrations_answer_503(monkeypatch):
    all_beating()
    monkeypatch.setattr(health, "unapplied_migrations", lambda: 2)
    response = healthz()
    assert response.status_code == 503
    assert response.json()["migrations"] == {"ok": False, "unapplied": 2}


def test_the_migration_check_sees_the_real_database():
    assert health.unapplied_migrations() == 0


def test_only_get_and_head():
    assert Client().post("/healthz").status_code == 405


def test_a_handful_of_queries_whatever_the_install(django_assert_max_num_queries):
    all_beating()
    sweep_finished(hours_ago=2)
    health.unapplied_migrations()  # remembered once all are applied
    with django_assert_max_num_queries(5):
        healthz()
