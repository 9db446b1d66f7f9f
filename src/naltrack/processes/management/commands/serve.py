from __future__ import annotations

import os
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Run the web server (gunicorn) on 127.0.0.1:8000 unless told otherwise."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default=os.environ.get("NALTRACK_BIND", "127.0.0.1:8000"))
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2"))
        )

    def handle(self, *args: Any, **options: Any) -> None:
        # No gunicorn access log: it prints each path with its query string (a search by name,
        # an email); the app logs one line per request without them (operations.logs).
        argv = [
            sys.executable,
            "-m",
            "gunicorn",
            "naltrack.config.wsgi:application",
            "--bind",
            options["bind"],
            "--workers",
            str(options["workers"]),
            "--forwarded-allow-ips",
            "127.0.0.1",
        ]
        os.execv(sys.executable, argv)  # noqa: S606 - replaces this process with gunicorn
