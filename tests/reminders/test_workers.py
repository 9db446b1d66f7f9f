"""Real workers: one killed mid-batch, or two schedulers and two workers at once; each sent once.

``naltrack worker`` and ``naltrack scheduler`` run as processes of their own on a database they
share (see ``workers.py``). Text messages go to the file backend, which, like a provider that
honours ``Idempotency-Key``, accepts each key once and notes every key offered again: its
messages are what the patients' phones would have received.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import sys
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from django.core import mail

from naltrack.care.models import Patient
from naltrack.reminders import delivery
from naltrack.reminders.models import Notification
from naltrack.reminders.sms import FileSmsBackend
from tests.reminders.workers import (
    LEASE_SECONDS,
    Processes,
    SharedDatabase,
    Sink,
    base_env,
    kill_right_after_a_delivery,
    naltrack,
    pg_admin,
    postgres_url,
    run,
    utc,
    wait_until,
    with_database,
)

# --- the building blocks -------------------------------------------------------------------------


def test_the_file_backend_accepts_each_idempotency_key_once(tmp_path):
    backend = FileSmsBackend(str(tmp_path / "sms.log"))
    first = backend.send(to="+15550001", body="one", idempotency_key="k1")
    again = backend.send(to="+15550001", body="one", idempotency_key="k1")
    backend.send(to="+15550002", body="two", idempotency_key="k2")
    assert first == again == "file:k1"
    sink = Sink(tmp_path / "sms.log")
    assert sink.delivered() == ["k1", "k2"]
    assert sink.reoffered() == ["k1"]


def test_an_email_sent_again_has_the_same_message_id(settings):
    settings.DEFAULT_FROM_EMAIL = "Riverside <reminders@riverside.example>"
    patient = Patient(pk=7, email="pat@example.org")
    due_at = dt.datetime(2026, 11, 3, 14, 0, tzinfo=dt.UTC)

    def notification(kind: str) -> Notification:
        return Notification(
            patient=patient, kind=kind, due_at=due_at, channel="email", essential=True, body="Hi"
        )

    delivery.deliver(notification("injection_overdue"))
    delivery.deliver(notification("injection_overdue"))
    delivery.deliver(notification("follow_up"))
    ids = [message.extra_headers["Message-ID"] for message in mail.outbox]
    assert ids[0] == ids[1] != ids[2]
    assert re.fullmatch(r"<[0-9a-f]{32}@riverside\.example>", ids[0])
    assert mail.outbox[0].message()["Message-ID"] == ids[0]  # not replaced by a random one


def test_the_message_id_tells_no_one_who_or_what_the_reminder_is_for(settings):
    """Every mail server on the way reads the Message-ID: unlike the idempotency key, it must not
    name the patient or the kind of reminder. It is keyed by the install's secret, so no one can
    confirm a guess at the key by hashing it."""
    key = "naltrack-7-injection_overdue-2026-11-03T14:00:00+00:00"
    first = delivery.message_id(key)
    local_part, _, domain = first.strip("<>").partition("@")
    assert re.fullmatch(r"[0-9a-f]{32}", local_part) and domain == "naltrack.local"
    settings.SECRET_KEY = "another-install-" + "s" * 50
    assert delivery.message_id(key) != first


# --- a database the processes share ------------------------------------------------------------


@pytest.fixture
def db(migrated_place: str, tmp_path: Path) -> Iterator[SharedDatabase]:
    env = base_env(tmp_path)
    sink = Sink(tmp_path / "sms.log")
    env.update(NALTRACK_SMS_BACKEND="file", NALTRACK_SMS_FILE_PATH=str(sink.path))
    if not postgres_url():
        path = str(tmp_path / "naltrack.sqlite3")
        with (
            closing(sqlite3.connect(migrated_place)) as source,
            closing(sqlite3.connect(path)) as copy,
        ):
            source.backup(copy)
        env["NALTRACK_SQLITE_PATH"] = path
        yield SharedDatabase(env=env, sink=sink, sqlite_path=path)
        return
    import psycopg

    name = f"{migrated_place}_{uuid.uuid4().hex[:6]}"
    pg_admin(f'CREATE DATABASE "{name}" TEMPLATE "{migrated_place}"')
    env["DATABASE_URL"] = with_database(postgres_url(), name)
    connection = psycopg.connect(env["DATABASE_URL"], autocommit=True)
    try:
        yield SharedDatabase(env=env, sink=sink, connection=connection)
    finally:
        connection.close()
        pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def processes(db: SharedDatabase, tmp_path: Path) -> Iterator[Processes]:
    started = Processes(env=db.env, logs=tmp_path)
    try:
        yield started
    finally:
        started.stop_all()


def seed(db: SharedDatabase, *args: str) -> Any:
    output = run([sys.executable, "-m", "tests.reminders.seed", *args], db.env)
    return json.loads(output.strip().splitlines()[-1])


# --- A: a worker killed mid-batch, twice ---------------------------------------------------------

NOTIFICATIONS = 240
# The worker is killed when this share of the batch has gone out, and a new one started.
KILL_AT = (0.25, 0.55)


def test_a_worker_killed_mid_batch_loses_nothing_and_sends_nothing_twice(db, processes):
    seed(db, "due", str(NOTIFICATIONS), "6")  # one send_notification task queued for each
    assert db.tasks("READY", "send_notification") == NOTIFICATIONS

    for number, share in enumerate(KILL_AT, start=1):
        processes.start(f"worker{number}", "worker")
        kill_right_after_a_delivery(
            processes, f"worker{number}", db.sink, count=int(NOTIFICATIONS * share)
        )
    # The task each worker was running when killed stays RUNNING: nothing runs it again.
    stuck = db.tasks("RUNNING")
    assert stuck <= len(KILL_AT)

    processes.start("worker", "worker")
    wait_until(
        lambda: db.tasks("READY") == 0 and db.tasks("RUNNING") == stuck,
        "the new worker to empty the queue",
        check=lambda: processes.check("worker"),
    )
    # Everything went out but (at most) the notifications of those stuck tasks.
    assert db.sent() >= NOTIFICATIONS - stuck

    # The scheduler's tick hands every notification still scheduled to the workers again, once
    # the dead worker's hold on it has ended.
    def ticked_until_all_sent() -> bool:
        run(naltrack("schedule_reminders"), db.env)
        return db.sent() == NOTIFICATIONS

    wait_until(
        ticked_until_all_sent,
        "every notification to be sent",
        check=lambda: processes.check("worker"),
        every=LEASE_SECONDS / 2,
    )
    wait_until(lambda: db.tasks("READY") == 0, "the queue to empty")
    processes.stop_all()

    notifications = db.notifications()
    keys = {key for _, key, _, _ in notifications}
    assert len(notifications) == len(keys) == NOTIFICATIONS
    assert {status for _, _, status, _ in notifications} == {"sent"}
    # A try cut short by a kill stays on record (the claim was committed before the send).
    tries = Counter(attempts for *_, attempts in notifications)
    assert set(tries) <= {1, 2} and tries[2] <= len(KILL_AT)
    # Exactly once at the patients' phones: every key delivered, none twice.
    assert Counter(db.sink.delivered()) == Counter(keys)
    # A key offered again is a send its killed worker did not commit: at most one per kill.
    reoffered = db.sink.reoffered()
    assert len(reoffered) <= len(KILL_AT)
    assert set(reoffered) <= keys
    assert db.sent_audits() == Counter({id_: 1 for id_, *_ in notifications})
    print(f"\n{len(KILL_AT)} kills, {stuck} tasks left running, keys offered again: {reoffered}")


# --- B: two schedulers and two workers at once ---------------------------------------------------

PATIENTS = 30
TICKS = 3  # per scheduler, half a second apart


@pytest.mark.skipif(
    not postgres_url(),
    reason="several workers at once is the PostgreSQL deployment (docs/architecture.md)",
)
def test_two_schedulers_and_two_workers_send_each_reminder_once(db, processes):
    # Daily-tablet patients whose dose reminder fell due minutes ago; nothing created yet.
    expected = Counter(
        (row["patient"], row["kind"], utc(row["due_at"]))
        for row in seed(db, "patients", str(PATIENTS))["expected"]
    )
    assert len(expected) == PATIENTS
    schedulers, workers = ("scheduler1", "scheduler2"), ("worker1", "worker2")
    # The notifications table is held until a tick waits for it in each worker, then let go:
    # the two ticks plan and insert the same reminders at the same moment.
    with db.holding("reminders_notification"):
        for name in schedulers:
            processes.start(name, "scheduler", "--interval", "0.5", "--ticks", str(TICKS))
        for name in workers:
            processes.start(name, "worker")
        wait_until(
            lambda: (
                db.tasks("RUNNING", "schedule_tick") == 2
                and db.waiting_for("reminders_notification") == 2
            ),
            "a tick in each worker",
            check=lambda: processes.check(*workers, finishing=schedulers),
        )

    wait_until(
        lambda: (
            processes.finished(*schedulers)
            and db.tasks("SUCCESSFUL", "schedule_tick") == len(schedulers) * TICKS
            and db.tasks("READY") == db.tasks("RUNNING") == 0
            and db.sent() == PATIENTS
        ),
        "every tick run and every reminder sent",
        check=lambda: processes.check(*workers, finishing=schedulers),
    )
    processes.stop_all()

    rows = db.rows("SELECT id, patient_id, kind, due_at FROM reminders_notification")
    assert Counter((patient, kind, utc(due_at)) for _, patient, kind, due_at in rows) == expected
    notifications = db.notifications()
    assert {status for _, _, status, _ in notifications} == {"sent"}
    assert Counter(db.sink.delivered()) == Counter(key for _, key, _, _ in notifications)
    assert db.sink.reoffered() == []  # nobody was killed: no send was tried twice
    assert db.sent_audits() == Counter({id_: 1 for id_, *_ in rows})
    assert db.tasks("FAILED") == 0
    ticks = db.task_results("schedule_tick")
    # Each reminder was created by a tick (one that lost the race may count its dropped insert).
    assert sum(created for created, *_ in ticks) >= PATIENTS
    sends = db.task_results("send_notification")
    assert len({worker for _, ids, *_ in sends for worker in ids}) == 2, "both workers sent"
    # The queue gave each task to one worker: none ran twice.
    assert all(len(ids) == 1 for _, ids, *_ in [*ticks, *sends])
    print(f"\ncreated by each tick: {[created for created, *_ in ticks]}, sends run: {len(sends)}")
