from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from naltrack.education.loader import ARTICLES_DIR, LibraryError, load_library


class Command(BaseCommand):
    help = "Load (or reload) the education library's Markdown articles into the database."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--directory", type=Path, default=ARTICLES_DIR, help="Folder of <slug>.md files."
        )
        parser.add_argument("--database", default="default")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = load_library(directory=options["directory"], using=options["database"])
        except LibraryError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Education library: {report}"))
        for label, slugs in (
            ("created", report.created),
            ("updated", report.updated),
            ("unpublished (file gone)", report.unpublished),
        ):
            if slugs:
                self.stdout.write(f"  {label}: {', '.join(slugs)}")
