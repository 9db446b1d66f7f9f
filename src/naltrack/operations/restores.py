"""``naltrack restore FILE``: a backup put back into an empty database, checked, and described.

It never merges: into a database that already holds records it goes only with ``force``, and
then replaces everything. SQLite: the backup is checked, copied beside the database file, the
copy checked again and renamed over it (the server must be stopped). PostgreSQL: ``pg_restore``
in one transaction, so a failure leaves the database as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from naltrack.operations.databases import (
    PG_CUSTOM_MAGIC,
    SQLITE_MAGIC,
    OperationError,
    Progress,
    count_rows,
    fsync,
    key_tables,
    pg_environment,
    pg_run,
    pg_server_major,
    pg_tool,
    sqlite_check_file,
    sqlite_read_only,
    sqlite_tables,
    tables_in_use,
)


@dataclass(frozen=True)
class Restored:
    target: str
    engine: str
    counts: dict[str, int | None]
    # Migrations this version has that the restored database has not run (an older backup).
    pending: list[str]
    # Migrations the restored database ran that this version does not know (a newer backup).
    unknown: list[str]


def restore_from(*, source: Path, force: bool, progress: Progress) -> Restored:
    """Put the backup ``source`` in place of the configured database; see the module's note."""
    source = source.expanduser().absolute()
    if not source.is_file():
        raise OperationError(f"There is no backup file at {source}.")
    engine = connection.vendor
    if engine == "sqlite":
        target = _sqlite_restore(source, force=force, progress=progress)
    elif engine == "postgresql":
        target = _postgres_restore(source, force=force, progress=progress)
    else:
        raise OperationError(f"Restoring into a {engine} database is not supported.")
    connection.close()  # the next query opens the restored database
    return _describe(target, engine)


def _in_use(target: str, held: dict[str, int]) -> OperationError:
    tables = ", ".join(f"{table} ({count})" for table, count in sorted(held.items())[:5])
    return OperationError(
        f"{target} already holds records: {tables}. A restore replaces everything in it. "
        "Restore into an empty place (a new NALTRACK_HOME, NALTRACK_SQLITE_PATH or database), "
        "or, to overwrite this one on purpose, take a backup of it first and add --force."
    )


def _sqlite_restore(source: Path, *, force: bool, progress: Progress) -> str:
    target = Path(connection.settings_dict["NAME"]).absolute()
    sqlite_check_file(source, "The backup")
    if target.exists():
        if target.samefile(source):
            raise OperationError(f"{source} is the database itself, not a backup of it.")
        with closing(sqlite_read_only(target)) as current:
            held = tables_in_use(current.cursor(), sqlite_tables(current))
        if held and not force:
            raise _in_use(str(target), held)
    connection.close()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".restoring")
    os.close(fd)
    partial = Path(name)
    try:
        progress(f"Copying {source} to {target} …")
        shutil.copyfile(source, partial)
        fsync(partial)
        # The copy is what will be used: it is the copy that must be sound.
        sqlite_check_file(partial, "The copy")
        # A write-ahead log left by the database being replaced would be played into the restored
        # one and corrupt it.
        for suffix in ("-wal", "-shm", "-journal"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    fsync(target.parent)
    return str(target)


def _postgres_restore(source: Path, *, force: bool, progress: Progress) -> str:
    with source.open("rb") as file:
        head = file.read(len(SQLITE_MAGIC))
    if not head.startswith(PG_CUSTOM_MAGIC):
        hint = (
            " It is a SQLite backup: restore it without DATABASE_URL, into NALTRACK_HOME."
            if head == SQLITE_MAGIC
            else ""
        )
        raise OperationError(f"{source} is not a backup made by pg_dump --format=custom.{hint}")
    with connection.cursor() as cursor:
        server_major = pg_server_major(cursor)
        tables = connection.introspection.table_names(cursor)
        held = tables_in_use(cursor, tables)
    name = connection.settings_dict["NAME"]
    if held and not force:
        raise _in_use(f"The database {name}", held)
    pg_restore = pg_tool("pg_restore", server_major)
    env = pg_environment(connection.settings_dict)
    pg_run([pg_restore, "--list", source], env)
    connection.close()
    progress(f"Running {pg_restore} into the database {name} …")
    pg_run(
        [
            pg_restore,
            "--no-password",
            # The restored tables belong to DATABASE_URL's user, whoever owned them before.
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            # Tables already there (a migrated but empty database, or --force) are replaced.
            *(["--clean", "--if-exists"] if tables else []),
            f"--dbname={name}",
            source,
        ],
        env,
    )
    return f"the database {name}"


def _describe(target: str, engine: str) -> Restored:
    with connection.cursor() as cursor:
        counts = count_rows(cursor, connection.introspection.table_names(cursor), key_tables())
    executor = MigrationExecutor(connection)
    graph = executor.loader.graph
    pending = [
        f"{migration.app_label}.{migration.name}"
        for migration, _ in executor.migration_plan(graph.leaf_nodes())
    ]
    applied = executor.loader.applied_migrations or {}
    unknown = sorted(f"{app}.{name}" for app, name in applied if (app, name) not in graph.nodes)
    return Restored(target=target, engine=engine, counts=counts, pending=pending, unknown=unknown)
