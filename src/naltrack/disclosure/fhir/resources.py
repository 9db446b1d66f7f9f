"""What every builder shares: the stable id of a row's resource, references between resources, and
the one step that labels FHIR JSON and validates it.

The builders, one module a topic, take one row of a patient's record and return one validated
``fhir.resources`` object: ``patient`` (the patient and their conditions), ``medication``
(requests, administrations, statements), ``observations`` (labs, screens, check-ins,
questionnaires), ``care_plans`` (care plans, encounters, flags) and ``release`` (the consent and
the Provenance that go with a disclosure). Each writes FHIR JSON with codes from ``codes`` and
passes it through ``build``, which labels it for 42 CFR Part 2 and parses it into the R4B model,
so a resource that breaks the specification fails there, not at the recipient. Ids are stable per
row (``resource_id``): the same row gives the same id in every export, and references between
resources use them.

Not exported, because no resource asked for here holds them: clinical notes (free text), start
checks and their inputs, opioid use before starting, withdrawn dose reports, the craving plan,
check-in mood and side effects, and insurance.
"""

from __future__ import annotations

import uuid
from typing import Any, Final, TypeVar

from django.db import models
from fhir.resources.R4B.resource import Resource

from naltrack.disclosure.fhir.codes import CODES
from naltrack.disclosure.fhir.labels import with_part2_labels

# source: NALTRACK — a fixed namespace, so a row's id is the same in every export and differs
# from every other row's (uuid5 of the row's table and primary key).
_ID_NAMESPACE: Final = uuid.UUID("5b0e7d2a-6f0c-4a57-9a53-2f1b0d6c8e41")


def resource_id(row: models.Model, part: str = "") -> str:
    """The stable id of the resource built from ``row`` (``part`` tells apart several per row)."""
    return str(uuid.uuid5(_ID_NAMESPACE, f"{row._meta.label_lower}/{row.pk}/{part}"))


def reference(row: models.Model, part: str = "") -> dict[str, str]:
    return {"reference": f"urn:uuid:{resource_id(row, part)}"}


R = TypeVar("R", bound=Resource)


def build(model: type[R], row: models.Model, data: dict[str, Any], part: str = "") -> R:
    """``data`` as a ``model`` resource with the row's id and the Part 2 labels, validated."""
    data = {"resourceType": model.__name__, "id": resource_id(row, part), **data}
    return model.model_validate(with_part2_labels(data))


def quantity(value: object, unit_key: str) -> dict[str, Any]:
    """A UCUM quantity, its unit from the table."""
    unit = CODES[unit_key]
    return {"value": value, "unit": unit.code, "system": unit.system, "code": unit.code}
