from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from naltrack.operations.databases import OperationError, counts_lines
from naltrack.operations.restores import restore_from


class Command(BaseCommand):
    help = "Restore a backup made by `naltrack backup` into an empty database (docs/operations.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="The backup file.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Overwrite a database that already holds records (everything in it is replaced).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if connection.vendor == "sqlite" or options["force"]:
            self.stderr.write(
                "The web server, workers and scheduler must be stopped during a restore: they "
                "would keep writing to the database being replaced."
            )
        try:
            restored = restore_from(
                source=options["file"], force=options["force"], progress=self.stderr.write
            )
        except OperationError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Restored {options['file']} into {restored.target}."))
        self.stdout.write("It holds:")
        self.stdout.write("\n".join(counts_lines(restored.counts)))
        if restored.unknown:
            self.stdout.write(
                self.style.WARNING(
                    "This backup was made by a newer Naltrack: the database has migrations this "
                    f"version does not know ({', '.join(restored.unknown)}). Install that version "
                    "or a later one before starting Naltrack."
                )
            )
        steps = []
        if restored.pending:
            steps.append(
                f"naltrack migrate: the backup is from an older version, "
                f"{len(restored.pending)} migrations to apply"
            )
        else:
            steps.append("naltrack migrate --check: nothing to apply (exit code 0)")
        steps += [
            "naltrack check --deploy",
            "start the web server, workers and scheduler again (naltrack serve, worker, scheduler)",
            "sign in, open a patient you know, and compare the counts above with the backup's",
        ]
        self.stdout.write("Next steps:")
        self.stdout.write("\n".join(f"  {n}. {step}" for n, step in enumerate(steps, start=1)))
        self.stdout.write(
            "Sign-ins and emailed links keep working only if SECRET_KEY is the one the backed-up "
            "install used."
        )
