"""The medicines the start check looks for on a patient's medicine list, group by group.

A data table, kept apart so that adding a medicine or a group is a change to this file alone. Each
group lists product names (generic and brand, matched as whole words whatever the case, with
spaces or hyphens between their words), what finding one on the list does to a start
(``effect``; ``None`` makes it a warning) and the message the clinician reads, formatted with the
list entry and the name found in it. The start check screens the list with every group
(``start_check.medicine_list``) and registers one rule per group (``start_check.rules``), so a
new group also appears in docs/clinical-rules.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from naltrack.clinical.findings import Effect, Severity


@dataclass(frozen=True)
class MedicineGroup:
    code: str
    summary: str  # the rule's summary in docs/clinical-rules.md
    names: tuple[str, ...]
    effect: Effect | None
    severity: Severity
    message: str  # formatted with entry= and name=
    source: str
    pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        alternatives = "|".join(
            r"[\s\-]*".join(re.escape(part) for part in name.split()) for name in self.names
        )
        compiled = re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])", re.IGNORECASE)
        object.__setattr__(self, "pattern", compiled)


def _medicine_group(
    code: str,
    summary: str,
    names: tuple[str, ...],
    effect: Effect | None,
    message: str,
    source: str,
) -> MedicineGroup:
    severity: Severity = "warning" if effect is None else "block"
    return MedicineGroup(code, summary, names, effect, severity, message, source)


_NOT_WITH_NALTREXONE = (
    "Naltrexone blocks its effect and must not be started while the patient takes or needs it; "
    "count the opioid-free window from the last dose."
)

# source: REVIA, VIVITROL — interactions and contraindications (docs/clinical-sources.md).
MEDICINE_GROUPS: Final[tuple[MedicineGroup, ...]] = (
    _medicine_group(
        "medication_opioid_analgesic",
        "Opioid analgesic on the medicine list: contraindicated",
        (
            "oxycodone",
            "oxycontin",
            "percocet",
            "roxicodone",
            "hydrocodone",
            "vicodin",
            "norco",
            "morphine",
            "ms contin",
            "codeine",
            "tylenol #3",
            "tylenol 3",
            "tylenol #4",
            "tylenol 4",
            "tramadol",
            "ultram",
            "tapentadol",
            "nucynta",
            "fentanyl",
            "duragesic",
            "hydromorphone",
            "dilaudid",
            "oxymorphone",
            "opana",
            "meperidine",
            "pethidine",
            "demerol",
            "levorphanol",
        ),
        "contraindicated",
        '"{entry}" is an opioid pain medicine ({name}). ' + _NOT_WITH_NALTREXONE,
        "REVIA+VIVITROL",
    ),
    _medicine_group(
        "medication_mixed_agonist_antagonist",
        "Mixed agonist-antagonist opioid on the medicine list: contraindicated",
        ("butorphanol", "nalbuphine", "pentazocine", "talwin"),
        "contraindicated",
        '"{entry}" is a mixed agonist-antagonist opioid ({name}), an opioid pain medicine too. '
        + _NOT_WITH_NALTREXONE,
        "REVIA",
    ),
    _medicine_group(
        "medication_opioid_cough_cold",
        "Cough or cold medicine with an opioid on the medicine list: contraindicated",
        ("dihydrocodeine", "tuzistra", "hycodan", "tussionex"),
        "contraindicated",
        '"{entry}" is a cough or cold medicine that contains an opioid ({name}). '
        + _NOT_WITH_NALTREXONE,
        "REVIA+VIVITROL",
    ),
    _medicine_group(
        "medication_opioid_antidiarrheal",
        "Antidiarrheal with an opioid on the medicine list: contraindicated",
        ("diphenoxylate", "lomotil", "opium", "paregoric"),
        "contraindicated",
        '"{entry}" is a diarrhea medicine that contains an opioid ({name}). '
        + _NOT_WITH_NALTREXONE,
        "REVIA+VIVITROL",
    ),
    _medicine_group(
        "medication_loperamide",
        "Loperamide on the medicine list: warning (an opioid in large amounts)",
        ("loperamide", "imodium"),
        None,
        '"{entry}" contains loperamide ({name}). In large amounts it acts as an opioid: ask how '
        "much the patient takes, and treat heavy use as opioid use.",
        "REVIA+VIVITROL",
    ),
    _medicine_group(
        "medication_opioid_agonist_treatment",
        "Methadone or buprenorphine on the medicine list: contraindicated",
        (
            "methadone",
            "dolophine",
            "methadose",
            "buprenorphine",
            "suboxone",
            "subutex",
            "sublocade",
            "zubsolv",
            "belbuca",
            "butrans",
            "brixadi",
        ),
        "contraindicated",
        '"{entry}" is opioid agonist treatment ({name}). Naltrexone must not be started while '
        "the patient takes it: it would precipitate opioid withdrawal. Count the opioid-free "
        "window (at least 10 days, up to 14) from its last dose.",
        "REVIA+VIVITROL",
    ),
    _medicine_group(
        "medication_thioridazine",
        "Thioridazine on the medicine list: review",
        ("thioridazine", "mellaril"),
        "review",
        '"{entry}" contains thioridazine ({name}): lethargy and sleepiness have been reported '
        "with naltrexone. A clinician should decide.",
        "REVIA",
    ),
    _medicine_group(
        "medication_disulfiram",
        "Disulfiram on the medicine list: review",
        ("disulfiram", "antabuse"),
        "review",
        '"{entry}" contains disulfiram ({name}). Disulfiram and naltrexone can both harm the '
        "liver, and the combination is not ordinarily recommended unless the benefit outweighs "
        "the risk. A clinician should decide.",
        "REVIA",
    ),
    _medicine_group(
        "medication_naltrexone_combination",
        "A naltrexone combination product (naltrexone/bupropion) on the medicine list: review",
        ("contrave", "naltrexone/bupropion", "naltrexone-bupropion", "naltrexone and bupropion"),
        "review",
        '"{entry}" already contains naltrexone ({name}): starting naltrexone would duplicate it. '
        "A clinician should decide.",
        "NALTRACK",
    ),
)


def _group(code: str) -> MedicineGroup:
    return next(group for group in MEDICINE_GROUPS if group.code == code)


# Naltrexone itself is screened apart from MEDICINE_GROUPS: an entry that names the combination
# product is judged as that product only, and naltrexone named with bupropion counts as the
# combination.
NALTREXONE_COMBINATION: Final = _group("medication_naltrexone_combination")
NALTREXONE_LISTED: Final = _medicine_group(
    "medication_naltrexone_listed",
    "Naltrexone already on the medicine list: warning",
    ("naltrexone", "revia", "vivitrol"),
    None,
    '"{entry}" is naltrexone ({name}), already on the medicine list. Check that this is a '
    "restart and that the patient will not take two naltrexone products.",
    "NALTRACK",
)
