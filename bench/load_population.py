"""The clinic network bench/load.py serves, built once and kept for every run after.

A network of --clinics clinics sharing --patients patients with --days days of history
(bench/population.py: a check-in every day, so 10,000 patients over 200 days are 2 million
check-ins), as the morning finds it: nobody has checked in today yet, the nightly alert sweep
has run, each patient has a sign-in, each clinic two clinicians. Built through the production
settings (``naltrack.config.settings``), every migration applied and the library loaded, into

- SQLite: ``<keep>/load_<clinics>c_<patients>p_<days>d.sqlite3`` (WAL mode, as served);
- PostgreSQL (``--postgres URL``): the database ``load_<clinics>c_<patients>p_<days>d`` on that
  server;

beside a JSON manifest (``<keep>/<that name>.sqlite.json`` or ``.pg.json``) naming who signs
in and what each clinician can open. A build is kept only once it has finished (it is written under a temporary name and
renamed), so an interrupted build is started again, never half reused. Each load run works on a
copy (bench/load.py), so the kept network stays as built.

Run by bench/load.py in a process of its own (the load driver's gevent must not patch the
database drivers this uses); ``python bench/load_population.py --help`` runs it alone.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

# Every bench sign-in has this password (a bench, not a secret); its hash is made once.
PASSWORD = "bench-load-password"  # noqa: S105
CLINICIANS_PER_CLINIC = 2


def network_name(*, clinics: int, patients: int, days: int) -> str:
    return f"load_{clinics}c_{patients}p_{days}d"


def served_environment(*, home: Path, sqlite: Path | None, postgres: str | None) -> dict[str, str]:
    """The environment ``naltrack serve`` and this builder run with: production settings, plain
    HTTP (NALTRACK_DEMO: no HTTPS redirect or secure-only cookies on 127.0.0.1, staff without a
    second factor), the database given."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "naltrack.config.settings",
        "SECRET_KEY": "bench-load-" + "k" * 50,
        "NALTRACK_DEMO": "1",
        "NALTRACK_HOME": str(home),
    }
    env.pop("NALTRACK_DEBUG", None)
    env.pop("DATABASE_URL", None)
    if postgres:
        env["DATABASE_URL"] = postgres
    elif sqlite is not None:
        env["NALTRACK_SQLITE_PATH"] = str(sqlite)
    return env


def postgres_url(server: str, database: str) -> str:
    """``server`` (postgres://user@host:port/anything) with its database replaced."""
    return server.rsplit("/", 1)[0] + "/" + database


def postgres_admin(server: str, *statements: str) -> None:
    """Run statements outside a transaction (CREATE/DROP DATABASE) on the server's own
    ``postgres`` database."""
    import psycopg

    with psycopg.connect(postgres_url(server, "postgres"), autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)


def manifest(*, today: dt.date) -> dict[str, Any]:
    """Who signs in, and what each clinic's clinicians have to open: the load driver reads it
    instead of discovering the network through the pages."""
    from naltrack.accounts.models import Clinic, Membership
    from naltrack.care.models import Alert, Episode, Patient, Regimen

    clinics: list[dict[str, Any]] = []
    for clinic in Clinic.objects.filter(slug__startswith="bench-").order_by("pk"):
        clinicians = list(
            Membership.objects.filter(clinic=clinic, role=Membership.Role.CLINICIAN)
            .exclude(user__email="bench-prescriber@example.org")
            .values_list("user__email", flat=True)
        )
        oral = list(
            Regimen.objects.filter(
                clinic=clinic,
                formulation="oral",
                end__isnull=True,
                episode__state=Episode.State.MAINTENANCE,
            ).values_list("patient_id", flat=True)
        )
        alerts = list(
            Alert.objects.filter(
                patient__clinic=clinic, resolved_at__isnull=True, acknowledged_at__isnull=True
            ).values_list("patient_id", "pk")
        )
        clinics.append(
            {
                "slug": clinic.slug,
                "clinicians": clinicians,
                "patients": list(
                    Patient.objects.filter(clinic=clinic).values_list("pk", flat=True)
                ),
                "oral": oral,
                "alerts": alerts,
            }
        )
    patients = list(
        Patient.objects.filter(user__isnull=False)
        .order_by("pk")
        .values_list("user__email", flat=True)
    )
    return {"built_on": today.isoformat(), "patients": patients, "clinics": clinics}


def sign_ins(*, clinics: list[Any]) -> None:
    """A sign-in for every patient and two clinicians a clinic, all with ``PASSWORD`` (one hash,
    made once: Argon2 for 10,000 users would take minutes)."""
    from django.contrib.auth.hashers import make_password

    from naltrack.accounts.models import Membership, User
    from naltrack.care.models import Patient

    encoded = make_password(PASSWORD)
    staff = [
        User(
            email=f"clinician{k}@{clinic.slug}.example",
            full_name=f"Clinician {k}",
            password=encoded,
        )
        for clinic in clinics
        for k in range(1, CLINICIANS_PER_CLINIC + 1)
    ]
    User.objects.bulk_create(staff, batch_size=2000)
    Membership.objects.bulk_create(
        Membership(user=user, clinic=clinics[n // CLINICIANS_PER_CLINIC], role="clinician")
        for n, user in enumerate(User.objects.filter(email__contains="@bench-").order_by("pk"))
    )
    patients = list(Patient.objects.order_by("pk").only("pk", "clinic_id", "given_name"))
    users = User.objects.bulk_create(
        (
            User(email=f"{p.given_name.lower()}@patients.example", password=encoded)
            for p in patients
        ),
        batch_size=2000,
    )
    Membership.objects.bulk_create(
        (
            Membership(user=user, clinic_id=p.clinic_id, role=Membership.Role.PATIENT)
            for p, user in zip(patients, users, strict=True)
        ),
        batch_size=2000,
    )
    for p, user in zip(patients, users, strict=True):
        p.user = user
    Patient.objects.bulk_update(patients, ["user"], batch_size=2000)


def build(args: argparse.Namespace) -> None:
    """Build the network into its temporary name (the environment names the database)."""
    import django

    django.setup()
    from bench.pages import as_in_use, busy_day
    from bench.population import build as populate
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from naltrack.accounts.models import Clinic
    from naltrack.care.models import CheckIn
    from naltrack.reminders import services

    steps: list[tuple[str, float]] = []

    def step(name: str, started: float) -> None:
        steps.append((name, time.perf_counter() - started))
        print(f"  {name}: {steps[-1][1]:.0f} s", flush=True)

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_articles", verbosity=0)
    step("migrated, library loaded", started)
    today = timezone.localdate()
    started = time.perf_counter()
    population = populate(
        patients=args.patients,
        days=args.days,
        today=today,
        check_in_share=1.0,
        clinics=args.clinics,
    )
    step(f"population ({population.check_ins:,} check-ins)", started)
    started = time.perf_counter()
    # The morning rush: nobody has checked in yet today.
    CheckIn.objects.filter(day=today).delete()
    as_in_use(today=today, days=args.days)
    busy_day(today=today)
    sign_ins(clinics=list(Clinic.objects.filter(slug__startswith="bench-").order_by("pk")))
    step("the morning, sign-ins", started)
    started = time.perf_counter()
    services.alerts_sweep(today=today)
    step("alert sweep", started)
    if connection.vendor == "postgresql":
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        step("vacuum analyze", started)
    Path(args.manifest).write_text(json.dumps(manifest(today=today)))


def kept(*, keep: Path, postgres: str | None, clinics: int, patients: int, days: int) -> Path:
    """The kept network's manifest, building the network first when it is not kept yet."""
    name = network_name(clinics=clinics, patients=patients, days=days)
    suffix = "pg" if postgres else "sqlite"
    manifest_path = keep / f"{name}.{suffix}.json"
    if manifest_path.exists():
        return manifest_path
    keep.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="naltrack-load-build-"))
    building = keep / f"{name}.building"
    try:
        if postgres:
            postgres_admin(
                postgres,
                f'DROP DATABASE IF EXISTS "{building.name}"',
                f'DROP DATABASE IF EXISTS "{name}"',
                f'CREATE DATABASE "{building.name}"',
            )
            env = served_environment(
                home=home, sqlite=None, postgres=postgres_url(postgres, building.name)
            )
        else:
            building.unlink(missing_ok=True)
            env = served_environment(home=home, sqlite=building, postgres=None)
        print(f"building {name} ({'PostgreSQL' if postgres else 'SQLite'}), once", flush=True)

        subprocess.run(
            [
                sys.executable,
                __file__,
                "--clinics",
                str(clinics),
                "--patients",
                str(patients),
                "--days",
                str(days),
                "--manifest",
                str(building.with_suffix(".json")),
            ],
            env=env,
            check=True,
        )
        if postgres:
            postgres_admin(postgres, f'ALTER DATABASE "{building.name}" RENAME TO "{name}"')
        else:
            # A checkpoint folds the WAL into the file, which is then copied alone.
            with contextlib.closing(sqlite3.connect(building)) as db:
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            building.rename(keep / f"{name}.sqlite3")
        building.with_suffix(".json").rename(manifest_path)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return manifest_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clinics", type=int, default=20)
    parser.add_argument("--patients", type=int, default=10_000)
    parser.add_argument("--days", type=int, default=200)
    parser.add_argument("--manifest", required=True, help="where to write the manifest")
    build(parser.parse_args(argv))
    return 0


if __name__ == "__main__":
    sys.exit(main())
