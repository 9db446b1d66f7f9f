"""The 42 CFR Part 2 security labels of the HL7 Data Segmentation for Privacy (DS4P) guide.

Every resource of a substance use treatment record carries: confidentiality restricted (R), the
42CFRPart2 policy, and the refrain policy NORDSLCD (no redisclosure without consent), so a
recipient's system knows the data may not be passed on.
"""

from __future__ import annotations

from typing import Any, Final

from naltrack.disclosure.fhir.codes import coding

PART2_LABELS: Final = ("restricted", "42CFRPart2", "NORDSLCD")


def with_part2_labels(resource: dict[str, Any]) -> dict[str, Any]:
    """``resource`` (FHIR JSON) with the three Part 2 labels in ``meta.security``."""
    meta = resource.setdefault("meta", {})
    meta["security"] = [coding(key) for key in PART2_LABELS]
    return resource
