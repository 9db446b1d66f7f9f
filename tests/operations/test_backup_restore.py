"""A backup taken while a clinician writes, restored elsewhere: every write acknowledged before
the backup began is there, and only whole transactions are.

The commands run as an operator runs them (``naltrack backup``, ``naltrack restore`` in
subprocesses) on the configured engine: a SQLite file, or on PostgreSQL databases of their own.
The writer adds notes through the real service, each note and its audit event in one transaction,
and lists the numbers of those that committed (``writer.py``).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from naltrack.operations.databases import OperationError, pg_environment, pg_tool
from tests.operations.conftest import Place
from tests.reminders.workers import ROOT, naltrack, postgres_url, run, stop_group, wait_until

# The backup starts once this many notes have committed, and the writer must commit this many
# more after it ended: the backup was taken mid-stream.
BEFORE = 150
AFTER = 30


def acknowledged(path: Path) -> int:
    """How many notes the writer has been told committed (the last line may be half written)."""
    if not path.exists():
        return 0
    *lines, _ = path.read_text().split("\n")
    return len(lines)


@dataclass
class Scenario:
    source: Place
    restored: Place
    backup: Path
    acknowledged_at_start: int
    acknowledged_at_end: int
    backup_output: str
    restore_output: str


@pytest.fixture(scope="module")
def scenario(new_place, tmp_path_factory) -> Scenario:
    if postgres_url():
        assert shutil.which("pg_dump") and shutil.which("pg_restore"), (
            "The backup tests on PostgreSQL need pg_dump and pg_restore on PATH "
            "(Debian: apt install postgresql-client-15)."
        )
    source = new_place(migrated=True)
    work = tmp_path_factory.mktemp("backup")
    acks = work / "acks"
    backup = work / "naltrack-backup"
    with (work / "writer.log").open("w") as log:
        writer = subprocess.Popen(
            [sys.executable, "-m", "tests.operations.writer", str(acks)],
            env=source.env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def writer_alive() -> None:
        if writer.poll() is not None:
            raise AssertionError(f"the writer stopped:\n{(work / 'writer.log').read_text()}")

    try:
        wait_until(lambda: acknowledged(acks) >= BEFORE, "the first notes", check=writer_alive)
        at_start = acknowledged(acks)
        backup_output = run(naltrack("backup", "--output", str(backup)), source.env)
        after_backup = acknowledged(acks)
        wait_until(
            lambda: acknowledged(acks) >= after_backup + AFTER,
            "notes after the backup",
            check=writer_alive,
        )
    finally:
        stop_group(writer)
    at_end = acknowledged(acks)

    restored = new_place()
    restore_output = run(naltrack("restore", str(backup)), restored.env)
    return Scenario(source, restored, backup, at_start, at_end, backup_output, restore_output)


def notes(place: Place) -> list[tuple[int, int]]:
    """(id, number) of every note."""
    return [
        (id_, int(text.split()[1]))
        for id_, text in place.rows("SELECT id, text FROM care_clinicalnote")
    ]


def test_every_note_acknowledged_before_the_backup_began_is_restored(scenario):
    numbers = sorted(number for _, number in notes(scenario.restored))
    assert numbers[: scenario.acknowledged_at_start] == list(
        range(1, scenario.acknowledged_at_start + 1)
    )


def test_the_restored_database_is_one_moment_of_the_live_one(scenario):
    """One writer commits notes in order: a consistent copy holds notes 1 to K without a gap, and
    each with its audit event (a transaction whole or not at all). K falls between what was
    acknowledged when the backup began and what was written by the end."""
    restored = notes(scenario.restored)
    numbers = sorted(number for _, number in restored)
    assert numbers == list(range(1, len(numbers) + 1))
    assert scenario.acknowledged_at_start <= len(numbers) < scenario.acknowledged_at_end
    audited = {
        int(object_id)
        for (object_id,) in scenario.restored.rows(
            "SELECT object_id FROM audit_auditevent "
            "WHERE object_type = 'clinicalnote' AND action = 'create'"
        )
    }
    assert audited == {id_ for id_, _ in restored}
    assert f"clinical notes         {len(numbers):,}" in scenario.restore_output


def test_the_backup_file_is_private_and_a_sound_database_of_its_own(scenario):
    assert stat.S_IMODE(scenario.backup.stat().st_mode) == 0o600
    assert "Backup written" in scenario.backup_output
    if scenario.source.engine == "sqlite":
        with closing(sqlite3.connect(scenario.backup)) as backup:
            assert backup.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert backup.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert "PRAGMA integrity_check: ok" in scenario.backup_output
        assert not list(scenario.backup.parent.glob("*.partial"))
    else:
        assert scenario.backup.read_bytes().startswith(b"PGDMP")
        assert "pg_restore reads it" in scenario.backup_output


def test_the_restored_database_is_sound_and_its_audit_trail_still_append_only(scenario):
    restored = scenario.restored
    if restored.engine == "sqlite":
        assert restored.rows("PRAGMA integrity_check") == [("ok",)]
    assert "append-only" in restored.refuses("UPDATE audit_auditevent SET action = 'read'")
    assert "Next steps" in scenario.restore_output
    assert "nothing to apply" in scenario.restore_output


def test_taking_a_backup_is_audited_as_an_export_of_no_one_clinic(scenario):
    rows = scenario.source.rows(
        "SELECT action, clinic_id, patient_id, actor_role FROM audit_auditevent "
        "WHERE object_type = 'backup'"
    )
    assert rows == [("export", None, None, "system")]


def test_a_restore_over_records_is_refused_unless_forced(scenario, new_place):
    target = new_place(copy_of=scenario.restored)
    before = len(notes(target))
    refused = subprocess.run(
        naltrack("restore", str(scenario.backup)),
        env=target.env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert refused.returncode == 1
    assert "already holds records" in refused.stderr and "--force" in refused.stderr
    # A note written after the restore: --force puts the backup back as it was, without it.
    target.execute(
        "INSERT INTO care_clinicalnote (text, clinic_id, patient_id, recorded_at, recorded_by_id) "
        "SELECT 'note 0', clinic_id, patient_id, recorded_at, recorded_by_id "
        "FROM care_clinicalnote LIMIT 1"
    )
    assert len(notes(target)) == before + 1
    run(naltrack("restore", "--force", str(scenario.backup)), target.env)
    assert len(notes(target)) == before


# --- refusals that need no database -----------------------------------------------------------


def test_a_backup_never_replaces_a_file_unless_forced(tmp_path):
    existing = tmp_path / "backup"
    existing.write_text("last night's backup")
    with pytest.raises(CommandError, match=r"already exists.*--force"):
        call_command("backup", output=existing)
    assert existing.read_text() == "last night's backup"


def test_a_file_that_is_no_backup_is_refused_before_anything_is_touched(tmp_path):
    notes_file = tmp_path / "notes.txt"
    notes_file.write_text("not a database")
    with pytest.raises(CommandError, match="is not a"):
        call_command("restore", str(notes_file))
    with pytest.raises(CommandError, match="There is no backup file"):
        call_command("restore", str(tmp_path / "missing"))


@pytest.fixture
def tools(tmp_path, monkeypatch) -> Path:
    """A folder that is all of PATH, for stand-ins of PostgreSQL's tools."""
    monkeypatch.setenv("PATH", str(tmp_path))
    return tmp_path


def stand_in(folder: Path, name: str, version: str) -> None:
    tool = folder / name
    tool.write_text(f"#!/bin/sh\necho '{name} (PostgreSQL) {version}'\n")
    tool.chmod(0o755)


def test_pg_dump_must_be_there_and_as_new_as_the_server(tools):
    with pytest.raises(
        OperationError, match=r"pg_dump was not found on PATH.*postgresql-client-15"
    ):
        pg_tool("pg_dump", 15)
    stand_in(tools, "pg_dump", "14.11 (Debian 14.11-1)")
    with pytest.raises(OperationError, match="version 14, older than the PostgreSQL 15 server"):
        pg_tool("pg_dump", 15)
    stand_in(tools, "pg_dump", "16.2")
    assert pg_tool("pg_dump", 15) == str(tools / "pg_dump")


def test_the_password_reaches_pg_dump_through_its_environment_only(monkeypatch):
    monkeypatch.setenv("PGPASSWORD", "someone else's")
    env = pg_environment(
        {
            "NAME": "naltrack",
            "USER": "clinic",
            "PASSWORD": "s3cret",
            "HOST": "db.example",
            "PORT": 5432,
            "OPTIONS": {"sslmode": "require"},
        }
    )
    assert env["PGPASSWORD"] == "s3cret"
    assert (env["PGHOST"], env["PGPORT"], env["PGUSER"], env["PGDATABASE"]) == (
        "db.example",
        "5432",
        "clinic",
        "naltrack",
    )
    assert env["PGSSLMODE"] == "require"
    assert env["PATH"] == os.environ["PATH"]
