from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

# gunicorn's worker classes that serve Django's WSGI application; which one is the default, and
# how many workers and threads, was measured under load (docs/performance.md, "Serving").
WORKER_CLASSES = ("sync", "gthread")


def serving_defaults(environ: Mapping[str, str]) -> dict[str, Any]:
    """The worker class, workers and threads ``serve`` uses unless told otherwise: the measured
    choice, or the environment's (``NALTRACK_WORKER_CLASS``, ``WEB_CONCURRENCY``,
    ``NALTRACK_THREADS``)."""
    return {
        "worker_class": environ.get("NALTRACK_WORKER_CLASS", "gthread"),
        "workers": int(environ.get("WEB_CONCURRENCY", "2")),
        "threads": int(environ.get("NALTRACK_THREADS", "4")),
    }


class Command(BaseCommand):
    help = "Run the web server (gunicorn) on 127.0.0.1:8000 unless told otherwise."

    def add_arguments(self, parser: CommandParser) -> None:
        defaults = serving_defaults(os.environ)
        parser.add_argument("--bind", default=os.environ.get("NALTRACK_BIND", "127.0.0.1:8000"))
        parser.add_argument("--workers", type=int, default=defaults["workers"])
        parser.add_argument(
            "--worker-class", choices=WORKER_CLASSES, default=defaults["worker_class"]
        )
        parser.add_argument(
            "--threads", type=int, default=defaults["threads"], help="Threads per worker (gthread)."
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
            "--worker-class",
            options["worker_class"],
            "--forwarded-allow-ips",
            "127.0.0.1",
            # gunicorn's control interface is unused here, and its socket (~/.gunicorn) is one
            # for every gunicorn of the user: two servers on a machine would take it from each
            # other, and the systemd unit's ProtectHome leaves no home to put it in.
            "--no-control-socket",
        ]
        if options["worker_class"] == "gthread":
            argv += ["--threads", str(options["threads"])]
        os.execv(sys.executable, argv)  # noqa: S606 - replaces this process with gunicorn
