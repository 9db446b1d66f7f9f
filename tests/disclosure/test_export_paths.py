"""Nothing leaves the clinic except through the gate: every export path, walked.

Two proofs, so a new export cannot slip past without this file changing:

- Every route Naltrack serves is opened (GET) by each role it admits, on the world of every kind
  of row. A response that hands over a file — an attachment, a PDF, a CSV, FHIR JSON or NDJSON —
  must have recorded a disclosure on the way (the gate's row), or be on the short list below of
  files that never leave the clinic or are the patient's own papers, each with its reason.
- The builders that turn a record into something to send (the FHIR Bundle, the NDJSON writer,
  the printed record, the CSV) take the gate's ``Release``, and only the gate makes one: code
  cannot build an export without having asked.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from naltrack.disclosure.gate import Release
from naltrack.disclosure.models import Disclosure
from tests.test_url_access import FHIR, GATED, Route, _url

SRC = Path(__file__).resolve().parents[2] / "src" / "naltrack"

# Files that are not a disclosure, each with why.
NOT_DISCLOSURES = {
    # A consent form and its scan are the clinic's own paper about the patient's wishes, opened by
    # the clinic's staff or printed by the patient who signed it; they hold no treatment record.
    "disclosure:chart_consent_pdf": "the clinic's copy of a consent form",
    "disclosure:chart_consent_scan": "the clinic's scan of a signed paper form",
    "disclosure:my_consent_pdf": "the patient's copy of the consent they signed",
    # The card the patient carries so an emergency team knows about the blockade: the patient's
    # own, made for them to show, and it says only that they take naltrexone.
    "patient:wallet_card": "the patient's own wallet card",
    "clinician:wallet_card_for": "the wallet card staff print to hand to the patient",
    # The audit trail is the clinic's own compliance record, for its admin; it names who read
    # what, not what the record says.
    "accounts:audit_log_csv": "the clinic's audit trail, for its admin",
}

FILE_TYPES = (
    "application/pdf",
    "text/csv",
    "application/fhir+json",
    "application/fhir+ndjson",
    "application/json+fhir",
    "application/octet-stream",
    "image/",
)


def _hands_over_a_file(response: Any) -> bool:
    disposition = response.get("Content-Disposition", "")
    kind = response.get("Content-Type", "")
    return "attachment" in disposition or kind.startswith(FILE_TYPES)


def _roles(route: Route) -> list[str]:
    roles = route.callback.access_roles
    return [name for name in ("patient", "clinician", "admin") if name in roles]


@pytest.mark.parametrize("route", GATED, ids=lambda r: r.name)
def test_every_file_a_route_hands_over_was_disclosed_through_the_gate(
    route: Route, world: dict[str, Any]
) -> None:
    for who in _roles(route):
        client = Client()
        client.force_login(world[who])
        before = Disclosure.objects.count()
        response = client.get(_url(route, world["values"]))
        if not _hands_over_a_file(response):
            continue
        if route.name in NOT_DISCLOSURES:
            continue
        assert Disclosure.objects.count() > before, (
            f"{route.name} hands {who} a file without a disclosure: send it through "
            "naltrack.disclosure.gate, or list it in NOT_DISCLOSURES with the reason"
        )


@pytest.mark.parametrize("route", FHIR, ids=lambda r: r.name)
def test_every_fhir_answer_a_session_gets_was_disclosed_through_the_gate(
    route: Route, world: dict[str, Any]
) -> None:
    """The FHIR endpoints find their caller themselves: each signed-in role is tried. A bulk
    export's files were disclosed, patient by patient, when the export ran."""
    handed = []
    for who in ("patient", "clinician", "admin"):
        client = Client()
        client.force_login(world[who])
        before = Disclosure.objects.count()
        response = client.get(_url(route, world["values"]))
        if response.status_code == 200 and _hands_over_a_file(response):
            handed.append(who)
            assert Disclosure.objects.count() > before or route.name == "fhir:export_file", (
                f"{route.name} hands {who} a file without a disclosure"
            )
    if route.name == "fhir:everything":
        assert handed == ["patient"]  # the patient's own copy; staff share from the chart


def test_the_list_of_files_that_are_not_disclosures_names_real_routes() -> None:
    names = {route.name for route in GATED}
    assert set(NOT_DISCLOSURES) <= names


def _constructions_of_release() -> list[str]:
    found = []
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "Release"
            ):
                found.append(str(path.relative_to(SRC)))
    return found


def test_only_the_gate_makes_a_release() -> None:
    assert set(_constructions_of_release()) == {"disclosure/gate.py"}


def _builders() -> list[Any]:
    from naltrack.disclosure import record_pdf
    from naltrack.disclosure.fhir import bundle

    return [bundle.patient_everything, record_pdf.record_pdf, record_pdf.record_csv]


@pytest.mark.parametrize("builder", _builders(), ids=lambda b: b.__name__)
def test_no_export_can_be_built_without_a_release(builder: Any) -> None:
    parameters = inspect.signature(builder).parameters
    assert "release" in parameters
    assert parameters["release"].default is inspect.Parameter.empty
    assert Release.__module__ == "naltrack.disclosure.gate"
