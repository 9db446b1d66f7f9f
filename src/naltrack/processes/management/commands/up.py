from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from naltrack.demo_clinic.clinic import demo_logins_text


class Command(BaseCommand):
    help = "Start the web server, the worker and the scheduler together, and say where to sign in."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default=os.environ.get("NALTRACK_BIND", "127.0.0.1:8000"))

    def handle(self, *args: Any, **options: Any) -> None:
        naltrack = [sys.executable, "-m", "naltrack.cli"]
        worker = subprocess.Popen([*naltrack, "worker"])
        scheduler = subprocess.Popen([*naltrack, "scheduler"])
        web = subprocess.Popen([*naltrack, "serve", "--bind", options["bind"]])
        url = f"http://{options['bind']}/"
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "accounts/login/", timeout=1)  # noqa: S310 - our own local URL
                break
            except OSError:
                if web.poll() is not None:
                    break
                time.sleep(0.2)
        self.stdout.write("\n" + demo_logins_text(url) + "\n\nPress Ctrl+C to stop.\n")
        # SIGTERM (make, a supervisor) ends both processes like Ctrl+C does.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        try:
            web.wait()
        except KeyboardInterrupt:
            pass
        finally:
            for process in (web, worker, scheduler):
                if process.poll() is None:
                    process.terminate()
            for process in (web, worker, scheduler):
                process.wait(timeout=10)
