"""The medicines the start check looks for on a patient's medicine list, group by group.

A data table, kept apart so that adding a medicine or a group is a change to this file alone. Each
group lists product names (generic and brand, matched as whole words whatever the case, with
spaces or hyphens between their words), what finding one on the list does to a start
(``effect``; ``None`` makes it a warning) and the message the clinician reads, formatted with the
list entry and the name found in it. A group may apply to one formulation only
(``formulations``), and may give way to a more specific group that names the same entry
(``defers_to``: "promethazine with codeine" is a cough medicine, not also a codeine pain
medicine). The start check screens the list with every group (``start_check.medicine_list``) and
registers one rule per group (``start_check.rules``), so a new group also appears in
docs/clinical-rules.md; tests/clinical check every name of every group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from naltrack.clinical.findings import Effect, Severity
from naltrack.clinical.formulary import Formulation


@dataclass(frozen=True)
class MedicineGroup:
    code: str
    summary: str  # the rule's summary in docs/clinical-rules.md
    names: tuple[str, ...]
    effect: Effect | None
    severity: Severity
    message: str  # formatted with entry= and name=
    source: str
    formulations: tuple[Formulation, ...] = ()  # screened only for these; () for every one
    defers_to: tuple[str, ...] = ()  # codes of groups that, naming the same entry, replace this
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
    *,
    formulations: tuple[Formulation, ...] = (),
    defers_to: tuple[str, ...] = (),
) -> MedicineGroup:
    severity: Severity = "warning" if effect is None else "block"
    return MedicineGroup(
        code, summary, names, effect, severity, message, source, formulations, defers_to
    )


_NOT_WITH_NALTREXONE = (
    "Naltrexone blocks its effect and must not be started while the patient takes or needs it; "
    "count the opioid-free window from the last dose."
)
_COUGH_COLD = "medication_opioid_cough_cold"
_ANTIDIARRHEAL = "medication_opioid_antidiarrheal"
_ER_BUPRENORPHINE = "medication_buprenorphine_extended_release"

# source: REVIA, VIVITROL — interactions and contraindications: every opioid-containing product,
# brand and generic (docs/clinical-sources.md); the other sources are named on their groups.
MEDICINE_GROUPS: Final[tuple[MedicineGroup, ...]] = (
    _medicine_group(
        "medication_opioid_analgesic",
        "Opioid analgesic on the medicine list: contraindicated",
        (
            # oxycodone
            "oxycodone",
            "oxycontin",
            "oxyir",
            "percocet",
            "percodan",
            "endocet",
            "endodan",
            "roxicet",
            "roxicodone",
            "roxybond",
            "oxaydo",
            "oxecta",
            "xtampza",
            "primlev",
            "nalocet",
            "prolate",
            "xartemis",
            "targiniq",
            "troxyca",
            # hydrocodone and benzhydrocodone
            "hydrocodone",
            "vicodin",
            "norco",
            "lortab",
            "lorcet",
            "xodol",
            "verdrocet",
            "hycet",
            "zamicet",
            "zydone",
            "vicoprofen",
            "reprexain",
            "ibudone",
            "hysingla",
            "zohydro",
            "vantrela",
            "benzhydrocodone",
            "apadaz",
            # morphine
            "morphine",
            "ms contin",
            "msir",
            "kadian",
            "avinza",
            "arymo",
            "morphabond",
            "embeda",
            "oramorph",
            "roxanol",
            "duramorph",
            "infumorph",
            # codeine
            "codeine",
            "tylenol #3",
            "tylenol 3",
            "tylenol #4",
            "tylenol 4",
            # tramadol and tapentadol
            "tramadol",
            "ultram",
            "ultracet",
            "conzip",
            "ryzolt",
            "seglentis",
            "qdolo",
            "tapentadol",
            "nucynta",
            # fentanyl and its relatives
            "fentanyl",
            "duragesic",
            "actiq",
            "fentora",
            "subsys",
            "lazanda",
            "abstral",
            "onsolis",
            "ionsys",
            "sufentanil",
            "dsuvia",
            "alfentanil",
            "remifentanil",
            # hydromorphone, oxymorphone, meperidine, levorphanol, propoxyphene
            "hydromorphone",
            "dilaudid",
            "exalgo",
            "oxymorphone",
            "opana",
            "meperidine",
            "pethidine",
            "demerol",
            "levorphanol",
            "propoxyphene",
            "dextropropoxyphene",
            "darvon",
            "darvocet",
        ),
        "contraindicated",
        '"{entry}" is an opioid pain medicine ({name}). ' + _NOT_WITH_NALTREXONE,
        "REVIA+VIVITROL",
        defers_to=(_COUGH_COLD, _ANTIDIARRHEAL),
    ),
    _medicine_group(
        "medication_mixed_agonist_antagonist",
        "Mixed agonist-antagonist opioid on the medicine list: contraindicated",
        ("butorphanol", "stadol", "nalbuphine", "nubain", "pentazocine", "talwin"),
        "contraindicated",
        '"{entry}" is a mixed agonist-antagonist opioid ({name}), an opioid pain medicine too. '
        + _NOT_WITH_NALTREXONE,
        "REVIA",
    ),
    _medicine_group(
        _COUGH_COLD,
        "Cough or cold medicine with an opioid on the medicine list: contraindicated",
        (
            "dihydrocodeine",
            "tussionex",
            "tussigon",
            "hycodan",
            "hydromet",
            "tussicaps",
            "tuxarin",
            "tuzistra",
            "hycofenix",
            "flowtuss",
            "obredon",
            "zutripro",
            "rezira",
            "vituz",
            "brontex",
            "promethazine with codeine",
            "promethazine codeine",
            "promethazine/codeine",
            "phenergan with codeine",
            "guaifenesin with codeine",
            "guaifenesin/codeine",
            "robitussin ac",
            "cheratussin ac",
            "virtussin ac",
            "mytussin ac",
            "guiatuss ac",
        ),
        "contraindicated",
        '"{entry}" is a cough or cold medicine that contains an opioid ({name}). '
        + _NOT_WITH_NALTREXONE,
        "REVIA+VIVITROL",
    ),
    _medicine_group(
        _ANTIDIARRHEAL,
        "Antidiarrheal with an opioid on the medicine list: contraindicated",
        (
            "diphenoxylate",
            "lomotil",
            "lonox",
            "difenoxin",
            "motofen",
            "opium",
            "paregoric",
            "laudanum",
        ),
        "contraindicated",
        '"{entry}" is a diarrhea medicine that contains an opioid ({name}). '
        + _NOT_WITH_NALTREXONE,
        "REVIA+VIVITROL",
    ),
    # source: REVIA, VIVITROL (loperamide in large amounts is an opioid); FDA-LOP2016 (heart harm
    # at high doses). The list does not say how much is taken, so a clinician asks and decides.
    _medicine_group(
        "medication_loperamide",
        "Loperamide on the medicine list: review (an opioid in large amounts)",
        ("loperamide", "imodium"),
        "review",
        '"{entry}" contains loperamide ({name}). At the usual doses it does not count as opioid '
        "use, but in large amounts it acts as an opioid and can harm the heart: ask how much the "
        "patient takes. A clinician decides, and treats heavy use as opioid use.",
        "REVIA+VIVITROL+FDA-LOP2016",
    ),
    _medicine_group(
        "medication_opioid_agonist_treatment",
        "Methadone or buprenorphine on the medicine list: contraindicated",
        (
            "methadone",
            "dolophine",
            "methadose",
            "diskets",
            "buprenorphine",
            "suboxone",
            "subutex",
            "zubsolv",
            "bunavail",
            "cassipa",
            "belbuca",
            "butrans",
            "buprenex",
        ),
        "contraindicated",
        '"{entry}" contains methadone or buprenorphine ({name}), opioid agonists. Naltrexone '
        "must not be started while the patient takes it: it would precipitate opioid withdrawal. "
        "Count the opioid-free window (at least 10 days, up to 14) from its last dose.",
        "REVIA+VIVITROL",
        defers_to=(_ER_BUPRENORPHINE,),
    ),
    # source: REVIA, VIVITROL (buprenorphine treatment is a contraindication); SUBLOCADE §12.3,
    # BRIXADI (the depot outlasts any fixed window).
    _medicine_group(
        _ER_BUPRENORPHINE,
        "Extended-release buprenorphine (injection or implant) on the medicine list: "
        "contraindicated",
        (
            "sublocade",
            "brixadi",
            "probuphine",
            "buprenorphine extended release",
            "extended release buprenorphine",
            "buprenorphine er",
            "buprenorphine xr",
            "xr buprenorphine",
            "buprenorphine implant",
            "buprenorphine depot",
        ),
        "contraindicated",
        '"{entry}" is extended-release buprenorphine ({name}). Naltrexone must not be started '
        "while the patient receives it: it would precipitate opioid withdrawal. The 10-14 day "
        "window after daily buprenorphine does not apply: buprenorphine can stay in the body for "
        "12 months or longer after the last injection. Once it has stopped, record the last "
        "injection as an extended-release buprenorphine exposure: a clinician decides when to "
        "start.",
        "REVIA+VIVITROL+SUBLOCADE+BRIXADI",
    ),
    # source: FDA-KRATOM2018 — mitragynine and 7-hydroxymitragynine act on mu-opioid receptors.
    _medicine_group(
        "medication_kratom",
        "Kratom on the medicine list: review (it acts on opioid receptors)",
        ("kratom", "mitragynine", "7-hydroxymitragynine", "mitragyna"),
        "review",
        '"{entry}" is kratom ({name}). Its alkaloids act on opioid receptors: regular use can '
        "mean opioid dependence, and naltrexone could then precipitate withdrawal. Ask how much "
        "and when it was last taken; a clinician decides, and treats regular use as opioid use.",
        "FDA-KRATOM2018",
    ),
    # source: NALTRACK — eluxadoline is a mu-opioid agonist acting in the gut; no label rule.
    _medicine_group(
        "medication_eluxadoline",
        "Eluxadoline (Viberzi) on the medicine list: review",
        ("eluxadoline", "viberzi"),
        "review",
        '"{entry}" contains eluxadoline ({name}), a mu-opioid agonist that acts in the gut: '
        "naltrexone may block it. A clinician decides (a Naltrack default).",
        "NALTRACK",
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
    # source: VIVITROL §5 — care with the intramuscular injection in coagulation disorders.
    _medicine_group(
        "medication_anticoagulant",
        "Anticoagulant on the medicine list, with the injection: warning",
        (
            "warfarin",
            "coumadin",
            "jantoven",
            "acenocoumarol",
            "phenprocoumon",
            "apixaban",
            "eliquis",
            "rivaroxaban",
            "xarelto",
            "dabigatran",
            "pradaxa",
            "edoxaban",
            "savaysa",
            "lixiana",
            "betrixaban",
            "heparin",
            "enoxaparin",
            "lovenox",
            "dalteparin",
            "fragmin",
            "tinzaparin",
            "innohep",
            "fondaparinux",
            "arixtra",
            "argatroban",
            "bivalirudin",
            "desirudin",
        ),
        None,
        '"{entry}" is an anticoagulant ({name}): give the intramuscular injection with caution '
        "(bleeding or a haematoma at the site).",
        "VIVITROL",
        formulations=("xr_injection",),
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
