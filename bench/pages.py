"""How fast the clinician's dashboard and the patient's check-in are for a large clinic.

Builds a fresh database (a SQLite file in WAL mode, as in production; PostgreSQL with
--postgres URL) holding --patients patients with --days days of history (bench/population.py),
all moved into the clinician's clinic, with what the services would have stored beside them
(each patient's last contact, the alerts of the nightly sweep) and something in each of the
dashboard's lists (``busy_day``); on PostgreSQL the tables are
then vacuumed and analysed, as autovacuum does on a live server. Then, through Django's test
client in this process (the whole request: middleware, session, authentication, templates;
only CSRF is off, as in the test client):

- the clinician's dashboard (``clinician:home``), signed in as the clinic's clinician;
- the patient's check-in submit (``patient:check_in``, a valid form, POSTed), signed in
  as a patient of that clinic with the full history, against a bare view (bench/urls.py:
  "ok", no database, no template) POSTed the same body by the same client, the two
  interleaved so that whatever else the machine does weighs on both alike; and, to tell the
  cost of signing in from the page's own, a bare view that reads the signed-in user.

Each is warmed up, then requested --requests times: median, p95 (nearest rank), max, the
queries per request and the median time spent executing them (in the driver and the database,
not in the ORM building them; on SQLite up to the first row). --profile N runs N more of each
under cProfile and prints the top costs; --show-queries prints the SQL of one more request of
each.

    .venv/bin/python bench/pages.py [--patients 5000] [--days 400] [--check-in-share 1.0]
                                    [--requests 50] [--profile 10] [--show-queries]
                                    [--postgres URL] [--keep NAME]

Results are recorded in docs/performance.md.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import math
import os
import platform
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

DASHBOARD_BUDGET_P95 = 0.150  # docs/architecture.md, "Performance budgets"
SUBMIT_BUDGET_RATIO = 2.0  # docs/architecture.md: within 2x a bare Django view
WARM_UP = 5
DAY = dt.timedelta(days=1)


@dataclass
class Page:
    """One page as the bench requests it, and what each timed request took."""

    name: str
    send: Callable[[], Any]
    status: int
    seconds: list[float] = field(default_factory=list)
    queries: list[int] = field(default_factory=list)
    in_sql: list[float] = field(default_factory=list)

    def once(self, *, record: bool = True) -> None:
        from django.db import connection

        count, in_sql = 0, 0.0

        def counter(execute: Callable[..., Any], *args: Any) -> Any:
            nonlocal count, in_sql
            count += 1
            started = time.perf_counter()
            try:
                return execute(*args)
            finally:
                in_sql += time.perf_counter() - started

        with connection.execute_wrapper(counter):
            started = time.perf_counter()
            response = self.send()
            elapsed = time.perf_counter() - started
        if response.status_code != self.status:
            raise AssertionError(f"{self.name}: status {response.status_code}, not {self.status}")
        if record:
            self.seconds.append(elapsed)
            self.queries.append(count)
            self.in_sql.append(in_sql)

    def median(self) -> float:
        return statistics.median(self.seconds)

    def p95(self) -> float:
        ordered = sorted(self.seconds)
        return ordered[math.ceil(0.95 * len(ordered)) - 1]

    def row(self) -> str:
        low, high = min(self.queries), max(self.queries)
        queries = str(low) if low == high else f"{low}-{high}"
        return (
            f"{self.name:<30}{self.median() * 1000:>9.1f}{self.p95() * 1000:>9.1f}"
            f"{max(self.seconds) * 1000:>9.1f}{queries:>9}"
            f"{statistics.median(self.in_sql) * 1000:>9.1f}"
        )


def one_clinic(clinic: Any) -> None:
    """Every bench patient and their rows in ``clinic``: the budget speaks of one clinic."""
    from naltrack.care.models import (
        CheckIn,
        DoseEvent,
        Episode,
        FollowUp,
        Injection,
        LabResult,
        Patient,
        Regimen,
        TaperPlan,
        TherapySession,
    )

    for model in (
        Patient,
        Episode,
        Regimen,
        DoseEvent,
        CheckIn,
        Injection,
        LabResult,
        TherapySession,
        TaperPlan,
        FollowUp,
    ):
        model.objects.exclude(clinic=clinic).update(clinic=clinic)


def _numbered() -> dict[int, int]:
    """population.py's number of each patient (``Bench<n>``), by primary key."""
    from naltrack.care.models import Patient

    return {
        pk: int(name.removeprefix("Bench"))
        for pk, name in Patient.objects.values_list("pk", "given_name")
    }


def busy_day(*, today: dt.date) -> None:
    """Something for each of the dashboard's lists to show, as on a clinic's ordinary day.

    population.py's patients all check in every day, have their injections on one shared
    schedule (all due the same day) and make every follow-up call: the lists of the dashboard
    would be empty, and their rows never rendered. So:

    - every 50th patient has been out of touch for 8 to 30 days (their check-ins since removed);
    - every 40th patient, one on the injection, is due for it between four days ago and tomorrow;
    - one stopped patient in five missed their first follow-up call (due three days ago);
    - every 200th patient's text reminder yesterday failed (the number was refused).

    (Every 100th patient enrolled in the last fortnight: ``as_in_use``.)
    """
    from django.utils import timezone

    from naltrack.care.models import CheckIn, FollowUp, Injection, Patient
    from naltrack.reminders.models import Notification

    numbers = _numbered()
    for pk, n in numbers.items():
        if n % 50 == 1:
            CheckIn.objects.filter(patient_id=pk, day__gt=today - (8 + n % 23) * DAY).delete()
    due_on = {pk: today + DAY - (n // 40) % 6 * DAY for pk, n in numbers.items() if n % 40 == 12}
    injections = list(Injection.objects.filter(patient_id__in=due_on))
    latest: dict[int, dt.date] = {}
    for injection in injections:
        latest[injection.patient_id] = max(
            injection.next_due, latest.get(injection.patient_id, today)
        )
    for injection in injections:
        shift = latest[injection.patient_id] - due_on[injection.patient_id]
        injection.given_on -= shift
        injection.next_due -= shift
    Injection.objects.bulk_update(injections, ["given_on", "next_due"], batch_size=500)
    late = [pk for pk, n in numbers.items() if n % 100 == 19]
    FollowUp.objects.filter(patient_id__in=late, due_on__lt=today).update(done_on=None, method="")
    yesterday = timezone.make_aware(dt.datetime.combine(today - DAY, dt.time(9)))
    Notification.objects.bulk_create(
        Notification(
            patient_id=patient.pk,
            clinic_id=patient.clinic_id,
            kind=Notification.Kind.DOSE,
            channel=Notification.Channel.SMS,
            due_at=yesterday,
            send_after=yesterday,
            status=Notification.Status.FAILED,
            attempts=3,
            last_error="HTTPError: provider answered 400",
            body="Time for today's naltrexone.",
        )
        for patient in Patient.objects.filter(
            pk__in=[pk for pk, n in numbers.items() if n % 200 == 7]
        )
    )


def as_in_use(*, today: dt.date, days: int) -> None:
    """What the services store beside the rows population.py inserts: each patient's last
    contact (their last check-in, ``services._contacted``) and an enrolment date, in the past
    but for every 100th patient, enrolled in the last fortnight (by their ``created_at`` every
    patient would be new)."""
    from django.db.models import Max
    from django.utils import timezone

    from naltrack.care.models import CheckIn, Patient

    last = dict(
        CheckIn.objects.order_by()
        .values("patient")
        .annotate(last=Max("day"))
        .values_list("patient", "last")
    )
    numbers = _numbered()
    patients = list(Patient.objects.only("pk", "created_at", "last_contact_at"))
    for patient in patients:
        day = last.get(patient.pk)
        patient.last_contact_at = (
            timezone.make_aware(dt.datetime.combine(day, dt.time(12))) if day else None
        )
        n = numbers[patient.pk]
        ago = n % 14 if n % 100 == 3 else days + 7
        patient.created_at = timezone.make_aware(dt.datetime.combine(today - ago * DAY, dt.time(9)))
    Patient.objects.bulk_update(patients, ["last_contact_at", "created_at"], batch_size=500)


def shown_lists(*, clinician: Any) -> dict[str, int]:
    """How many rows each of the dashboard's lists shows (the page's own selector)."""
    from django.test import RequestFactory
    from django.utils import timezone

    from naltrack.accounts.access import current_clinic
    from naltrack.clinician.today import dashboard_for

    request = RequestFactory().get("/")
    request.user = clinician
    dashboard = dashboard_for(
        user=request.user, clinic=current_clinic(request), today=timezone.localdate()
    )
    return {
        "alerts": len(dashboard.alerts),
        "injections due": len(dashboard.injections_due),
        "follow-ups due": len(dashboard.follow_ups_due),
        "no contact": len(dashboard.no_contact),
        "new patients": len(dashboard.new_patients),
        "delivery problems": len(dashboard.delivery_problems.shown),
    }


def patient_login(*, clinic: Any) -> Any:
    """A sign-in for the clinic's first bench patient (daily tablets, the full history)."""
    from naltrack.accounts.models import Membership, User
    from naltrack.care.models import Patient

    patient = Patient.objects.filter(clinic=clinic, given_name="Bench0").get()
    user = User.objects.create_user(email="bench-patient@example.org", password=None)
    Membership.objects.create(user=user, clinic=clinic, role=Membership.Role.PATIENT)
    patient.user = user
    patient.save(update_fields=["user"])
    return patient


def profile(pages: list[Page], times: int) -> str:
    """``times`` more requests of each page under cProfile: the top costs, by own and by
    cumulative time."""
    out = io.StringIO()
    for page in pages:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(times):
            page.once(record=False)
        profiler.disable()
        out.write(f"\n=== profile: {page.name}, {times} requests ===\n")
        stats = pstats.Stats(profiler, stream=out).strip_dirs()
        stats.sort_stats("tottime").print_stats(15)
        stats.sort_stats("cumulative").print_stats(30)
    return out.getvalue()


def show_queries(pages: list[Page]) -> str:
    """The SQL of one more request of each page, one statement a line."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    out = io.StringIO()
    for page in pages:
        with CaptureQueriesContext(connection) as captured:
            page.once(record=False)
        out.write(f"\n=== queries: {page.name} ===\n")
        for n, query in enumerate(captured.captured_queries, start=1):
            out.write(f"{n:>3}. {query['time']:>6}s  {query['sql'][:160]}\n")
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=5_000)
    parser.add_argument("--days", type=int, default=400, help="days of history per patient")
    parser.add_argument(
        "--check-in-share", type=float, default=1.0, help="chance of a check-in on a day"
    )
    parser.add_argument("--requests", type=int, default=50, help="timed requests per page")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="profile N more")
    parser.add_argument("--show-queries", action="store_true", help="print one request's SQL")
    parser.add_argument("--postgres", metavar="URL", help="run on this PostgreSQL server")
    parser.add_argument(
        "--keep",
        metavar="NAME",
        help="build the population into this database (SQLite file or PostgreSQL database name) "
        "once, and time the pages on it again on later runs (after a change of code or indexes)",
    )
    args = parser.parse_args(argv)
    began = time.perf_counter()

    from bench.database import django_for, fresh_database

    django_for(args.postgres)
    from bench.population import Population, build
    from django import get_version
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings
    from django.urls import reverse
    from django.utils import timezone

    from naltrack.accounts.models import Clinic, User
    from naltrack.care.models import Alert, CheckIn, DoseEvent, Patient
    from naltrack.reminders import services

    steps: list[tuple[str, float]] = []
    report = ""
    with fresh_database(keep=args.keep) as database:
        today = timezone.localdate()
        clinic = Clinic.objects.filter(slug="bench-1").first()
        if clinic is None:
            started = time.perf_counter()
            population = build(
                patients=args.patients,
                days=args.days,
                today=today,
                check_in_share=args.check_in_share,
            )
            steps.append(("population built", time.perf_counter() - started))

            started = time.perf_counter()
            clinic = Clinic.objects.get(slug="bench-1")
            one_clinic(clinic)
            busy_day(today=today)
            as_in_use(today=today, days=args.days)
            steps.append(("one clinic, its day", time.perf_counter() - started))

            started = time.perf_counter()
            sweep = services.alerts_sweep(today=today).patients
            steps.append(("alert sweep", time.perf_counter() - started))
            patient = patient_login(clinic=clinic)
        else:
            # A kept database, built on an earlier run (the same day: the lists are relative
            # to it): time its pages again.
            population = Population(
                patients=Patient.objects.count(),
                check_ins=0,
                dose_events=DoseEvent.objects.count(),
            )
            sweep = 0
            patient = Patient.objects.get(user__email="bench-patient@example.org")
        open_alerts = Alert.objects.filter(resolved_at__isnull=True).count()
        history = CheckIn.objects.filter(patient=patient).count()
        check_ins = CheckIn.objects.count()
        if connection.vendor == "postgresql":
            # The move to one clinic rewrote every row: clear the dead ones and gather the
            # statistics, as autovacuum does on a live server, rather than time its work.
            started = time.perf_counter()
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
            steps.append(("vacuum analyze", time.perf_counter() - started))

        # The clients and the URLs are made inside the override: bench.urls is the URLconf.
        with override_settings(
            ROOT_URLCONF="bench.urls", ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"]
        ):
            clinician = Client()
            clinician.force_login(User.objects.get(email="bench-prescriber@example.org"))
            me = Client()
            me.force_login(patient.user)
            dashboard_url = reverse("clinician:home")
            check_in_url = reverse("patient:check_in")
            bare_url = reverse("bench_bare")
            bare_signed_in_url = reverse("bench_bare_signed_in")
            answers = {
                "craving": "2",
                "drinks": "0",
                "opioid_use": "no",
                "side_effects": ["none"],
                "mood": "4",
                "note": "",
            }
            submits = 0

            def submit() -> Any:
                # A different craving each time, so that every submit writes (the day's
                # check-in is updated and audited, as the service does for a second one).
                nonlocal submits
                submits += 1
                response = me.post(check_in_url, {**answers, "craving": str(submits % 5)})
                # The home page the browser goes to next reads the "saved" message; without it
                # the messages would pile up in the client's cookie.
                me.cookies.pop("messages", None)
                return response

            dashboard = Page("clinician dashboard (GET)", lambda: clinician.get(dashboard_url), 200)
            bare = Page("bare view (POST, same body)", lambda: me.post(bare_url, answers), 200)
            signed_in = Page(
                "bare view, reads request.user", lambda: me.post(bare_signed_in_url, answers), 200
            )
            check_in = Page("check-in submit (POST)", submit, 302)
            pages = [dashboard, bare, signed_in, check_in]

            for _ in range(WARM_UP):
                for page in pages:
                    page.once(record=False)
            started = time.perf_counter()
            for _ in range(args.requests):
                dashboard.once()
            for _ in range(args.requests):
                bare.once()
                signed_in.once()
                check_in.once()
            steps.append(("timed requests", time.perf_counter() - started))
            lists = shown_lists(clinician=User.objects.get(email="bench-prescriber@example.org"))
            saved = CheckIn.objects.filter(patient=patient, day=timezone.localdate())
            if saved.count() != 1 or saved.get().craving != submits % 5:
                raise AssertionError("the check-in submits were not saved")
            if args.profile:
                report = profile([dashboard, check_in, bare], args.profile)
            if args.show_queries:
                report += show_queries([dashboard, check_in])

    print(f"Pages bench — {database}, Python {platform.python_version()}, ", end="")
    print(f"Django {get_version()}, {os.cpu_count()} CPUs")
    print(
        f"population: {population.patients} patients in one clinic, {check_ins} "
        f"check-ins, {population.dose_events} dose events ({args.days} days); "
        f"sweep: {sweep} patients, {open_alerts} open alerts; "
        f"the patient signed in has {history} check-ins"
    )
    print("  ".join(f"{name} {seconds:.1f} s" for name, seconds in steps))
    print("dashboard rows: " + ", ".join(f"{name} {rows}" for name, rows in lists.items()))
    print(f"{args.requests} requests each after {WARM_UP} to warm up; times in ms")
    print(f"{'page':<30}{'median':>9}{'p95':>9}{'max':>9}{'queries':>9}{'in SQL':>9}")
    for page in pages:
        print(page.row())
    held = "holds" if dashboard.p95() < DASHBOARD_BUDGET_P95 else "DOES NOT HOLD"
    print(f"dashboard p95 {dashboard.p95() * 1000:.1f} ms, budget 150 ms: {held}")
    ratios = (check_in.median() / bare.median(), check_in.p95() / bare.p95())
    held = "holds" if max(ratios) <= SUBMIT_BUDGET_RATIO else "DOES NOT HOLD"
    print(f"submit / bare: median {ratios[0]:.2f}x, p95 {ratios[1]:.2f}x, budget 2x: {held}")
    print(
        f"submit / bare reading the user: median {check_in.median() / signed_in.median():.2f}x, "
        f"p95 {check_in.p95() / signed_in.p95():.2f}x"
    )
    print(f"whole run {time.perf_counter() - began:.0f} s")
    if report:
        print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
