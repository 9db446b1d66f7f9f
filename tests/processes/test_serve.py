"""``naltrack serve`` as production runs it: gunicorn with the measured worker class
(docs/performance.md, "Serving"), and static files from whitenoise, compressed and cached for a
year under names that change with their content."""

from __future__ import annotations

import re
import sqlite3
import urllib.request
from contextlib import closing
from pathlib import Path

import pytest
from bench.kill import Server, free_port, served

from naltrack.processes.management.commands.serve import serving_defaults
from tests.reminders.workers import base_env, naltrack, postgres_url, run


@pytest.fixture
def server(migrated_place: str, tmp_path: Path):
    if postgres_url():
        pytest.skip("serving static files does not depend on the database")
    sqlite_path = tmp_path / "serve.sqlite3"
    with (
        closing(sqlite3.connect(migrated_place)) as original,
        closing(sqlite3.connect(sqlite_path)) as copy,
    ):
        original.backup(copy)
    env = served(base_env(tmp_path), sqlite_path)
    # Compressing every file (the admin's too) takes half a minute of CPU.
    run(naltrack("collectstatic", "--noinput", "-v0"), env, timeout=300)
    running = Server(env=env, port=free_port(), log=tmp_path / "server.log")
    running.start()
    yield running
    running.kill_all()


def get(url: str, **headers: str) -> tuple[bytes, dict[str, str]]:
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - our own server
    with urllib.request.urlopen(request, timeout=20) as answer:  # noqa: S310
        return answer.read(), dict(answer.headers)


def test_the_measured_worker_class_is_the_default():
    assert serving_defaults({}) == {"worker_class": "gthread", "workers": 2, "threads": 4}
    assert (
        serving_defaults({"NALTRACK_WORKER_CLASS": "sync", "WEB_CONCURRENCY": "5"})["workers"] == 5
    )


def test_static_files_are_compressed_and_cached_for_a_year(server):
    base = f"http://127.0.0.1:{server.port}"
    page, _ = get(base + "/accounts/login/")
    stylesheets = re.findall(rb'href="(/static/[^"]+\.css)"', page)
    assert stylesheets, "the sign-in page links no stylesheet"
    path = stylesheets[0].decode()
    # The name carries the content's hash, so a new release is a new URL.
    assert re.search(r"\.[0-9a-f]{12}\.css$", path)
    plain, headers = get(base + path)
    assert "immutable" in headers["Cache-Control"]
    max_age = int(re.search(r"max-age=(\d+)", headers["Cache-Control"]).group(1))
    assert max_age >= 365 * 24 * 3600
    for encoding in ("br", "gzip"):
        body, headers = get(base + path, **{"Accept-Encoding": encoding})
        assert headers["Content-Encoding"] == encoding
        assert len(body) < len(plain) / 2
    assert "Using worker: gthread" in server.log.read_text()
