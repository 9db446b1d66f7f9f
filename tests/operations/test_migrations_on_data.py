"""An upgrade's migrations run on a database full of records, on the configured engine.

The demo clinic (six months of a clinic's work) is built at the latest schema; every app is then
migrated back to where it stood on 26 November 2026 (commit 14261ea, before the December
migrations) and forward again to the latest.

What it proves: the migrations added since that point apply to populated tables on this engine
(a table rebuild on SQLite, constraints and defaults on existing rows on PostgreSQL), and so do
their reverses, an upgrade's way back; every value in every column the earlier schema had comes
through both ways unchanged, and the audit trail's triggers are in force afterwards. What it does
not prove: that rows written by the earlier code itself upgrade well — the rows are today's, in
the earlier schema's shape, not ones the code of November wrote.
"""

from __future__ import annotations

import json
import sys

from tests.reminders.workers import run

# Each app back to its last migration of 26 November 2026, dependants first.
EARLIER = (
    ("reminders", "0004_sweeprun"),
    ("care", "0003_cravingplan_cravingepisode"),
    ("accounts", "0002_clinic_alert_thresholds"),
    ("audit", "0002_append_only_triggers"),
    ("education", "0003_load_library"),
    ("enrollment", "0001_initial"),
)


def test_migrating_a_populated_database_back_and_forward_keeps_every_value(new_place):
    place = new_place(migrated=True)
    output = run(
        [sys.executable, "-m", "tests.operations.round_trip"]
        + [f"{app}:{migration}" for app, migration in EARLIER],
        {**place.env, "NALTRACK_DEMO": "1"},
        timeout=120,
    )
    result = json.loads(output.strip().splitlines()[-1])
    latest, earlier, again = result["latest"], result["earlier"], result["again"]

    # The way back did go back: the December migrations were undone, their columns gone.
    assert len(result["earlier_pending"]) >= 10
    assert "patient_report" in latest["care_doseevent"]["columns"]
    assert "patient_report" not in earlier["care_doseevent"]["columns"]
    # The record was there to migrate.
    assert latest["care_checkin"]["rows"] > 1000 and latest["audit_auditevent"]["rows"] > 1000

    changed = [
        f"{table}.{column}"
        for table, shape in earlier.items()
        for column, values in shape["columns"].items()
        if (latest[table]["rows"], latest[table]["columns"][column]) != (shape["rows"], values)
        or (again[table]["rows"], again[table]["columns"][column]) != (shape["rows"], values)
    ]
    assert changed == []
    assert set(again) == set(latest)
    assert result["pending"] == []
    assert result["append_only"]
