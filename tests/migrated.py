"""The ``migrated_place`` fixture: a database at the latest schema, migrated by ``naltrack
migrate`` in a subprocess once per test process, which the worker tests (tests/reminders) and the
operations tests copy for each test of theirs."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from tests.reminders.workers import base_env, naltrack, pg_admin, postgres_url, run, with_database


@pytest.fixture(scope="session")
def migrated_place(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Migrated once for the session: a SQLite file, or a PostgreSQL template database."""
    home = tmp_path_factory.mktemp("migrated")
    env = base_env(home)
    if not postgres_url():
        env["NALTRACK_SQLITE_PATH"] = str(home / "migrated.sqlite3")
        run(naltrack("migrate", "--noinput"), env)
        yield env["NALTRACK_SQLITE_PATH"]
        return
    template = f"naltrack_migrated_{uuid.uuid4().hex[:12]}"
    pg_admin(f'CREATE DATABASE "{template}"')
    try:
        env["DATABASE_URL"] = with_database(postgres_url(), template)
        run(naltrack("migrate", "--noinput"), env)
        yield template
    finally:
        pg_admin(f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)')
