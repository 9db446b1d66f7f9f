"""Text messages through a small adapter: a console/file backend, and one HTTP provider.

Chosen by ``NALTRACK_SMS_BACKEND`` (Django setting or environment): ``console`` (default),
``file`` (one line per message under ``NALTRACK_SMS_FILE_PATH``, each idempotency key accepted
once) or ``http``: a provider API in the common style (Twilio and its imitators): a form POST of
To, From and Body to ``NALTRACK_SMS_URL`` with HTTP basic auth
(``NALTRACK_SMS_USER``/``NALTRACK_SMS_PASSWORD``), sender ``NALTRACK_SMS_FROM``. The
notification's idempotency key travels in an ``Idempotency-Key`` header, for providers that
honour one.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Protocol

from django.conf import settings

TIMEOUT_SECONDS = 10


class SmsError(Exception):
    """The provider did not accept the message (the send is retried)."""


class SmsBackend(Protocol):
    def send(self, *, to: str, body: str, idempotency_key: str) -> str:
        """Send one message; return the provider's message id. Raise ``SmsError`` on failure."""
        ...


def config(name: str, default: str = "") -> str:
    value = getattr(settings, name, None)
    if value is None:
        value = os.environ.get(name, default)
    return str(value)


class ConsoleSmsBackend:
    def send(self, *, to: str, body: str, idempotency_key: str) -> str:
        sys.stdout.write(f"SMS to {to}: {body}\n")
        return f"console:{idempotency_key}"


class FileSmsBackend:
    """One JSON line per message; like a provider that honours ``Idempotency-Key``, it accepts
    each key once.

    A key offered again (its worker was killed after the message went out and before the
    notification was marked sent) gets the same id back and sends nothing; a
    ``{"duplicate_key": ...}`` line records the re-offer. An exclusive lock on the file, held
    while looking and appending (and released if the process dies), keeps two workers from both
    sending the same key.
    """

    def __init__(self, path: str) -> None:
        self.path = Path(path)

    def send(self, *, to: str, body: str, idempotency_key: str) -> str:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a+", encoding="utf-8") as sink:
            fcntl.flock(sink, fcntl.LOCK_EX)
            sink.seek(0)
            held = any(
                json.loads(line).get("key") == idempotency_key for line in sink if line.strip()
            )
            record = (
                {"duplicate_key": idempotency_key}
                if held
                else {"to": to, "body": body, "key": idempotency_key}
            )
            # Flushed as one whole line: a process killed here leaves no half line behind.
            sink.write(json.dumps(record) + "\n")
            sink.flush()
        return f"file:{idempotency_key}"


class HttpSmsBackend:
    def __init__(self, *, url: str, user: str, password: str, sender: str) -> None:
        if not url.startswith(("https://", "http://")):
            raise SmsError("NALTRACK_SMS_URL must be an http(s) URL")
        self.url, self.user, self.password, self.sender = url, user, password, sender

    def send(self, *, to: str, body: str, idempotency_key: str) -> str:
        data = urllib.parse.urlencode({"To": to, "From": self.sender, "Body": body}).encode()
        credentials = base64.b64encode(f"{self.user}:{self.password}".encode()).decode()
        request = urllib.request.Request(  # noqa: S310 (scheme checked in __init__)
            self.url,
            data=data,
            method="POST",
            headers={
                "Authorization": f"Basic {credentials}",
                "Content-Type": "application/x-www-form-urlencoded",
                "Idempotency-Key": idempotency_key,
                "Accept": "application/json",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
                payload = response.read()
        except urllib.error.HTTPError as error:
            detail = error.read()[:200].decode("utf-8", "replace")
            raise SmsError(f"provider answered {error.code}: {detail}") from error
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise SmsError(f"provider unreachable: {error}") from error
        try:
            answer = json.loads(payload or b"{}")
        except ValueError:
            answer = {}
        return str(answer.get("sid") or answer.get("id") or "")


def sms_backend() -> SmsBackend:
    kind = config("NALTRACK_SMS_BACKEND", "console")
    if kind == "http":
        return HttpSmsBackend(
            url=config("NALTRACK_SMS_URL"),
            user=config("NALTRACK_SMS_USER"),
            password=config("NALTRACK_SMS_PASSWORD"),
            sender=config("NALTRACK_SMS_FROM"),
        )
    if kind == "file":
        return FileSmsBackend(
            config("NALTRACK_SMS_FILE_PATH", str(Path(settings.EMAIL_FILE_PATH).parent / "sms.log"))
        )
    return ConsoleSmsBackend()
