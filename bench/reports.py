"""How long the program outcome report takes for a large clinic, and how many queries.

Builds a fresh database (a SQLite file in WAL mode, as in production; PostgreSQL with
--postgres URL) holding one clinic of --patients patients, each with one episode and --days days
of history (bench/population.py: daily tablets, monthly injections, tapers, stops), then times
with its query count: the nightly recount of every episode's figures (the full recomputation, as
the first report on an install without them pays it), the report as the page shows it, the
report compared by formulation, the two CSV files, and the report after a morning's check-ins
(one patient in a hundred, recorded through the service, so their figures are recounted).

    .venv/bin/python bench/reports.py [--patients 100000] [--days 30] [--postgres URL]

Results are recorded in docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

TODAY = dt.date(2026, 3, 10)
MORNING = "the bench's morning check-in"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=30, help="days of history per patient")
    parser.add_argument("--postgres", metavar="URL", help="run on this PostgreSQL server")
    parser.add_argument(
        "--keep",
        metavar="NAME",
        help="build the population into this database (SQLite file or PostgreSQL database name) "
        "once, and time the reports on it again on later runs",
    )
    args = parser.parse_args(argv)

    from bench.database import django_for, fresh_database

    django_for(args.postgres)
    from bench.population import build
    from bench.reminders import counted

    from naltrack.accounts.models import Clinic
    from naltrack.care.models import CheckIn, DoseEvent, Patient
    from naltrack.care.services import check_in_record
    from naltrack.reports.cohorts import Filters
    from naltrack.reports.figures import figures_refresh
    from naltrack.reports.files import episodes_csv, report_csv
    from naltrack.reports.models import StoredFigures
    from naltrack.reports.outcomes import outcome_report

    rows = []
    with fresh_database(keep=args.keep) as database:
        started = time.perf_counter()
        if not Clinic.objects.exists():
            build(patients=args.patients, days=args.days, today=TODAY, clinics=1)
        built = time.perf_counter() - started
        clinic = Clinic.objects.get()

        def report(split: str | None = None):  # type: ignore[no-untyped-def]
            return outcome_report(
                clinic=clinic, filters=Filters(), today=TODAY, by=None, form="bench", split=split
            )

        patients = Patient.objects.count()
        check_ins, doses = CheckIn.objects.count(), DoseEvent.objects.count()
        # A kept database recounts everything again, and its morning is checked in again.
        CheckIn.objects.filter(day=TODAY, note=MORNING).delete()
        StoredFigures.objects.all().delete()
        with counted() as figures:
            recounted = figures_refresh(clinic, today=TODAY)
        rows.append(("nightly recount of the figures", figures, f"{recounted} stored"))
        with counted() as figures:
            whole = report()
        rows.append(("the report (page)", figures, f"{whole.measures.episodes} episodes"))
        with counted() as figures:
            split = report("formulation")
        rows.append(("compared by formulation", figures, f"{len(split.groups)} groups"))
        with counted() as figures:
            table = report_csv(whole)
        rows.append(("table CSV (from the report)", figures, f"{len(table)} bytes"))
        with counted() as figures:
            episodes = episodes_csv(whole)
        rows.append(("episodes CSV (from the report)", figures, f"{len(episodes)} bytes"))
        morning = Patient.objects.order_by("pk")[:: max(1, args.patients // 100)]
        for patient in morning:
            check_in_record(
                patient=patient,
                day=TODAY,
                craving=2,
                drinks=0,
                opioid_use=False,
                side_effects=[],
                mood=None,
                note=MORNING,
                by=None,
            )
        with counted() as figures:
            after = report()
        rows.append(
            (f"the report after {len(morning)} check-ins", figures, f"{after.measures.episodes}")
        )

    print(f"Outcome report bench — {database}, Python {platform.python_version()}, ", end="")
    print(f"{os.cpu_count()} CPUs")
    print(
        f"population: {patients} patients, {check_ins} check-ins, {doses} dose events "
        f"({args.days} days), built in {built:.1f} s, load average {os.getloadavg()[0]:.1f}"
    )
    print(f"{'work':<32}{'seconds':>9}{'queries':>10}  result")
    for name, figures, result in rows:
        print(f"{name:<32}{figures['seconds']:>9.2f}{int(figures['queries']):>10}  {result}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
