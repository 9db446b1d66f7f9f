"""``naltrack createclinic``: a clinic and its first admin, who is sent an invitation."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from naltrack.accounts.clinics import ClinicError, clinic_create
from naltrack.reminders.delivery import absolute
from naltrack.web.checks import email_is_sent


class Command(BaseCommand):
    help = "Create a clinic and invite its first admin by email."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--name", required=True, help="The clinic's name, as patients see it")
        parser.add_argument("--slug", required=True, help="A short name for addresses: riverside")
        parser.add_argument(
            "--time-zone", required=True, help="The clinic's time zone, e.g. America/Chicago"
        )
        parser.add_argument("--admin-email", required=True, help="The first clinic admin's email")
        parser.add_argument("--admin-name", default="", help="The first clinic admin's name")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            clinic, url = clinic_create(
                name=options["name"],
                slug=options["slug"],
                time_zone=options["time_zone"],
                admin_email=options["admin_email"],
                admin_name=options["admin_name"],
                by=None,
                base_url=absolute("/"),
            )
        except ClinicError as error:
            raise CommandError(f"--{error.field.replace('_', '-')}: {error.message}") from error
        self.stdout.write(f"Created {clinic.name} ({clinic.slug}, {clinic.time_zone}).")
        email = options["admin_email"].strip().lower()
        if email_is_sent():
            self.stdout.write(f"Invitation emailed to {email}.")
        else:
            # Email is not set up yet (or prints to this console): the operator passes it on.
            self.stdout.write(f"Email is not sent from this install yet: give {email} this link.")
            self.stdout.write(f"Invitation link: {url}")
