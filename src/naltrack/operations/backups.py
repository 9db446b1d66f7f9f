"""``naltrack backup``: a consistent copy of the whole database, taken while the server writes.

SQLite: the online backup API, page by page, inside one read transaction, into a file that is
itself a SQLite database, checked with ``PRAGMA integrity_check``. PostgreSQL: ``pg_dump
--format=custom`` in a snapshot exported from this process, so the counts it prints are those of
the file. Either way the file appears under its name only when complete (written beside it, then
renamed), readable by its owner only, and the backup is audited.
"""

from __future__ import annotations

import getpass
import os
import sqlite3
import tempfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from django.db import connection, transaction

from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_record
from naltrack.operations.databases import (
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
)

# 4 MB a step with SQLite's 4 KiB pages: short steps, and a progress line for a large file.
PAGES_PER_STEP = 1024


@dataclass(frozen=True)
class Backup:
    path: Path
    engine: str
    size: int
    counts: dict[str, int | None]
    verified: str


def backup_take(*, output: Path, force: bool, progress: Progress) -> Backup:
    """Write a backup of the configured database to ``output``; replace a file only if ``force``."""
    output = output.expanduser().absolute()
    if output.is_dir():
        raise OperationError(f"{output} is a folder: give the name of the backup file to write.")
    if output.exists() and not force:
        raise OperationError(
            f"{output} already exists. Choose a new name (backups are best kept side by side, "
            "named by date), or add --force to replace it."
        )
    if not output.parent.is_dir():
        raise OperationError(f"The folder {output.parent} does not exist.")
    engine = connection.vendor
    if engine not in ("sqlite", "postgresql"):
        raise OperationError(f"Backups of a {engine} database are not supported.")

    # mkstemp makes the file readable and writable by its owner only (0600): a backup holds
    # every patient's record. Both writers keep the mode of the file they are given.
    fd, name = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".partial")
    os.close(fd)
    partial = Path(name)
    try:
        if engine == "sqlite":
            counts, verified = _sqlite_backup(partial, progress)
        else:
            counts, verified = _postgres_backup(partial, progress)
        fsync(partial)
        _publish(partial, output, force=force)
    finally:
        partial.unlink(missing_ok=True)
    fsync(output.parent)

    size = output.stat().st_size
    audit_record(
        request=None,
        action=AuditEvent.Action.EXPORT,
        object_type="backup",
        detail={
            "file": str(output),
            "engine": engine,
            "bytes": size,
            "counts": counts,
            "os_user": _os_user(),
        },
    )
    return Backup(path=output, engine=engine, size=size, counts=counts, verified=verified)


def _sqlite_backup(partial: Path, progress: Progress) -> tuple[dict[str, int | None], str]:
    source = Path(connection.settings_dict["NAME"])
    if not source.is_file():
        raise OperationError(f"There is no database file at {source}: nothing to back up.")
    reported = [-1]

    def step(status: int, remaining: int, total: int) -> None:
        percent = 100 * (total - remaining) // max(total, 1)
        if percent >= reported[0] + 10 or remaining == 0:
            reported[0] = percent
            progress(f"Copying: {percent}% ({total - remaining} of {total} pages)")

    with closing(sqlite_read_only(source)) as live, closing(sqlite3.connect(partial)) as copy:
        # One read transaction for the whole copy: every page comes from the same snapshot, so the
        # file holds each transaction whole or not at all while writers carry on (WAL). Without it,
        # SQLite starts the copy again whenever another connection commits, which under steady
        # writing may be never.
        live.execute("BEGIN")
        live.execute("SELECT count(*) FROM sqlite_master").fetchone()
        live.backup(copy, pages=PAGES_PER_STEP, progress=step)
        live.execute("COMMIT")
        # One self-contained file, whatever journal mode the live database uses.
        copy.execute("PRAGMA journal_mode=DELETE")
    counts = sqlite_check_file(partial, "The backup")
    return counts, "PRAGMA integrity_check: ok"


def _postgres_backup(partial: Path, progress: Progress) -> tuple[dict[str, int | None], str]:
    with connection.cursor() as cursor:
        server_major = pg_server_major(cursor)
    pg_dump = pg_tool("pg_dump", server_major)
    pg_restore = pg_tool("pg_restore", server_major)
    env = pg_environment(connection.settings_dict)
    with transaction.atomic(), connection.cursor() as cursor:
        # pg_dump reads in a snapshot; handing it ours makes the counts below those of the file.
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        counts = count_rows(cursor, connection.introspection.table_names(cursor), key_tables())
        progress(f"Running {pg_dump} …")
        pg_run(
            [
                pg_dump,
                "--format=custom",
                "--no-password",
                f"--snapshot={snapshot}",
                "--file",
                partial,
            ],
            env,
        )
    listing = pg_run([pg_restore, "--list", partial], env)
    tables = sum(" TABLE DATA " in line for line in listing.splitlines())
    return counts, f"pg_restore reads it: data of {tables} tables"


def _publish(partial: Path, output: Path, *, force: bool) -> None:
    if force:
        os.replace(partial, output)
        return
    try:
        # A hard link never replaces a file, even one that appeared during the backup.
        os.link(partial, output)
    except FileExistsError as error:
        raise OperationError(
            f"{output} appeared while the backup was written: not replaced."
        ) from error
    except OSError:
        # A file system without hard links (some network shares): the check above must do.
        if output.exists():
            raise OperationError(
                f"{output} appeared while the backup was written: not replaced."
            ) from None
        os.replace(partial, output)


def _os_user() -> str:
    """Who ran the command, as the operating system knows them: a backup is taken by no signed-in
    person, and the audit trail should still say who took it."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""
