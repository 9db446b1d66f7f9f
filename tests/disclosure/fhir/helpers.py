"""Reading what the FHIR endpoints answer: Bundles, OperationOutcomes and NDJSON files."""

from __future__ import annotations

import json
from typing import Any

from fhir.resources.R4B import get_fhir_model_class

from naltrack.disclosure.coverage import Recipient
from naltrack.disclosure.fhir.callers import OutsideCaller
from naltrack.disclosure.fhir.codes import CODES
from naltrack.disclosure.fhir.labels import PART2_LABELS

PART2 = [(CODES[key].system, CODES[key].code) for key in PART2_LABELS]
ACME = Recipient("Acme Health Plan", "payer")


def outcome_text(response: Any) -> str:
    assert response["Content-Type"] == "application/fhir+json"
    body = response.json()
    assert body["resourceType"] == "OperationOutcome"
    return " ".join(issue["diagnostics"] for issue in body["issue"])


def valid_lines(text: str) -> list[dict[str, Any]]:
    """Each NDJSON line, parsed and validated by its R4B model, with the Part 2 labels."""
    resources = []
    for line in text.splitlines():
        data = json.loads(line)
        model = get_fhir_model_class(data["resourceType"])
        assert model.model_validate(data).model_dump(mode="json", exclude_none=True) == data
        assert [(c["system"], c["code"]) for c in data["meta"]["security"]] == PART2
        resources.append(data)
    return resources


def as_outside_system(
    monkeypatch: Any, clinic: Any, recipient: Recipient = ACME, **kw: Any
) -> None:
    """Stand in for an outside system's bearer token (bound to ``clinic``, the recipient and a
    purpose): the endpoints take whatever ``fhir_caller`` decides."""
    caller = OutsideCaller(
        label=kw.get("label", "acme-claims"),
        clinic=clinic,
        recipient=recipient,
        purpose=kw.get("purpose", "payment"),
    )
    monkeypatch.setattr("naltrack.disclosure.fhir.views.fhir_caller", lambda request: caller)
