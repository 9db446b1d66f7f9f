from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from naltrack.operations.backups import backup_take
from naltrack.operations.databases import OperationError, counts_lines


class Command(BaseCommand):
    help = (
        "Write a consistent backup of the whole database to a file, while Naltrack runs "
        "(docs/operations.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output", "-o", type=Path, required=True, help="The backup file to write."
        )
        parser.add_argument(
            "--force", action="store_true", help="Replace the file if it exists already."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            backup = backup_take(
                output=options["output"], force=options["force"], progress=self.stderr.write
            )
        except OperationError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written: {backup.path} ({backup.size / 1e6:.1f} MB, {backup.engine})"
            )
        )
        self.stdout.write(f"Checked: {backup.verified}. It holds:")
        self.stdout.write("\n".join(counts_lines(backup.counts)))
        self.stdout.write(
            "It is a copy of every patient's record: encrypt it, keep it on another machine, "
            "and test a restore now and then (docs/operations.md)."
        )
