"""Naltrack settings, read from the environment with safe production defaults.

Debug is off unless ``NALTRACK_DEBUG`` is set; without ``DATABASE_URL`` the embedded SQLite
database (WAL mode, busy timeout) under ``var/`` is used.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from naltrack.config.secret_key import local_secret_key
from naltrack.operations.error_reports import error_reports_start
from naltrack.web.client_address import trusted_networks


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


PACKAGE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = Path(os.environ.get("NALTRACK_HOME", Path.cwd())).resolve()
VAR_DIR = BASE_DIR / "var"

DEBUG = env_flag("NALTRACK_DEBUG")
# The demo clinic runs on a laptop over plain HTTP with published passwords.
DEMO = env_flag("NALTRACK_DEMO")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not (DEBUG or DEMO):
        raise ImproperlyConfigured("Set SECRET_KEY (or NALTRACK_DEBUG=1 for local development).")
    SECRET_KEY = local_secret_key(VAR_DIR / "secret_key")

ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    if host.strip()
]
CSRF_TRUSTED_ORIGINS = [
    origin.strip()
    for origin in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",")
    if origin.strip()
]
# The reverse proxies whose X-Forwarded-For names the client (naltrack.web.client_address):
# comma-separated addresses or networks. Empty: trust none, the connection's address is the client.
NALTRACK_TRUSTED_PROXIES = [
    entry.strip()
    for entry in os.environ.get("NALTRACK_TRUSTED_PROXIES", "").split(",")
    if entry.strip()
]
try:
    trusted_networks(NALTRACK_TRUSTED_PROXIES)
except ValueError as error:
    raise ImproperlyConfigured(f"NALTRACK_TRUSTED_PROXIES: {error}") from error

INSTALLED_APPS = [
    "naltrack.accounts",
    "naltrack.audit",
    "naltrack.care",
    "naltrack.web",
    "naltrack.clinician",
    "naltrack.patient",
    "naltrack.demo_clinic",
    "naltrack.api",
    "naltrack.enrollment",
    "naltrack.education",
    "naltrack.public",
    "naltrack.reminders",
    "naltrack.processes",
    "naltrack.operations",
    "naltrack.disclosure",
    "naltrack.reports",
    "naltrack.education.admin_site.SuperuserAdminConfig",  # django.contrib.admin, superusers only
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "ninja",
    "oauth2_provider",
    "phonenumber_field",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",  # staff recovery codes
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "naltrack.operations.logs.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "naltrack.audit.middleware.RequestIdMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "naltrack.accounts.middleware.PrivateResponseMiddleware",
    "naltrack.accounts.session_lifetime.SessionLifetimeMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "naltrack.accounts.middleware.StaffTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "naltrack.config.urls"
WSGI_APPLICATION = "naltrack.config.wsgi.application"

FORM_RENDERER = "naltrack.web.forms.FormRenderer"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "naltrack.accounts.context_processors.membership",
            ],
        },
    },
]

# Database: PostgreSQL through DATABASE_URL; otherwise SQLite in WAL mode, whose busy timeout
# lets the web server and the worker write without "database is locked" errors.
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # No JIT compiling: the pages' queries are short, but the lists' correlated subqueries
        # make PostgreSQL estimate them as costly, so it compiled Today's "injections due"
        # each time: 0.5-1 s of compiling for a 40 ms query (docs/performance.md).
        options = DATABASES["default"].setdefault("OPTIONS", {})
        options["options"] = f"{options.get('options', '')} -c jit=off".strip()
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("NALTRACK_SQLITE_PATH", str(VAR_DIR / "naltrack.sqlite3")),
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "naltrack.accounts.backends.ClinicMemberBackend",
]
PASSWORD_HASHERS = [
    "naltrack.accounts.passwords.ClinicArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# Argon2id time cost, memory (KiB), lanes: the OWASP minimum (accounts/passwords.py).
NALTRACK_ARGON2 = tuple(int(n) for n in os.environ.get("NALTRACK_ARGON2", "2,19456,1").split(","))
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"
# Invitation and password-reset links stay valid for a week.
PASSWORD_RESET_TIMEOUT = 7 * 24 * 3600

# Login throttling: five failures for one account from one address lock it for an hour.
AXES_FAILURE_LIMIT = int(os.environ.get("NALTRACK_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The login form posts the email in Django's "username" field.
AXES_USERNAME_FORM_FIELD = "username"
# Every spelling of an address (case, spaces) counts towards the same lockout.
AXES_USERNAME_CALLABLE = "naltrack.accounts.lockout.lockout_username"
# The client's address, not the proxy's: otherwise one person's wrong passwords behind a proxy
# would lock everyone out.
AXES_CLIENT_IP_CALLABLE = "naltrack.web.client_address.client_address"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Its log lines name the client by address, never by the email tried.
AXES_CLIENT_STR_CALLABLE = "naltrack.operations.logs.axes_client_str"

# Outside systems reach the record API with OAuth2 client credentials (naltrack.api.outside):
# each client is registered by a clinic admin for one clinic, one recipient and one purpose.
# Only the token endpoint is served; there is no browser flow.
OAUTH2_PROVIDER = {
    "SCOPES": {
        "patients:read": "Which patients have consented to share with this recipient",
        "records:read": "The parts of those patients' records their consent covers",
    },
    "DEFAULT_SCOPES": ["patients:read", "records:read"],
    "SCOPES_BACKEND_CLASS": "naltrack.api.outside.ClientScopes",
    "OAUTH2_VALIDATOR_CLASS": "naltrack.api.outside.OutsideClientValidator",
    # source: NALTRACK — an hour: a stolen token is short-lived, and a revoked consent or client
    # is checked on every call anyway.
    "ACCESS_TOKEN_EXPIRE_SECONDS": 3600,
    # The OAuth 2.0 Security BCP (RFC 9700) throughout, though only client credentials are used:
    # tokens stored hashed, never in a URL, no implicit or password grant, https redirects only.
    **{
        f"COMPLIANT_BCP_RFC9700_{rule}": True
        for rule in (
            "IMPLICIT_GRANT",
            "PASSWORD_GRANT",
            "PKCE_METHOD",
            "ACCESS_TOKEN_TRANSPORT",
            "AUTHZ_RESPONSE_ISS",
            "TOKEN_STORAGE",
            "REFRESH_TOKEN",
            "REDIRECT_URI_SCHEME",
            "REDIRECT_URI_MATCHING",
            "PKCE_REQUIRED",
        )
    },
    "REFRESH_TOKEN_REUSE_PROTECTION": True,
    "ALLOWED_REDIRECT_URI_SCHEMES": ["https"],
}
# Named so that a migration may depend on the application model (api.OutsideClient points at it).
OAUTH2_PROVIDER_APPLICATION_MODEL = "oauth2_provider.Application"

# Two-factor sign-in for staff: on by default except for local development and the demo.
NALTRACK_REQUIRE_2FA = env_flag("NALTRACK_REQUIRE_2FA", default=not (DEBUG or DEMO))
OTP_TOTP_ISSUER = "Naltrack"

SESSION_COOKIE_HTTPONLY = True
# A sign-in lasts at most a working shift; staff are signed out sooner when idle
# (naltrack.accounts.session_lifetime).
NALTRACK_SESSION_HOURS = int(os.environ.get("NALTRACK_SESSION_HOURS", "8"))
NALTRACK_STAFF_IDLE_MINUTES = int(os.environ.get("NALTRACK_STAFF_IDLE_MINUTES", "30"))
SESSION_COOKIE_AGE = NALTRACK_SESSION_HOURS * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if not (DEBUG or DEMO):
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_flag("NALTRACK_SSL_REDIRECT", default=True)
    # A load balancer asks the health check over plain HTTP, from inside the network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Content-Security-Policy: only our own scripts and styles, no inline script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("NALTRACK_TIME_ZONE", "America/New_York")

# Phone numbers typed without a country code are read as this country's (ISO 3166 code), shown
# in its national format, and stored in E.164 (django-phonenumber-field).
NALTRACK_PHONE_REGION = os.environ.get("NALTRACK_PHONE_REGION", "US").strip().upper()
PHONENUMBER_DEFAULT_REGION = NALTRACK_PHONE_REGION
PHONENUMBER_DB_FORMAT = "E164"
# A worker sending a reminder holds it this long (reminders.services.send_lease): longer than a
# provider call can take (the SMS client times out after 10 s). A worker that dies mid-send
# leaves its reminder to be offered again after it.
NALTRACK_SEND_LEASE_SECONDS = int(os.environ.get("NALTRACK_SEND_LEASE_SECONDS", "300"))
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
# Bulk export files (NDJSON) waiting for their recipient: outside static files and any URL,
# served only to whoever started the export (naltrack.disclosure.fhir.views), deleted after
# NALTRACK_EXPORT_HOURS.
NALTRACK_EXPORT_DIR = os.environ.get("NALTRACK_EXPORT_DIR", str(VAR_DIR / "exports"))
NALTRACK_EXPORT_HOURS = int(os.environ.get("NALTRACK_EXPORT_HOURS", "24"))

# Email: printed to the console for local development and the demo. Elsewhere, until SMTP is
# configured, written to files under var/mail rather than to the logs: an email holds a name
# and an address (check --deploy warns that nothing is being sent).
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG or DEMO
    else "django.core.mail.backends.filebased.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS")
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Naltrack <no-reply@naltrack.local>")

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
    }
}

# The health check (/healthz, `naltrack status`): a part is stale, and the answer 503, when the
# worker's last heartbeat (every 15 s) is older than this, the scheduler's last tick (every
# minute) older than this, or, once a sweep has ever run, the last finished sweep (nightly)
# older than this many hours.
NALTRACK_HEALTH_WORKER_SECONDS = int(os.environ.get("NALTRACK_HEALTH_WORKER_SECONDS", "45"))
NALTRACK_HEALTH_SCHEDULER_SECONDS = int(os.environ.get("NALTRACK_HEALTH_SCHEDULER_SECONDS", "180"))
NALTRACK_HEALTH_SWEEP_HOURS = int(os.environ.get("NALTRACK_HEALTH_SWEEP_HOURS", "26"))

# Logs go to standard output: one JSON object a line in production, plain text in debug
# (NALTRACK_LOG_FORMAT=json|text), each with its request id, none with health data
# (naltrack.operations.logs).
NALTRACK_LOG_FORMAT = os.environ.get("NALTRACK_LOG_FORMAT", "") or ("text" if DEBUG else "json")
if NALTRACK_LOG_FORMAT not in ("json", "text"):
    raise ImproperlyConfigured("NALTRACK_LOG_FORMAT must be json or text.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "naltrack.operations.logs.RequestIdFilter"},
        "privacy": {"()": "naltrack.operations.logs.PrivacyFilter"},
    },
    "formatters": {
        "json": {"()": "naltrack.operations.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": NALTRACK_LOG_FORMAT,
            "filters": ["request_id", "privacy"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("NALTRACK_LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's own handlers (debug console, runserver's access lines with query strings)
        # are replaced: everything goes through the console handler above.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.server": {"handlers": [], "level": "INFO", "propagate": True},
        # A query's parameters are the record itself: never logged, whatever the level.
        "django.db.backends": {"level": "INFO"},
        # Axes logs every failed sign-in and WeasyPrint every PDF step at INFO: keep them to
        # warnings.
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
    },
}

# Error reports to Sentry when SENTRY_DSN is set (naltrack.operations.error_reports).
error_reports_start()
