"""Nothing lost when the web server dies: SIGKILL its workers, and the whole server, under load.

Patients on daily tablets, each signed in, each send their check-in of the day and tap "I took
my dose" through ``naltrack serve`` (the product's server and settings, on 127.0.0.1), from
several client threads at once. Every so many acknowledged writes one gunicorn worker is
SIGKILLed (the master starts another), and every third time the whole server, master and
workers (then it is started again). A write that got no answer (the connection reset or
refused, or a 5xx) is sent again, as a person taps again, until it is acknowledged: a 302, the
product's answer to a saved form. At the end the whole server is SIGKILLed once more, and the
database is read with the plain driver:

- every acknowledged check-in is in the database exactly once, with the answers sent, and with
  exactly one "created" audit event; the same for every acknowledged dose;
- no row is half written: no check-in or dose of today without its audit event, no audit event
  of one without its row, no check-in without the patient's last contact moved to today;
- on SQLite, ``PRAGMA integrity_check`` says ok after every SIGKILL of the whole server, and
  ``PRAGMA foreign_key_check`` finds nothing.

tests/processes/test_kill.py runs it short (well under a minute, in CI on SQLite and
PostgreSQL); the longer version:

    .venv/bin/python bench/kill.py [--patients 2000] [--threads 16] [--every 60]
                                   [--postgres postgres://postgres@127.0.0.1:54351/postgres]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import http.client
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

# The CSRF secret every client sends as its cookie and its form field (Django accepts the
# unmasked secret); made up for the run, like the sessions.
CSRF = "killtestcsrfsecret0123456789abcd"
# How long a server may take to answer after its start on a busy machine.
START_SECONDS = 60.0


@dataclass(frozen=True)
class Person:
    """A patient the clients write for: their row id, their session, what they answer."""

    patient_id: int
    session: str
    craving: int
    mood: int


def seed(count: int) -> list[Person]:
    """In this process (Django set up on the product settings): ``count`` patients on daily
    tablets (bench/population.py), each with a user and a session of their own."""
    import django

    django.setup()
    from bench.population import _kind, build
    from django.conf import settings
    from django.test import Client
    from django.utils import timezone

    from naltrack.accounts.models import Membership, User
    from naltrack.care.models import Patient

    today = timezone.localdate()
    # Of every 20 population patients 11 are on daily tablets (bench/population.py).
    total = count * 20 // 11 + 20
    build(patients=total, days=10, today=today, check_in_share=0.0, clinics=1)
    on_tablets = [f"Bench{n}" for n in range(total) if _kind(n) == "oral"][:count]
    people = []
    patients = Patient.objects.filter(given_name__in=on_tablets).order_by("pk")
    for n, patient in enumerate(patients):
        user = User(email=f"{patient.given_name.lower()}@kill.example")
        user.set_unusable_password()  # signed in directly below: no Argon2 hashing
        user.save()
        Membership.objects.create(user=user, clinic=patient.clinic, role=Membership.Role.PATIENT)
        patient.user = user
        patient.save(update_fields=["user"])
        client = Client()
        client.force_login(user)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        people.append(Person(patient.pk, session, craving=n % 5, mood=1 + n % 5))
    if len(people) < count:
        raise SystemExit(f"seeded {len(people)} patients on tablets, not {count}")
    return people


@dataclass
class Ledger:
    """What the clients sent and what the server acknowledged, shared by the client threads."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    acknowledged: dict[tuple[int, str], int] = field(default_factory=dict)
    unanswered: int = 0
    refused: int = 0

    def ack(self, key: tuple[int, str]) -> int:
        with self.lock:
            self.acknowledged[key] = self.acknowledged.get(key, 0) + 1
            return len(self.acknowledged)

    def failed(self, *, refused: bool) -> None:
        with self.lock:
            if refused:
                self.refused += 1
            else:
                self.unanswered += 1


def post(port: int, person: Person, path: str, form: dict[str, str]) -> int | str:
    """POST ``form`` as ``person``: the status, or why no answer came ("refused": no server
    listening; "cut off": the connection closed before the answer)."""
    body = urllib.parse.urlencode({**form, "csrfmiddlewaretoken": CSRF})
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(
            "POST",
            path,
            body=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"sessionid={person.session}; csrftoken={CSRF}",
            },
        )
        return connection.getresponse().status
    except ConnectionRefusedError:
        return "refused"
    except (OSError, http.client.HTTPException):
        return "cut off"
    finally:
        connection.close()


def check_in_form(person: Person) -> dict[str, str]:
    return {
        "craving": str(person.craving),
        "drinks": "0",
        "opioid_use": "no",
        "side_effects": "none",
        "mood": str(person.mood),
        "note": "",
    }


def play(port: int, people: list[Person], ledger: Ledger, stop: threading.Event) -> None:
    """One client thread: each of its people's check-in, then dose tap, each sent until
    acknowledged (a 302)."""
    for person in people:
        for kind, path, form in (
            ("check-in", "/me/check-in/", check_in_form(person)),
            ("dose", "/me/dose/", {}),
        ):
            while not stop.is_set():
                status = post(port, person, path, form)
                if status == 302:
                    ledger.ack((person.patient_id, kind))
                    break
                if isinstance(status, int) and status < 500:
                    raise AssertionError(f"{kind} for {person.patient_id}: answered {status}")
                ledger.failed(refused=status == "refused")
                time.sleep(0.05)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def workers_of(master: int) -> list[int]:
    """The gunicorn master's worker processes (Linux: /proc)."""
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    except OSError:
        return []
    return [int(pid) for pid in children]


@dataclass
class Server:
    """``naltrack serve`` in a process group of its own, killed with its group."""

    env: dict[str, str]
    port: int
    log: Path
    process: subprocess.Popen[Any] | None = None
    starts: int = 0

    def start(self) -> None:
        with self.log.open("a") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "naltrack.cli", "serve", "--bind", f"127.0.0.1:{self.port}"],
                env=self.env,
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.starts += 1
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                if len(workers_of(self.process.pid)) > 0:
                    return
            if self.process.poll() is not None:
                raise AssertionError(f"the server stopped:\n{self.log.read_text()[-3000:]}")
            time.sleep(0.1)
        raise AssertionError("the server did not start")

    def kill_worker(self, rng: random.Random) -> bool:
        assert self.process is not None
        workers = workers_of(self.process.pid)
        if not workers:
            return False
        with contextlib.suppress(ProcessLookupError):
            os.kill(rng.choice(workers), signal.SIGKILL)
        return True

    def kill_all(self) -> None:
        """SIGKILL the master and its workers at once (the group), and reap the master."""
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        self.process = None


@dataclass
class Database:
    """The run's database, read with the plain driver."""

    sqlite_path: Path | None
    url: str

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        """What ``sql`` returns; a statement that writes is committed."""
        if self.sqlite_path:
            with (
                contextlib.closing(sqlite3.connect(self.sqlite_path, timeout=20)) as connection,
                connection,  # commits
            ):
                cursor = connection.execute(sql)
                return cursor.fetchall()
        import psycopg

        with psycopg.connect(self.url) as connection:  # commits
            cursor = connection.execute(sql)
            return list(cursor.fetchall()) if cursor.description else []

    def integrity(self) -> list[str]:
        """What SQLite's own checks find wrong with the file (nothing: [])."""
        if not self.sqlite_path:
            return []
        found = [str(row[0]) for row in self.rows("PRAGMA integrity_check")]
        problems = [] if found == ["ok"] else [f"integrity_check: {found[:5]}"]
        return problems + [
            f"foreign_key_check: {row}" for row in self.rows("PRAGMA foreign_key_check")
        ]


def missing(db: Database, people: list[Person], ledger: Ledger, today: dt.date) -> list[str]:
    """Every acknowledged write present exactly once, and nothing half written."""
    problems: list[str] = []
    day = today.isoformat()
    check_ins: dict[int, list[tuple[int, int, int]]] = {}
    for row_id, patient_id, craving, mood in db.rows(
        f"SELECT id, patient_id, craving, mood FROM care_checkin WHERE day = '{day}'"  # noqa: S608 - a date we made
    ):
        check_ins.setdefault(int(patient_id), []).append((int(row_id), int(craving), int(mood)))
    doses: dict[int, list[tuple[int, str]]] = {}
    for row_id, patient_id, status in db.rows(
        f"SELECT id, patient_id, status FROM care_doseevent WHERE day = '{day}'"  # noqa: S608
    ):
        doses.setdefault(int(patient_id), []).append((int(row_id), str(status)))
    audits: dict[tuple[str, str], int] = {}
    for object_type, object_id in db.rows(
        "SELECT object_type, object_id FROM audit_auditevent WHERE action = 'create' "
        "AND object_type IN ('checkin', 'doseevent')"
    ):
        audits[(object_type, object_id)] = audits.get((object_type, object_id), 0) + 1
    # The seeded patients have no last contact: a check-in is their first.
    contacted = {
        int(pk)
        for (pk,) in db.rows("SELECT id FROM care_patient WHERE last_contact_at IS NOT NULL")
    }
    for person in people:
        pid = person.patient_id
        if (pid, "check-in") in ledger.acknowledged:
            rows = check_ins.get(pid, [])
            if [(craving, mood) for _, craving, mood in rows] != [(person.craving, person.mood)]:
                problems.append(f"patient {pid}: check-ins of today {rows}, sent one")
            if pid not in contacted:
                problems.append(f"patient {pid}: checked in, last contact not moved")
        if (pid, "dose") in ledger.acknowledged and [s for _, s in doses.get(pid, [])] != ["taken"]:
            problems.append(f"patient {pid}: doses of today {doses.get(pid)}, tapped one")
    rows_by_type = {
        "checkin": {str(r) for rows in check_ins.values() for r, _, _ in rows},
        "doseevent": {str(r) for rows in doses.values() for r, _ in rows},
    }
    for object_type, ids in rows_by_type.items():
        for row_id in ids:
            if audits.get((object_type, row_id), 0) != 1:
                problems.append(
                    f"{object_type} {row_id}: {audits.get((object_type, row_id), 0)} audits"
                )
    for (object_type, row_id), _ in audits.items():
        if row_id not in rows_by_type[object_type]:
            problems.append(f"{object_type} {row_id}: audited, not in the table")
    return problems


@dataclass
class Outcome:
    """What a run did, and what its database shows (``problems``: none when nothing was lost)."""

    database: Database
    people: list[Person]
    ledger: Ledger
    today: dt.date
    acknowledged: int
    expected: int
    worker_kills: int
    server_kills: int
    unanswered: int
    refused: int
    seconds: float
    problems: list[str]


def served(env: dict[str, str], sqlite_path: Path | None) -> dict[str, str]:
    """The product settings, plain HTTP on 127.0.0.1 (NALTRACK_DEMO), the run's database."""
    env = {k: v for k, v in env.items() if k != "NALTRACK_DEBUG"}
    env.update(NALTRACK_DEMO="1", DJANGO_SETTINGS_MODULE="naltrack.config.settings")
    env.setdefault("SECRET_KEY", "kill-test-" + "k" * 50)
    if sqlite_path:
        env["NALTRACK_SQLITE_PATH"] = str(sqlite_path)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "src")])
    return env


def kill_under_load(
    *,
    env: dict[str, str],
    workdir: Path,
    sqlite_path: Path | None,
    url: str,
    patients: int,
    threads: int,
    every: int,
    seconds: float = 45.0,
    seed_value: int = 7,
) -> Outcome:
    """Seed ``patients``, play them from ``threads`` clients and kill a worker every ``every``
    acknowledged writes (every third time the whole server), for at most ``seconds``; then kill
    it all and read the database. ``env`` runs the product (its database: ``sqlite_path`` or
    ``url``)."""
    began = time.monotonic()
    env = served(env, sqlite_path)
    seeded = subprocess.run(
        [sys.executable, __file__, "--seed", str(patients)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    if seeded.returncode != 0:
        raise AssertionError(f"seeding failed:\n{seeded.stdout}{seeded.stderr}")
    today = dt.date.fromisoformat(json.loads(seeded.stdout.splitlines()[-1])["today"])
    people = [Person(**p) for p in json.loads(seeded.stdout.splitlines()[-1])["people"]]
    database = Database(sqlite_path, url)
    server = Server(env=env, port=free_port(), log=workdir / "server.log")
    ledger = Ledger()
    stop = threading.Event()
    rng = random.Random(seed_value)  # noqa: S311 - which worker dies
    problems: list[str] = []
    worker_kills = server_kills = 0
    server.start()
    clients = [
        threading.Thread(target=play, args=(server.port, people[n::threads], ledger, stop))
        for n in range(threads)
    ]
    for client in clients:
        client.start()
    expected = 2 * len(people)
    try:
        kills = 0
        next_kill = every
        deadline = time.monotonic() + seconds
        while len(ledger.acknowledged) < expected and time.monotonic() < deadline:
            if len(ledger.acknowledged) >= next_kill:
                kills += 1
                next_kill += every
                if kills % 3 == 0:
                    server.kill_all()
                    server_kills += 1
                    problems += database.integrity()
                    server.start()
                elif server.kill_worker(rng):
                    worker_kills += 1
            if not any(client.is_alive() for client in clients):
                break
            time.sleep(0.005)
    finally:
        stop.set()
        for client in clients:
            client.join(timeout=40)
        server.kill_all()
    server_kills += 1
    problems += database.integrity()
    problems += missing(database, people, ledger, today)
    return Outcome(
        database=database,
        people=people,
        ledger=ledger,
        today=today,
        acknowledged=len(ledger.acknowledged),
        expected=expected,
        worker_kills=worker_kills,
        server_kills=server_kills,
        unanswered=ledger.unanswered,
        refused=ledger.refused,
        seconds=time.monotonic() - began,
        problems=problems,
    )


@contextlib.contextmanager
def database_copy(postgres: str | None) -> Iterator[tuple[dict[str, str], Path, Path | None, str]]:
    """A migrated database for the bench (a SQLite file, or a new PostgreSQL database)."""
    workdir = Path(tempfile.mkdtemp(prefix="naltrack-kill-"))
    env = {**os.environ, "NALTRACK_HOME": str(workdir)}
    env.pop("DATABASE_URL", None)
    sqlite_path = None if postgres else workdir / "kill.sqlite3"
    url = ""
    name = f"naltrack_kill_{os.getpid()}"
    if postgres:
        from bench.load_population import postgres_admin, postgres_url

        postgres_admin(postgres, f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"')
        url = env["DATABASE_URL"] = postgres_url(postgres, name)
    try:
        subprocess.run(
            [sys.executable, "-m", "naltrack.cli", "migrate", "--noinput", "-v0"],
            env=served(env, sqlite_path),
            cwd=ROOT,
            check=True,
        )
        yield env, workdir, sqlite_path, url
    finally:
        if postgres:
            postgres_admin(postgres, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        shutil.rmtree(workdir, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, metavar="N", help=argparse.SUPPRESS)
    parser.add_argument("--patients", type=int, default=2000)
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--every", type=int, default=60, help="acknowledged writes between kills")
    parser.add_argument("--seconds", type=float, default=600.0, help="at most, for the writes")
    parser.add_argument("--postgres", metavar="URL")
    args = parser.parse_args(argv)
    if args.seed:
        from django.utils import timezone

        people = seed(args.seed)
        print(
            json.dumps(
                {
                    "today": timezone.localdate().isoformat(),
                    "people": [person.__dict__ for person in people],
                }
            )
        )
        return 0
    with database_copy(args.postgres) as (env, workdir, sqlite_path, url):
        outcome = kill_under_load(
            env=env,
            workdir=workdir,
            sqlite_path=sqlite_path,
            url=url,
            patients=args.patients,
            threads=args.threads,
            every=args.every,
            seconds=args.seconds,
        )
    print(f"Kill bench — {'PostgreSQL' if args.postgres else 'SQLite (file, WAL)'}")
    print(
        f"{outcome.acknowledged} of {outcome.expected} writes acknowledged in "
        f"{outcome.seconds:.0f} s; {outcome.worker_kills} workers and {outcome.server_kills} "
        f"whole servers SIGKILLed; {outcome.unanswered} requests cut off, {outcome.refused} "
        f"refused while the server was down (all sent again)"
    )
    for problem in outcome.problems:
        print("PROBLEM", problem)
    print(
        "nothing lost"
        if not outcome.problems and outcome.acknowledged == outcome.expected
        else "LOST"
    )
    return 0 if not outcome.problems and outcome.acknowledged == outcome.expected else 1


if __name__ == "__main__":
    sys.exit(main())
