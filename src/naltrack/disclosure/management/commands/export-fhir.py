"""``naltrack export-fhir --clinic SLUG --out DIR``: the clinic's own copy of every patient's
record as FHIR NDJSON files, the layout of a bulk export (docs/operations.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from naltrack.accounts.models import Clinic
from naltrack.care.errors import ClinicalRuleError
from naltrack.disclosure.exports import clinic_backup_write


class Command(BaseCommand):
    help = (
        "Write every patient's whole record of one clinic as FHIR R4 NDJSON files (one per "
        "resource type) into an empty folder: the clinic's own backup, not a disclosure."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--clinic", required=True, help="The clinic's slug.")
        parser.add_argument("--out", type=Path, required=True, help="The folder to write into.")

    def handle(self, *args: Any, **options: Any) -> None:
        clinic = Clinic.objects.filter(slug=options["clinic"]).first()
        if clinic is None:
            raise CommandError(f"No clinic has the slug {options['clinic']!r}.")
        try:
            files = clinic_backup_write(clinic=clinic, directory=Path(options["out"]))
        except ClinicalRuleError as error:
            raise CommandError(error.message) from error
        for entry in files:
            self.stdout.write(f"{entry['type']}.ndjson: {entry['count']} resource(s)")
        self.stdout.write(
            self.style.SUCCESS(f"Written to {options['out']}.")
            + " Every resource carries the 42 CFR Part 2 labels; keep these files as you keep "
            "the database backups: encrypted, and readable only by those who may restore."
        )
