"""What every bench starts with: Django set up on the test settings, and a fresh database.

The database is made the way the test suite makes one (every migration applied) and dropped at
the end: on SQLite a file in WAL mode in a temporary folder, as in production (or in memory);
on PostgreSQL a new database on the server named by ``--postgres``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def django_for(postgres: str | None) -> None:
    """Set Django up on the test settings, on PostgreSQL at ``postgres`` or else SQLite."""
    if postgres:
        os.environ["DATABASE_URL"] = postgres
    else:
        os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "naltrack.config.test_settings"
    import django

    django.setup()


@contextmanager
def fresh_database(*, on_file: bool = True, keep: str | None = None) -> Iterator[str]:
    """A new, migrated database for the block; yields what it is, for the bench's report.

    ``keep``: the database to use and keep (a SQLite file, or a PostgreSQL database name),
    created and migrated when it does not exist, so a long build can serve many runs."""
    from django.db import connection

    workdir = tempfile.mkdtemp(prefix="naltrack-bench-")
    sqlite = connection.vendor == "sqlite"
    if keep:
        connection.settings_dict["TEST"]["NAME"] = keep
    elif sqlite and on_file:
        connection.settings_dict["TEST"]["NAME"] = str(Path(workdir) / "bench.sqlite3")
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(
        verbosity=0, autoclobber=True, serialize=False, keepdb=bool(keep)
    )
    try:
        if sqlite:
            where = "file, WAL" if on_file else "in memory"
            yield f"SQLite {connection.Database.sqlite_version} ({where})"
        else:
            version = connection.pg_version
            yield f"PostgreSQL {version // 10000}.{version % 10000}"
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=bool(keep))
        shutil.rmtree(workdir, ignore_errors=True)
