from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from naltrack.demo_clinic.clinic import DEMO_LOGINS, DEMO_PASSWORD, demo_exists, demo_reset


class Command(BaseCommand):
    help = "Create (or reset) the demo clinic with its published logins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty", action="store_true", help="Only when the database has no clinic yet."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not (settings.DEBUG or settings.DEMO):
            raise CommandError(
                "The demo clinic has published passwords: set NALTRACK_DEMO=1 to create it."
            )
        if options["if_empty"] and demo_exists():
            self.stdout.write("The database already has a clinic; demo data left as it is.")
            return
        clinic = demo_reset()
        self.stdout.write(self.style.SUCCESS(f"Demo clinic ready: {clinic.name}"))
        for login in DEMO_LOGINS:
            self.stdout.write(f"  {login.role:<10} {login.email}  password: {DEMO_PASSWORD}")
