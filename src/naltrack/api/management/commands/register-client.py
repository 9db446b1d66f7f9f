"""``naltrack register-client``: an outside system for the record API, bound to one clinic, one
recipient and one purpose. Prints the client id and the secret, which is shown only this once."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from naltrack.accounts.models import Clinic
from naltrack.api.outside import SCOPES, outside_client_register
from naltrack.care.errors import ClinicalRuleError
from naltrack.disclosure.models import Consent


class Command(BaseCommand):
    help = "Register an outside system that reads the record API (OAuth2 client credentials)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--clinic", required=True, help="The clinic's short name (slug)")
        parser.add_argument(
            "--recipient", required=True, help="Who receives the records, as consents name them"
        )
        parser.add_argument("--role", required=True, choices=Consent.Role.values)
        parser.add_argument("--purpose", required=True, choices=Consent.Purpose.values)
        parser.add_argument(
            "--scope", action="append", choices=list(SCOPES), help="Repeat for each; default all"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        clinic = Clinic.objects.filter(slug=options["clinic"]).first()
        if clinic is None:
            raise CommandError(f"--clinic: no clinic is called {options['clinic']!r}.")
        try:
            registered = outside_client_register(
                clinic=clinic,
                recipient_name=options["recipient"],
                recipient_role=options["role"],
                purpose=options["purpose"],
                scopes=options["scope"],
                by=None,
            )
        except ClinicalRuleError as error:
            raise CommandError(f"--{error.field}: {error.message}") from error
        self.stdout.write(f"Registered for {clinic.name}: {registered.client.recipient_name}.")
        self.stdout.write(f"Client id: {registered.client_id}")
        self.stdout.write(f"Client secret: {registered.client_secret}")
        self.stdout.write("Keep the secret now: it is stored only as a hash and not shown again.")
