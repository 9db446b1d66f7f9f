"""The morning rush: many people at once against ``naltrack serve``, on SQLite or PostgreSQL.

A synthetic clinic network (bench/load_population.py: by default 20 clinics, 10,000 patients,
2 million check-ins; built once and kept in --keep) is copied for the run and served by
``naltrack serve`` (gunicorn, production settings, plain HTTP on 127.0.0.1) with bench/urls.py's
trivial pages beside the product's. locust (its library, headless, in this process) then plays
--users people for --seconds seconds, each waiting 2 to 8 s between clicks (reading the page,
tapping), in three kinds:

- patients (7 in 10): a morning visit — sign in, home, the check-in form and its submit, the
  dose tap, the schedule, the trivial signed-in page — then sign out and come back as the next
  patient of the network (so each check-in is the patient's first of the day);
- clinicians (2 in 10), signed in once: Today, a patient's chart, then recording a dose or a
  lab result or acknowledging one of the clinic's open alerts;
- the public (1 in 10): the front page, the library and a search, the enrollment form and its
  submit (each from its own address, through the trusted proxy header, as behind a proxy), and
  the trivial page.

Every request is timed in the client (from sending to the last byte of the answer, redirects not
followed: a POST's time is the POST's own); an answer other than the one expected (a form shown
again, an error, a refused connection) is an error. The report gives, per kind of request, the
count, the median, p95 and p99 (nearest rank) and the errors; the throughput; each kind's p95
over the trivial signed-in page's p95 (the same server, the same moment); the CPU time of the
server and of this client; and the load average before and after, since the machine may be
shared.

    .venv/bin/python bench/load.py                       # 20 users, 30 s, a small network
    .venv/bin/python bench/load.py --rush                # 200 users, 5 minutes, the full network
    .venv/bin/python bench/load.py --rush --postgres postgres://postgres@127.0.0.1:54351/postgres
    options: --users N --seconds S --clinics C --patients P --days D --keep DIR
             --worker-class sync|gthread|uvicorn --workers N --threads N --profile DIR

Results are recorded in docs/performance.md ("The morning rush").
"""

from __future__ import annotations

# locust patches the standard library for gevent when imported: first, before anything else has
# taken a lock or a socket (so the imports are not sorted).
# ruff: noqa: I001
import locust  # noqa: F401

import argparse
import datetime as dt
import itertools
import json
import math
import os
import platform
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from bench.kill import free_port  # noqa: E402
from bench.load_population import (  # noqa: E402
    PASSWORD,
    kept,
    network_name,
    postgres_admin,
    postgres_url,
    served_environment,
)

THINK = (2.0, 8.0)  # seconds between one click and the next
TRIVIAL = "bare, signed in (GET)"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# docs/performance.md, "The morning rush": the targets at 200 users for 5 minutes.
TARGETS = {"check-in (POST)": 0.300, "Today (GET)": 0.500}


@dataclass
class Kind:
    """What one kind of request took over the run."""

    seconds: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def rank(self, share: float) -> float:
        ordered = sorted(self.seconds)
        return ordered[max(math.ceil(share * len(ordered)) - 1, 0)] if ordered else math.nan


def clinic_today() -> str:
    """Today where the server's default time zone is (a form refuses a later day)."""
    return dt.datetime.now(ZoneInfo("America/New_York")).date().isoformat()


@contextmanager
def run_copy(*, network: Path, postgres: str | None) -> Iterator[tuple[Path, str | None]]:
    """A copy of the kept network for one run (its home folder, its database), dropped after."""
    home = Path(tempfile.mkdtemp(prefix="naltrack-load-"))
    database = None
    try:
        if postgres:
            database = f"{network.stem.split('.')[0]}_run{os.getpid()}"
            template = network.stem.split(".")[0]
            postgres_admin(
                postgres,
                f'DROP DATABASE IF EXISTS "{database}"',
                f'CREATE DATABASE "{database}" TEMPLATE "{template}"',
            )
            yield home, postgres_url(postgres, database)
        else:
            shutil.copyfile(network.with_suffix("").with_suffix(".sqlite3"), home / "run.sqlite3")
            yield home, None
    finally:
        if database and postgres:
            postgres_admin(postgres, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        shutil.rmtree(home, ignore_errors=True)


def serve(args: argparse.Namespace, *, env: dict[str, str], port: int, log: Path) -> Any:
    """Start the web server the way production does (``naltrack serve``), or gunicorn's uvicorn
    workers on the ASGI handler for the comparison; return once it answers."""
    bind = f"127.0.0.1:{port}"
    if args.worker_class == "uvicorn":
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "bench.load_asgi:application",
            "--bind",
            bind,
            "--workers",
            str(args.workers),
            "--worker-class",
            "uvicorn_worker.UvicornWorker",
            "--no-control-socket",
        ]
    else:
        command = [sys.executable, "-m", "naltrack.cli", "serve", "--bind", bind]
        command += ["--workers", str(args.workers), "--worker-class", args.worker_class]
        command += ["--threads", str(args.threads)]
    server = subprocess.Popen(
        command, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True
    )
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://{bind}/accounts/login/", timeout=2)
            return server
        except OSError:
            if server.poll() is not None:
                raise SystemExit(f"the server did not start: see {log}") from None
            time.sleep(0.2)
    raise SystemExit("the server did not answer within a minute")


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of ``pid`` and all its children, living or reaped."""
    import psutil

    total = 0.0
    try:
        process = psutil.Process(pid)
        for one in [process, *process.children(recursive=True)]:
            times = one.cpu_times()
            total += times.user + times.system + times.children_user + times.children_system
    except psutil.NoSuchProcess:
        pass
    return total


def static_headers(base: str) -> dict[str, str]:
    """How the stylesheet is served (whitenoise): caching and compression."""
    with urllib.request.urlopen(base + "/accounts/login/", timeout=10) as page:  # noqa: S310
        html = page.read().decode()
    path = re.search(r'href="(/static/[^"]+\.css)"', html)
    if path is None:
        return {}
    request = urllib.request.Request(base + path.group(1), headers={"Accept-Encoding": "br, gzip"})  # noqa: S310
    with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310
        return {
            "path": path.group(1),
            "Cache-Control": answer.headers.get("Cache-Control", ""),
            "Content-Encoding": answer.headers.get("Content-Encoding", ""),
        }


def drive(
    *, base: str, manifest: dict[str, Any], users: int, seconds: float, spawn_rate: float
) -> tuple[dict[str, Kind], float]:
    """Play the people against ``base`` for ``seconds``; what each kind of request took, and
    the seconds measured."""
    from locust import FastHttpUser, between, events, task
    from locust.env import Environment

    kinds: dict[str, Kind] = defaultdict(Kind)
    patients = itertools.cycle(manifest["patients"])
    clinics = itertools.cycle(
        [(clinic, email) for clinic in manifest["clinics"] for email in clinic["clinicians"]]
    )
    addresses = (f"127.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}" for n in itertools.count(1))
    enrolments = itertools.count(1)
    rng = random.Random(7)  # noqa: S311 - synthetic traffic

    @events.request.add_listener
    def timed(name: str, response_time: float, exception: Any, **_: Any) -> None:
        kind = kinds[name]
        kind.seconds.append(response_time / 1000)
        if exception is not None:
            kind.errors[type(exception).__name__ + ": " + str(exception)[:80]] += 1

    class Person(FastHttpUser):
        abstract = True
        host = base
        wait_time = between(*THINK)
        # A connection a request, as behind the HTTPS proxy (nginx speaks HTTP/1.0 to the
        # upstream by default, docs/deploy/nginx.conf): no keep-alive race with the server.
        default_headers = {"Connection": "close"}
        token = ""

        def call(
            self,
            method: str,
            path: str,
            name: str,
            expect: tuple[int, ...],
            data: dict[str, Any] | None = None,
            headers: dict[str, str] | None = None,
        ) -> str:
            body = None
            if data is not None:
                body = {**data, "csrfmiddlewaretoken": self.token}
            with self.client.request(
                method,
                path,
                name=name,
                data=body,
                headers=headers,
                allow_redirects=False,
                catch_response=True,
            ) as answer:
                if answer.status_code not in expect:
                    why = f": {answer.error!r}"[:100] if answer.error else ""
                    answer.failure(f"status {answer.status_code}, expected {expect}{why}")
                    return ""
                text = answer.text or ""
                found = TOKEN.search(text)
                if found:
                    self.token = found.group(1)
                return text

        def sign_in(self, email: str) -> None:
            self.call("GET", "/accounts/login/", "sign-in form (GET)", (200,))
            self.wait()
            form = {"username": email, "password": PASSWORD}
            self.call("POST", "/accounts/login/", "sign in (POST)", (302,), form)

    class Patient(Person):
        weight = 7

        @task
        def morning(self) -> None:
            self.client.cookiejar.clear()
            self.sign_in(next(patients))
            self.call("GET", "/me/", "home (GET)", (200,))
            self.wait()
            self.call("GET", "/me/check-in/", "check-in form (GET)", (200,))
            self.wait()
            answers = {
                "craving": str(rng.choice((0, 1, 2, 2, 3, 4))),
                "drinks": str(rng.choice((0, 0, 0, 1, 2))),
                "opioid_use": "no",
                "side_effects": "none",
                "mood": str(rng.choice((2, 3, 4, 5))),
                "note": "",
            }
            self.call("POST", "/me/check-in/", "check-in (POST)", (302,), answers)
            self.call("GET", "/me/", "home (GET)", (200,))
            self.wait()
            self.call("POST", "/me/dose/", "dose tap (POST)", (302,), {})
            self.call("GET", "/me/", "home (GET)", (200,))
            self.wait()
            self.call("GET", "/me/schedule/", "schedule (GET)", (200,))
            self.call("GET", "/bench/bare-signed-in/", TRIVIAL, (200,))
            self.wait()
            self.call("POST", "/accounts/logout/", "sign out (POST)", (302,), {})

    class Clinician(Person):
        weight = 2

        def on_start(self) -> None:
            self.clinic, email = next(clinics)
            self.sign_in(email)

        @task
        def round(self) -> None:
            clinic = self.clinic
            self.call("GET", "/clinic/", "Today (GET)", (200,))
            self.wait()
            alerts = clinic["alerts"]
            choice = rng.random()
            if choice < 0.4 and alerts:
                patient_id, alert_id = alerts.pop(rng.randrange(len(alerts)))
            elif choice < 0.7:
                patient_id = rng.choice(clinic["oral"] or clinic["patients"])
            else:
                patient_id = rng.choice(clinic["patients"])
            chart = f"/clinic/patients/{patient_id}/"
            self.call("GET", chart, "chart (GET)", (200,))
            self.wait()
            if choice < 0.4 and alerts:
                self.call(
                    "POST",
                    f"{chart}record/alert/{alert_id}/acknowledge/",
                    "acknowledge alert (POST)",
                    (302,),
                    {"note": "Called; spoke with the patient."},
                )
            elif choice < 0.7:
                self.call(
                    "POST",
                    f"{chart}record/dose/",
                    "record dose (POST)",
                    (302,),
                    {"day": clinic_today(), "status": "taken", "observed": "on"},
                )
            else:
                self.call(
                    "POST",
                    f"{chart}record/lab/",
                    "record lab (POST)",
                    (302,),
                    {
                        "test": "ALT",
                        "value": str(rng.choice((18, 25, 32, 41))),
                        "unit": "",
                        "upper_limit_normal": "40",
                        "collected_on": clinic_today(),
                    },
                )
            self.call("GET", chart, "chart (GET)", (200,))

    class Public(Person):
        weight = 1

        @task
        def visit(self) -> None:
            self.client.cookiejar.clear()
            self.call("GET", "/", "front page (GET)", (200,))
            self.call("GET", "/bench/bare/", "bare (GET)", (200,))
            self.wait()
            self.call("GET", "/library/", "library (GET)", (200,))
            self.wait()
            word = rng.choice(("liver", "injection", "alcohol", "opioids", "stopping"))
            self.call("GET", f"/library/search/?q={word}", "library search (GET)", (200,))
            self.wait()
            slug = rng.choice(manifest["clinics"])["slug"]
            self.call("GET", f"/enroll/{slug}/", "enrollment form (GET)", (200,))
            self.wait()
            n = next(enrolments)
            form = {
                "given_name": f"Load{n}",
                "family_name": "Visitor",
                "date_of_birth": "1984-03-0" + str(1 + n % 9),
                "preferred_contact": "email",
                "email": f"visitor{n}@enrol.example",
                "preferred_time": "morning",
                "wants_help_with": "alcohol",
                "recent_opioid_use": "no",
                "consent_contact": "on",
                "consent_privacy": "on",
            }
            self.call(
                "POST",
                f"/enroll/{slug}/",
                "enrollment (POST)",
                (302,),
                form,
                headers={"X-Forwarded-For": next(addresses)},
            )

    environment = Environment(user_classes=[Patient, Clinician, Public], events=events)
    runner = environment.create_local_runner()
    import gevent

    started = time.monotonic()
    runner.start(users, spawn_rate=spawn_rate)
    gevent.spawn_later(seconds, runner.quit)
    runner.greenlet.join()
    return kinds, time.monotonic() - started


def report(
    args: argparse.Namespace,
    *,
    kinds: dict[str, Kind],
    measured: float,
    database: str,
    facts: dict[str, Any],
) -> bool:
    """Print the figures; whether the run had no error (and, at the rush, met the targets)."""
    total = sum(len(kind.seconds) for kind in kinds.values())
    errors = sum(sum(kind.errors.values()) for kind in kinds.values())
    trivial = kinds[TRIVIAL].rank(0.95) if TRIVIAL in kinds else math.nan
    print(
        f"Load bench — {database}, Python {platform.python_version()}, {os.cpu_count()} CPUs; "
        f"server: {facts['server']}"
    )
    print(
        f"network: {facts['network']}; {args.users} users for {args.seconds} s "
        f"(think time {THINK[0]:.0f}-{THINK[1]:.0f} s, spawn {facts['spawn_rate']:.0f}/s)"
    )
    print(f"load average before {facts['load_before']}, after {facts['load_after']}")
    if args.argon2:
        print(f"experiment: passwords hashed with Argon2id t,m,p = {args.argon2}")
    print(
        f"CPU seconds: server {facts['server_cpu']:.0f}, this client {facts['client_cpu']:.0f} "
        f"(of {measured * (os.cpu_count() or 1):.0f} available)"
    )
    print(f"static: {facts['static']}")
    print(f"requests {total:,}, throughput {total / measured:.1f}/s, errors {errors}; times in ms")
    print(
        f"{'request':<28}{'count':>7}{'p50':>8}{'p95':>8}{'p99':>8}{'max':>8}{'err':>5}{'p95/trivial':>13}"
    )
    for name in sorted(kinds, key=lambda n: (n != TRIVIAL, n)):
        kind = kinds[name]
        p95 = kind.rank(0.95)
        print(
            f"{name:<28}{len(kind.seconds):>7}{kind.rank(0.5) * 1000:>8.1f}{p95 * 1000:>8.1f}"
            f"{kind.rank(0.99) * 1000:>8.1f}{max(kind.seconds) * 1000:>8.1f}"
            f"{sum(kind.errors.values()):>5}"
            + (f"{p95 / trivial:>12.1f}x" if trivial > 0 else f"{'-':>13}")
        )
    for name, kind in kinds.items():
        for error, count in kind.errors.items():
            print(f"  error {name}: {count} × {error}")
    held = errors == 0
    for name, limit in TARGETS.items():
        p95 = kinds[name].rank(0.95) if name in kinds else math.nan
        ok = p95 < limit
        held = held and ok
        print(
            f"target {name} p95 < {limit * 1000:.0f} ms: {p95 * 1000:.1f} ms, {'held' if ok else 'NOT HELD'}"
        )
    check_in = kinds["check-in (POST)"].rank(0.95) if "check-in (POST)" in kinds else math.nan
    print(f"check-in p95 / trivial signed-in p95: {check_in / trivial:.1f}x (target 5x)")
    return held


def rehash(env: dict[str, str], *, sqlite: Path | None, url: str | None) -> None:
    """Every user's password hashed again by the server's own hasher (as ``env`` configures
    it: ``NALTRACK_ARGON2``), in the run's copy."""
    encoded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django, sys; django.setup(); "
            "from django.contrib.auth.hashers import make_password; "
            "print(make_password(sys.argv[1]))",
            PASSWORD,
        ],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    if url:
        import psycopg

        with psycopg.connect(url) as connection:
            connection.execute("UPDATE accounts_user SET password = %s", (encoded,))
        return
    import sqlite3

    with sqlite3.connect(str(sqlite)) as connection:
        connection.execute("UPDATE accounts_user SET password = ?", (encoded,))


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=None, help="default 20, 200 with --rush")
    parser.add_argument("--seconds", type=float, default=None, help="default 30, 300 with --rush")
    parser.add_argument("--rush", action="store_true", help="200 users for 5 minutes, full size")
    parser.add_argument("--clinics", type=int, default=None, help="default 4, 20 with --rush")
    parser.add_argument(
        "--patients", type=int, default=None, help="default 400, 10,000 with --rush"
    )
    parser.add_argument("--days", type=int, default=None, help="default 30, 200 with --rush")
    parser.add_argument("--keep", type=Path, default=ROOT / "var" / "bench-load")
    parser.add_argument("--postgres", metavar="URL", help="a PostgreSQL server to build and run on")
    parser.add_argument("--worker-class", choices=("sync", "gthread", "uvicorn"), default=None)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--spawn-rate", type=float, default=10.0, help="people started a second")
    parser.add_argument(
        "--argon2",
        metavar="T,M,P",
        help="experiment: passwords hashed with Argon2id time cost T, memory M KiB, lanes P "
        "(NALTRACK_ARGON2) instead of the product's",
    )
    args = parser.parse_args(argv)
    full = args.rush
    args.users = args.users or (200 if full else 20)
    args.seconds = args.seconds or (300 if full else 30)
    args.clinics = args.clinics or (20 if full else 4)
    args.patients = args.patients or (10_000 if full else 400)
    args.days = args.days or (200 if full else 30)

    manifest_path = kept(
        keep=args.keep,
        postgres=args.postgres,
        clinics=args.clinics,
        patients=args.patients,
        days=args.days,
    )
    manifest = json.loads(manifest_path.read_text())
    network = network_name(clinics=args.clinics, patients=args.patients, days=args.days)
    with run_copy(network=manifest_path, postgres=args.postgres) as (home, database_url):
        env = served_environment(
            home=home, sqlite=None if database_url else home / "run.sqlite3", postgres=database_url
        )
        env["DJANGO_SETTINGS_MODULE"] = "bench.load_settings"
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "src")])
        # The enrollment submits come through a proxy that names each visitor's address.
        env["NALTRACK_TRUSTED_PROXIES"] = "127.0.0.1"
        for name, value in (
            ("NALTRACK_WORKER_CLASS", args.worker_class),
            ("WEB_CONCURRENCY", args.workers),
            ("NALTRACK_THREADS", args.threads),
        ):
            if value is not None:
                env[name] = str(value)
        from naltrack.processes.management.commands.serve import serving_defaults

        chosen = serving_defaults(env)
        args.worker_class = args.worker_class or chosen["worker_class"]
        args.workers = args.workers or chosen["workers"]
        args.threads = args.threads or chosen["threads"]
        # A network kept from before a change of the schema (a new index) gets it first.
        subprocess.run(
            [sys.executable, "-m", "naltrack.cli", "migrate", "--noinput", "-v0"],
            env=env,
            check=True,
        )
        if args.argon2:
            env["NALTRACK_ARGON2"] = args.argon2
        # Every password stored as the server will check it (a network kept from before a
        # change of parameters would otherwise pay the old cost and a re-hash at each sign-in).
        rehash(env, sqlite=None if database_url else home / "run.sqlite3", url=database_url)
        # Collected (and compressed: half a minute of CPU) once, kept beside the network.
        static_home = args.keep / "static-home"
        subprocess.run(
            [sys.executable, "-m", "naltrack.cli", "collectstatic", "--noinput", "-v0"],
            env={**env, "NALTRACK_HOME": str(static_home)},
            check=True,
        )
        (home / "staticfiles").symlink_to(static_home / "staticfiles")
        port = free_port()
        log = args.keep / f"{network}.{'pg' if args.postgres else 'sqlite'}.server.log"
        server = serve(args, env=env, port=port, log=log)
        base = f"http://127.0.0.1:{port}"
        try:
            static = static_headers(base)
            load_before = load_average()
            client_before = time.process_time()
            server_before = cpu_seconds(server.pid)
            kinds, measured = drive(
                base=base,
                manifest=manifest,
                users=args.users,
                seconds=args.seconds,
                spawn_rate=args.spawn_rate,
            )
            server_cpu = cpu_seconds(server.pid) - server_before
            client_cpu = time.process_time() - client_before
            load_after = load_average()
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        database = "PostgreSQL" if args.postgres else "SQLite (file, WAL)"
        server_name = f"{args.worker_class}, {args.workers} workers" + (
            f" × {args.threads} threads" if args.worker_class == "gthread" else ""
        )
        held = report(
            args,
            kinds=kinds,
            measured=measured,
            database=database,
            facts={
                "server": server_name,
                "network": f"{network} ({len(manifest['patients']):,} patients)",
                "spawn_rate": args.spawn_rate,
                "load_before": load_before,
                "load_after": load_after,
                "server_cpu": server_cpu,
                "client_cpu": client_cpu,
                "static": static,
            },
        )
    return 0 if held or not args.rush else 1


if __name__ == "__main__":
    sys.exit(main())
