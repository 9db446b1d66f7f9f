"""Fixtures for the operations tests. Databases of their own for the backup, restore and migration tests, which run ``naltrack``
commands in subprocesses: a SQLite file under a home of its own, or a database of its own on the
PostgreSQL server of ``DATABASE_URL`` (CI's second run). The engine is the configured one."""

from __future__ import annotations

import contextlib
import io
import logging
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from naltrack.operations.logs import PrivacyFilter
from tests.reminders.workers import base_env, pg_admin, postgres_url, with_database


@pytest.fixture
def log_output() -> Iterator[io.StringIO]:
    """What the configured console handler (settings.LOGGING) prints, as it would print it."""
    (handler,) = [
        h
        for h in logging.getLogger().handlers
        if any(isinstance(f, PrivacyFilter) for f in h.filters)
    ]
    assert isinstance(handler, logging.StreamHandler)
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    try:
        yield buffer
    finally:
        handler.setStream(previous)


@dataclass
class Place:
    """Where one Naltrack install keeps its data, the environment its commands run in, and a way
    to read it with the plain driver."""

    env: dict[str, str]
    sqlite_path: Path | None = None
    url: str = ""

    @property
    def engine(self) -> str:
        return "sqlite" if self.sqlite_path else "postgresql"

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        return self.execute(sql, fetch=True)

    def execute(self, sql: str, *, fetch: bool = False) -> list[tuple[Any, ...]]:
        if self.sqlite_path:
            with (
                contextlib.closing(sqlite3.connect(self.sqlite_path, timeout=20)) as connection,
                connection,  # commits
            ):
                return connection.execute(sql).fetchall()
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as connection:
            cursor = connection.execute(sql)
            return list(cursor.fetchall()) if fetch else []

    def refuses(self, sql: str) -> str:
        """The database's error for ``sql``, which must fail."""
        try:
            self.execute(sql)
        except Exception as error:  # sqlite3 and psycopg errors share no base class
            return str(error)
        raise AssertionError(f"the database accepted: {sql}")


@pytest.fixture(scope="module")
def new_place(
    migrated_place: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Callable[..., Place]]:
    """Makes places: ``new_place()`` is empty (no file, or a database without a table),
    ``new_place(migrated=True)`` has the current schema and no records, ``new_place(copy_of=…)``
    holds what another place holds."""
    databases: list[str] = []

    def make(*, migrated: bool = False, copy_of: Place | None = None) -> Place:
        home = tmp_path_factory.mktemp("home")
        env = base_env(home)
        if not postgres_url():
            # The default place of the database under NALTRACK_HOME, as an operator has it.
            path = home / "var" / "naltrack.sqlite3"
            source = copy_of.sqlite_path if copy_of else migrated_place if migrated else None
            if source:
                path.parent.mkdir()
                with (
                    contextlib.closing(sqlite3.connect(source)) as original,
                    contextlib.closing(sqlite3.connect(path)) as copy,
                ):
                    original.backup(copy)
            return Place(env=env, sqlite_path=path)
        name = f"naltrack_ops_{uuid.uuid4().hex[:12]}"
        source = copy_of.url.rsplit("/", 1)[1] if copy_of else migrated_place if migrated else ""
        template = f' TEMPLATE "{source}"' if source else ""
        pg_admin(f'CREATE DATABASE "{name}"{template}')
        databases.append(name)
        env["DATABASE_URL"] = with_database(postgres_url(), name)
        return Place(env=env, url=env["DATABASE_URL"])

    yield make
    for name in databases:
        pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
