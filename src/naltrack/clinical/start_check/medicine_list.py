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
    # Say a name once: "Contrave" (Contrave), "contains loperamide (loperamide)".
    named = re.search(rf"(?<![a-z0-9]){re.escape(name)}(?![a-z0-9])", template, re.IGNORECASE)
    if name.casefold() == entry.casefold() or named:
        template = template.replace(" ({name})", "")
    message = template.format(entry=entry, name=name)
    finding = Finding(group.code, group.severity, message, group.source)
    return Outcome(finding, group.effect)


def medicine_list(inp: StartCheckInput) -> list[Outcome]:
    out: list[Outcome] = []
    groups = [g for g in MEDICINE_GROUPS if not g.formulations or inp.formulation in g.formulations]
    for entry in inp.current_medications:
        text = " ".join(entry.split())
        combination = NALTREXONE_COMBINATION.pattern.search(text)
        matches = {group.code: group.pattern.search(text) for group in groups}
        for group in groups:
            match = matches[group.code]
            if match and not any(matches.get(code) for code in group.defers_to):
                out.append(_outcome(group, text, match.group(0)))
        has_bupropion = re.search(r"(?<![a-z0-9])bupropion(?![a-z0-9])", text, re.IGNORECASE)
        listed = NALTREXONE_LISTED.pattern.search(text)
        if listed and not combination:
            if has_bupropion:
                out.append(_outcome(NALTREXONE_COMBINATION, text, "naltrexone with bupropion"))
            else:
                out.append(_outcome(NALTREXONE_LISTED, text, listed.group(0)))
    return out
