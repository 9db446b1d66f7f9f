"""Real worker and scheduler processes on a database they share, for ``test_workers.py``.

pytest-django's own test database is in memory on SQLite, out of reach of other processes, so
these tests use their own: a migrated SQLite file, or a fresh database on the PostgreSQL server
of ``DATABASE_URL``. The test reads it through the plain driver (``sqlite3``, ``psycopg``).
Every process leads a process group of its own, and is killed with its group.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.parse
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SECRET_KEY = "worker-test-secret-" + "w" * 40
# How long one phase may take on a slow, busy machine; it normally takes a few seconds.
PHASE_SECONDS = 60.0


@dataclass
class Sink:
    """The file SMS backend's log: a line per message, and a line per key offered again."""

    path: Path

    def records(self) -> list[dict[str, str]]:
        if not self.path.exists():
            return []
        # The part after the last newline is a line still being written: read it next time.
        *lines, _ = self.path.read_text().split("\n")
        return [json.loads(line) for line in lines if line]

    def delivered(self) -> list[str]:
        return [record["key"] for record in self.records() if "key" in record]

    def reoffered(self) -> list[str]:
        return [record["duplicate_key"] for record in self.records() if "duplicate_key" in record]


LEASE_SECONDS = 2


def base_env(home: Path) -> dict[str, str]:
    """The product settings (no debug), with ``var/`` under ``home``."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("NALTRACK_", "DJANGO_")) and name != "DATABASE_URL"
    }
    env.update(
        SECRET_KEY=SECRET_KEY,
        DJANGO_SETTINGS_MODULE="naltrack.config.settings",
        NALTRACK_HOME=str(home),
        PYTHONUNBUFFERED="1",
        # A killed worker's reminder is offered again after this hold (300 s in production).
        NALTRACK_SEND_LEASE_SECONDS=str(LEASE_SECONDS),
    )
    return env


def naltrack(*args: str) -> list[str]:
    return [sys.executable, "-m", "naltrack.cli", *args]


def stop_group(process: subprocess.Popen[Any], sig: signal.Signals = signal.SIGKILL) -> None:
    """Signal the process's whole group (it leads one of its own), then reap it."""
    if process.returncode is not None:
        return  # reaped already: its group id may be another's by now
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, sig)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def run(args: list[str], env: dict[str, str], timeout: float = PHASE_SECONDS) -> str:
    """Run one command to its end in its own process group; its output, or the test fails."""
    process = subprocess.Popen(
        args,
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        output, _ = process.communicate(timeout=timeout)
    finally:
        stop_group(process)
    assert process.returncode == 0, f"{' '.join(args)} failed:\n{output}"
    return output


@dataclass
class Processes:
    """Long-running ``naltrack`` commands, each with its output in ``logs/<name>.log``."""

    env: dict[str, str]
    logs: Path
    running: dict[str, subprocess.Popen[Any]] = field(default_factory=dict)

    def start(self, name: str, *args: str) -> subprocess.Popen[Any]:
        assert name not in self.running
        with (self.logs / f"{name}.log").open("w") as log:
            self.running[name] = subprocess.Popen(
                naltrack(*args),
                env=self.env,
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        return self.running[name]

    def kill(self, name: str) -> None:
        stop_group(self.running[name], signal.SIGKILL)

    def check(self, *running: str, finishing: tuple[str, ...] = ()) -> None:
        """Fail at once, with its output, if one of ``running`` stopped or of ``finishing`` failed."""
        for name in running:
            if self.running[name].poll() is not None:
                raise AssertionError(f"{name} stopped:\n{self.log(name)}")
        for name in finishing:
            if self.running[name].poll() not in (None, 0):
                raise AssertionError(f"{name} failed:\n{self.log(name)}")

    def finished(self, *names: str) -> bool:
        return all(self.running[name].poll() == 0 for name in names)

    def log(self, name: str) -> str:
        return (self.logs / f"{name}.log").read_text()[-3000:]

    def stop_all(self) -> None:
        for process in self.running.values():
            stop_group(process)


def wait_until(
    condition: Callable[[], bool],
    what: str,
    *,
    check: Callable[[], None] = lambda: None,
    every: float = 0.2,
    seconds: float = PHASE_SECONDS,
) -> None:
    """Poll ``condition`` until it holds; ``check`` fails early if a process died."""
    deadline = time.monotonic() + seconds
    while not condition():
        check()
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up after {seconds:.0f} s waiting for {what}")
        time.sleep(every)


def kill_right_after_a_delivery(processes: Processes, name: str, sink: Sink, count: int) -> None:
    """SIGKILL worker ``name`` as soon as ``count`` messages are out.

    Watching the sink closely puts the kill just after the provider accepted a message, often
    before the worker committed the notification as sent: the window the key is there for.
    """
    deadline = time.monotonic() + PHASE_SECONDS
    seen = -1
    while True:
        size = sink.path.stat().st_size if sink.path.exists() else 0
        if size != seen:
            seen = size
            if len(sink.delivered()) >= count:
                break
        processes.check(name)
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {count} deliveries")
        time.sleep(0.001)
    processes.kill(name)


# --- the database ------------------------------------------------------------------------------


def postgres_url() -> str:
    return os.environ.get("DATABASE_URL", "")


def with_database(url: str, name: str) -> str:
    return urllib.parse.urlsplit(url)._replace(path=f"/{name}").geturl()


def pg_admin(sql: str) -> None:
    """Run ``sql`` (CREATE or DROP DATABASE) on the server's maintenance database."""
    import psycopg

    with psycopg.connect(with_database(postgres_url(), "postgres"), autocommit=True) as admin:
        admin.execute(sql)


def utc(value: str | dt.datetime) -> dt.datetime:
    """A timestamp as SQLite (naive UTC text) or psycopg (aware, in any zone) returns it."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


@dataclass
class SharedDatabase:
    """One test's database, the environment its processes run in, and a way to read it."""

    env: dict[str, str]
    sink: Sink
    sqlite_path: str = ""
    connection: Any = None

    @property
    def postgres(self) -> bool:
        return not self.sqlite_path

    def rows(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        if self.postgres:
            query = sql.replace("?", "%s") if params else sql
            return list(self.connection.execute(query, params or None).fetchall())
        with contextlib.closing(sqlite3.connect(self.sqlite_path, timeout=20)) as connection:
            return connection.execute(sql, params).fetchall()

    def from_json(self, value: Any) -> Any:
        """A JSON column's value: text from SQLite, already decoded by psycopg."""
        return value if self.postgres else json.loads(value)

    def count(self, sql: str, *params: Any) -> int:
        return int(self.rows(sql, *params)[0][0])

    @contextlib.contextmanager
    def holding(self, table: str) -> Iterator[None]:
        """Hold ``table`` (PostgreSQL) so that whoever reads or writes it waits until the end."""
        with self.connection.transaction():
            self.connection.execute(f'LOCK TABLE "{table}" IN ACCESS EXCLUSIVE MODE')
            yield

    def waiting_for(self, table: str) -> int:
        """How many sessions wait for a lock on ``table`` (PostgreSQL)."""
        return self.count(
            "SELECT count(*) FROM pg_locks WHERE relation = ?::regclass AND NOT granted", table
        )

    def tasks(self, status: str, task: str = "") -> int:
        """How many queued tasks (of ``task``, e.g. "send_notification") have this status."""
        return self.count(
            "SELECT count(*) FROM django_tasks_database_dbtaskresult "
            "WHERE status = ? AND task_path LIKE ?",
            status,
            f"%{task}",
        )

    def sent(self) -> int:
        return self.count("SELECT count(*) FROM reminders_notification WHERE status = 'sent'")

    def notifications(self) -> list[tuple[int, str, str, int]]:
        """(id, idempotency key, status, attempts) of every notification."""
        return [
            (id_, f"naltrack-{patient}-{kind}-{utc(due_at).isoformat()}", status, attempts)
            for id_, patient, kind, due_at, status, attempts in self.rows(
                "SELECT id, patient_id, kind, due_at, status, attempts FROM reminders_notification"
            )
        ]

    def sent_audits(self) -> Counter[int]:
        """How many 'sent' audit events each notification has."""
        rows = self.rows(
            "SELECT object_id, detail FROM audit_auditevent WHERE object_type = 'notification'"
        )
        return Counter(
            int(object_id)
            for object_id, detail in rows
            if self.from_json(detail).get("status") == "sent"
        )

    def task_results(self, task: str) -> list[tuple[Any, list[str], dt.datetime, dt.datetime]]:
        """(return value, worker ids, started, finished) of each run of ``task``."""
        return [
            (self.from_json(value), self.from_json(workers), utc(started), utc(finished))
            for value, workers, started, finished in self.rows(
                "SELECT return_value, worker_ids, started_at, finished_at "
                "FROM django_tasks_database_dbtaskresult "
                "WHERE status = 'SUCCESSFUL' AND task_path LIKE ?",
                f"%{task}",
            )
        ]
