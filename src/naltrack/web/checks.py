"""Deployment checks of our own, run by ``naltrack check --deploy``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, Warning, register

# source: NALTRACK — keys that have been published, in this repository or by Django: anyone who
# read them can sign a session cookie, a password-reset link or a pause link for any account.
KNOWN_KEYS = frozenset(
    {
        # The development key settings.py used to fall back on.
        "naltrack-development-only-key-not-for-production-use-0123456789",
    }
)
KNOWN_KEY_PREFIXES = (
    "django-insecure-",  # what `django-admin startproject` writes
    "naltrack-development-only-key",
    "test-only-secret-key-",  # the test suite's (config/test_settings.py)
    "worker-test-secret-",  # the worker tests' (tests/reminders/workers.py)
    "a-production-secret-",  # an example once used by the deployment test
)
# The thresholds of Django's own warning (security.W009), made an error here: a short key or
# one of few characters can be guessed.
MIN_LENGTH = 50
MIN_UNIQUE_CHARACTERS = 5


def key_problem(key: str) -> str:
    """Why ``key`` must not sign anything in production ("" when it is fine)."""
    if key in KNOWN_KEYS or key.startswith(KNOWN_KEY_PREFIXES):
        return "is a published key"
    if len(key) < MIN_LENGTH or len(set(key)) < MIN_UNIQUE_CHARACTERS:
        return (
            f"is too short or too simple (at least {MIN_LENGTH} characters, "
            f"{MIN_UNIQUE_CHARACTERS} different ones)"
        )
    return ""


@register(Tags.security, deploy=True)
def check_secret_keys(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> Iterable[CheckMessage]:
    """SECRET_KEY, and every old key still accepted (SECRET_KEY_FALLBACKS), must be secret."""
    named = [("SECRET_KEY", settings.SECRET_KEY)] + [
        (f"SECRET_KEY_FALLBACKS[{index}]", key)
        for index, key in enumerate(getattr(settings, "SECRET_KEY_FALLBACKS", []))
    ]
    return [
        Error(
            f"{name} {problem}: anyone could forge sign-ins and links with it.",
            hint="Set SECRET_KEY to a new random value, e.g. the output of "
            "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'.",
            id="naltrack.E001",
        )
        for name, key in named
        if (problem := key_problem(str(key)))
    ]


# Backends that keep email on this machine instead of sending it.
UNSENT_EMAIL_BACKENDS = ("console", "filebased", "locmem", "dummy")


def email_is_sent() -> bool:
    return not any(kind in settings.EMAIL_BACKEND for kind in UNSENT_EMAIL_BACKENDS)


@register(Tags.compatibility, deploy=True)
def check_email_is_sent(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> Iterable[CheckMessage]:
    """Invitations, reset links and reminders go by email: an install that keeps them on disk
    leaves its people unable to sign in."""
    if email_is_sent():
        return []
    return [
        Warning(
            f"Email is not being sent ({settings.EMAIL_BACKEND}): invitations, password resets "
            "and reminders stay on this machine.",
            hint="Set EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend and EMAIL_HOST "
            "(README, Configuration).",
            id="naltrack.W001",
        )
    ]
