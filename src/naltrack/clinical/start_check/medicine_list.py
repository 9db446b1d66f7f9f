"""The patient's medicine list, screened with the groups of ``naltrack.clinical.medicines``."""

from __future__ import annotations

import re

from naltrack.clinical.findings import Finding
from naltrack.clinical.medicines import (
    MEDICINE_GROUPS,
    NALTREXONE_COMBINATION,
    NALTREXONE_LISTED,
    MedicineGroup,
)
from naltrack.clinical.start_check.inputs import StartCheckInput
from naltrack.clinical.start_check.outcomes import Outcome


def _outcome(group: MedicineGroup, entry: str, name: str) -> Outcome:
    template = group.message
    if name.casefold() == entry.casefold():  # "Contrave" (Contrave): say it once
        template = template.replace(" ({name})", "")
    message = template.format(entry=entry, name=name)
    finding = Finding(group.code, group.severity, message, group.source)
    return Outcome(finding, group.effect)


def medicine_list(inp: StartCheckInput) -> list[Outcome]:
    out: list[Outcome] = []
    for entry in inp.current_medications:
        text = " ".join(entry.split())
        combination = NALTREXONE_COMBINATION.pattern.search(text)
        for group in MEDICINE_GROUPS:
            match = group.pattern.search(text)
            if match:
                out.append(_outcome(group, text, match.group(0)))
        has_bupropion = re.search(r"(?<![a-z0-9])bupropion(?![a-z0-9])", text, re.IGNORECASE)
        listed = NALTREXONE_LISTED.pattern.search(text)
        if listed and not combination:
            if has_bupropion:
                out.append(_outcome(NALTREXONE_COMBINATION, text, "naltrexone with bupropion"))
            else:
                out.append(_outcome(NALTREXONE_LISTED, text, listed.group(0)))
    return out
