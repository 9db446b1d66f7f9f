"""Settings for the test suite: production settings, less what a test client cannot do.

Tests run with debug off, secure cookies and the Content-Security-Policy on, as in production.
"""

import atexit
import os
import shutil
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-" + "x" * 40)
os.environ.pop("NALTRACK_DEBUG", None)
os.environ.pop("NALTRACK_DEMO", None)

from naltrack.config.settings import *  # noqa: F403

SECURE_SSL_REDIRECT = False
# Argon2 is slow by design; one test checks it is the production hasher.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
# Staff two-factor sign-in is tested on its own with this switched on.
NALTRACK_REQUIRE_2FA = False
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STATIC_ROOT = None  # type: ignore[assignment]
# Bulk export files written by tests land in a throwaway folder, never in var/.
NALTRACK_EXPORT_DIR = tempfile.mkdtemp(prefix="naltrack-exports-")
atexit.register(shutil.rmtree, NALTRACK_EXPORT_DIR, ignore_errors=True)
