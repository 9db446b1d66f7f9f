"""``naltrack report outcomes --clinic SLUG [--from DATE] [--to DATE] --format json|csv``: the
program outcome report on standard output, the same figures as the Reports page."""

from __future__ import annotations

import csv
import datetime as dt
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from naltrack.accounts.models import Clinic
from naltrack.reports.cohorts import Filters
from naltrack.reports.outcomes import outcome_report, report_json, report_rows


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"{value!r} is not a date: write it as YYYY-MM-DD.") from error


class Command(BaseCommand):
    help = "Print a clinic's program outcome report (json or csv)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("report", choices=["outcomes"])
        parser.add_argument("--clinic", required=True, help="the clinic's slug")
        parser.add_argument("--from", dest="started_from", help="first day of the period")
        parser.add_argument("--to", dest="started_to", help="last day of the period")
        parser.add_argument("--indication", choices=["AUD", "OUD", "OUD_AUD"])
        parser.add_argument("--formulation", choices=["oral", "xr_injection"])
        parser.add_argument("--format", choices=["json", "csv"], default="json")

    def handle(self, *args: Any, **options: Any) -> None:
        clinic = Clinic.objects.filter(slug=options["clinic"]).first()
        if clinic is None:
            raise CommandError(f"No clinic is called {options['clinic']!r}.")
        try:
            filters = Filters(
                started_from=_date(options["started_from"]) if options["started_from"] else None,
                started_to=_date(options["started_to"]) if options["started_to"] else None,
                indication=options["indication"],
                formulation=options["formulation"],
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        report = outcome_report(
            clinic=clinic,
            filters=filters,
            today=timezone.localdate(),
            by=None,
            form=f"command {options['format']}",
        )
        if options["format"] == "json":
            self.stdout.write(json.dumps(report_json(report), indent=2))
            return
        writer = csv.writer(self.stdout)
        writer.writerow(["section", "measure", "n", "value", "lower_95", "upper_95", "unit"])
        for row in report_rows(report.measures):
            writer.writerow(
                [row.section, row.measure, row.n, row.value, row.lower, row.upper, row.unit]
            )
