"""What backups and restores share: which tables to count, how to read a SQLite file safely, and
how to find and call PostgreSQL's own tools (pg_dump, pg_restore) for the configured server."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterable, Mapping
from contextlib import closing
from pathlib import Path
from typing import Any

from django.apps import apps

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_CUSTOM_MAGIC = b"PGDMP"

# The tables an operator recognises, counted after a backup and a restore, so that a file of
# "0 patients" is noticed on the day it is made rather than on the day it is needed.
KEY_TABLES = (
    ("clinics", "accounts.Clinic"),
    ("people with a sign-in", "accounts.User"),
    ("patients", "care.Patient"),
    ("episodes", "care.Episode"),
    ("check-ins", "care.CheckIn"),
    ("doses", "care.DoseEvent"),
    ("injections", "care.Injection"),
    ("clinical notes", "care.ClinicalNote"),
    ("audit events", "audit.AuditEvent"),
)

# Tables that `naltrack migrate` fills by itself (Django's bookkeeping, the education library
# and its search index): rows there do not make a database "in use".
FILLED_BY_MIGRATE = (
    "django_migrations",
    "django_content_type",
    "auth_permission",
    "education_article",
    "sqlite_",
)


# Where a long step says how far it got (the command's stderr).
Progress = Callable[[str], None]


class OperationError(Exception):
    """A backup or restore that cannot go ahead; the message says why and what to do."""


def key_tables() -> list[tuple[str, str]]:
    return [(name, apps.get_model(label)._meta.db_table) for name, label in KEY_TABLES]


def count_rows(
    cursor: Any, present: Iterable[str], tables: Iterable[tuple[str, str]]
) -> dict[str, int | None]:
    """Rows in each of ``tables`` (name, table); None for a table this database does not have
    (a backup made before the table existed)."""
    there = set(present)
    counts: dict[str, int | None] = {}
    for name, table in tables:
        if table in there:
            # Table names come from the models and the database's own catalogue, never from input.
            cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608
            counts[name] = int(cursor.fetchone()[0])
        else:
            counts[name] = None
    return counts


def tables_in_use(cursor: Any, tables: list[str]) -> dict[str, int]:
    """The tables holding rows that `migrate` did not put there, with their counts."""
    candidates = [(table, table) for table in tables if not table.startswith(FILLED_BY_MIGRATE)]
    return {
        table: count for table, count in count_rows(cursor, tables, candidates).items() if count
    }


def sqlite_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change ``path`` nor create it (autocommit: no open transaction)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)


def sqlite_tables(connection: sqlite3.Connection) -> list[str]:
    return [
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        )
    ]


def sqlite_integrity(connection: sqlite3.Connection) -> str:
    """'ok', or the problems PRAGMA integrity_check found (first ten)."""
    problems = [row[0] for row in connection.execute("PRAGMA integrity_check(10)")]
    return "; ".join(problems)


def sqlite_check_file(path: Path, what: str) -> dict[str, int | None]:
    """Refuse anything but a sound SQLite file of a Naltrack database; its key tables' counts."""
    with path.open("rb") as file:
        head = file.read(len(SQLITE_MAGIC))
    if head != SQLITE_MAGIC:
        hint = (
            " It is a PostgreSQL backup: restore it with DATABASE_URL set."
            if head.startswith(PG_CUSTOM_MAGIC)
            else ""
        )
        raise OperationError(f"{what} {path} is not a SQLite database.{hint}")
    with closing(sqlite_read_only(path)) as connection:
        integrity = sqlite_integrity(connection)
        if integrity != "ok":
            raise OperationError(f"{what} {path} is damaged (integrity check: {integrity}).")
        tables = sqlite_tables(connection)
        if "django_migrations" not in tables:
            raise OperationError(
                f"{what} {path} is not a Naltrack database (it has no migrations)."
            )
        return count_rows(connection.cursor(), tables, key_tables())


def fsync(path: Path) -> None:
    """Flush a file's bytes, or a folder's entries (a rename in it), to the disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# --- PostgreSQL's tools ------------------------------------------------------------------------

# libpq reads these from the environment, so no password ever appears on a command line
# (where `ps` would show it to every user of the machine).
_LIBPQ_SETTINGS = {
    "HOST": "PGHOST",
    "PORT": "PGPORT",
    "USER": "PGUSER",
    "PASSWORD": "PGPASSWORD",
    "NAME": "PGDATABASE",
}
_LIBPQ_OPTIONS = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
}


def pg_environment(database: Mapping[str, Any]) -> dict[str, str]:
    """The environment for pg_dump and pg_restore: this process's, with the server, database and
    credentials of DATABASE_URL in libpq's variables (replacing any set for something else)."""
    env = {
        name: value for name, value in os.environ.items() if name not in _LIBPQ_SETTINGS.values()
    }
    for key, variable in _LIBPQ_SETTINGS.items():
        if database.get(key):
            env[variable] = str(database[key])
    for key, variable in _LIBPQ_OPTIONS.items():
        if database.get("OPTIONS", {}).get(key):
            env[variable] = str(database["OPTIONS"][key])
    return env


def pg_tool(name: str, server_major: int) -> str:
    """The path of ``name`` (pg_dump, pg_restore) on PATH, if it can work with this server.

    A pg_dump older than the server refuses to dump it, and one that did could miss what the newer
    server has: the tools must be of the server's major version or later.
    """
    path = shutil.which(name)
    if path is None:
        raise OperationError(
            f"{name} was not found on PATH. Install PostgreSQL's client tools, version "
            f"{server_major} or later (Debian: apt install postgresql-client-{server_major}), or "
            f"put their folder first on PATH (e.g. /usr/lib/postgresql/{server_major}/bin)."
        )
    result = subprocess.run([path, "--version"], capture_output=True, text=True, check=False)
    match = re.search(r"\(PostgreSQL\)\s+(\d+)", result.stdout)
    if result.returncode != 0 or match is None:
        raise OperationError(f"{path} --version did not answer as {name} does: {result.stdout}")
    major = int(match.group(1))
    if major < server_major:
        raise OperationError(
            f"{path} is version {major}, older than the PostgreSQL {server_major} server. "
            f"Install the version {server_major} client tools (Debian: postgresql-client-"
            f"{server_major}) and put their folder first on PATH."
        )
    return path


def pg_server_major(cursor: Any) -> int:
    cursor.execute("SHOW server_version_num")
    return int(cursor.fetchone()[0]) // 10000


def pg_run(args: list[str | Path], env: dict[str, str]) -> str:
    """Run one of PostgreSQL's tools; its output, or its own words on why it failed."""
    result = subprocess.run(
        [str(arg) for arg in args],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise OperationError(f"{Path(args[0]).name} failed: {result.stderr.strip()}")
    return result.stdout


def counts_lines(counts: Mapping[str, int | None]) -> list[str]:
    """The key tables' counts as the commands print them, aligned."""
    width = max(len(name) for name in counts)
    return [
        f"  {name:<{width}}  {'not in this database' if count is None else f'{count:,}'}"
        for name, count in counts.items()
    ]
