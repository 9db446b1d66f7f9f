"""The sources the clinical rules rest on, and the registry of the rules themselves.

Sources are those of docs/clinical-sources.md, by their short id. Each rule registered here
appears in docs/clinical-rules.md, which is generated from this registry (``naltrack calc rules``)
and checked against it by a test, so the document cannot drift from the code.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    section: str = ""


_SOURCE_LIST = (
    Source(
        "REVIA",
        "FDA prescribing information, naltrexone hydrochloride tablets USP 50 mg (ReVia and generics)",
    ),
    Source(
        "VIVITROL",
        "FDA prescribing information, Vivitrol (naltrexone for extended-release injectable suspension) 380 mg",
    ),
    Source(
        "TIP63",
        "SAMHSA TIP 63, Medications for Opioid Use Disorder (2021 update)",
        "Part 3 (naltrexone)",
    ),
    Source(
        "AUDGUIDE",
        "SAMHSA/NIAAA, Medication for the Treatment of Alcohol Use Disorder: A Brief Guide (2015)",
    ),
    Source(
        "ASAM2020",
        "ASAM National Practice Guideline for the Treatment of Opioid Use Disorder, 2020 focused update",
    ),
    Source(
        "ASAM2015",
        "ASAM National Practice Guideline for the Use of Medications in the Treatment of Addiction Involving Opioid Use (2015)",
    ),
    Source(
        "KJOME2011",
        "Kjome KL, Moeller FG. Long-acting injectable naltrexone for the management of patients with opioid dependence. Subst Abuse 2011;5:1-9",
    ),
    Source("LACTMED", "NIH Drugs and Lactation Database (LactMed)", "naltrexone"),
    Source(
        "COWS",
        "Wesson DR, Ling W. The Clinical Opiate Withdrawal Scale. J Psychoactive Drugs 2003;35(2):253-259",
    ),
    Source(
        "PACS",
        "Flannery BA et al. Psychometric properties of the Penn Alcohol Craving Scale. Alcohol Clin Exp Res 1999;23(8):1289-1295",
    ),
    Source(
        "AUDITC",
        "Bush K et al. Arch Intern Med 1998;158:1789-1795; Bradley KA et al. Alcohol Clin Exp Res 2007;31:1208-1217",
    ),
    Source(
        "PHQ9", "Kroenke K, Spitzer RL, Williams JBW. The PHQ-9. J Gen Intern Med 2001;16:606-613"
    ),
    Source(
        "XBOT",
        "Lee JD et al. Extended-release naltrexone versus buprenorphine-naloxone (X:BOT). Lancet 2018;391:309-318",
    ),
    Source(
        "JONAS2014",
        "Jonas DE et al. Pharmacotherapy for adults with alcohol use disorders in outpatient settings. JAMA 2014;311(18):1889-1900",
    ),
    Source(
        "CDC2022",
        "CDC Clinical Practice Guideline for Prescribing Opioids for Pain, MMWR Recomm Rep 2022;71(3)",
    ),
    Source(
        "SUBLOCADE",
        "FDA prescribing information, Sublocade (buprenorphine extended-release injection for subcutaneous use)",
        "§2 and §12.3: after steady state, buprenorphine may stay detectable in plasma for 12 months or longer",
    ),
    Source(
        "BRIXADI",
        "FDA prescribing information, Brixadi (buprenorphine extended-release injection, weekly and monthly)",
    ),
    Source("VIVMG", "Vivitrol Medication Guide (the patient leaflet of the VIVITROL label)"),
    Source(
        "FDA-LOP2016",
        "FDA Drug Safety Communication, 7 June 2016: serious heart problems with high doses of loperamide",
    ),
    Source(
        "FDA-KRATOM2018",
        "FDA statement, 6 Feb 2018, on kratom's opioid properties (mitragynine and 7-hydroxymitragynine act on mu-opioid receptors)",
    ),
    Source(
        "NQF3175",
        "National Quality Forum measure 3175, Continuity of Pharmacotherapy for Opioid Use Disorder",
    ),
    Source(
        "KM1958",
        "Kaplan EL, Meier P. Nonparametric estimation from incomplete observations. J Am Stat Assoc 1958;53:457-481",
    ),
    Source(
        "GREENWOOD1926",
        "Greenwood M. The natural duration of cancer. Rep Public Health Med Subj 1926;33:1-26",
    ),
    Source(
        "WILSON1927",
        "Wilson EB. Probable inference, the law of succession, and statistical inference. J Am Stat Assoc 1927;22:209-212",
    ),
    Source(
        "NALTRACK",
        "A Naltrack default: a product convention, clinic-configurable, never presented as a guideline",
    ),
)

SOURCES: dict[str, Source] = {source.id: source for source in _SOURCE_LIST}


def check_source(source_ids: str) -> str:
    """Return ``source_ids`` after checking each id (``"REVIA"`` or ``"REVIA+VIVITROL"``) is known.

    Called where findings and rules are made, so a typo fails at import or in the first test.
    """
    for source_id in source_ids.split("+"):
        if source_id not in SOURCES:
            raise KeyError(f"unknown clinical source {source_id!r}")
    return source_ids


@dataclass(frozen=True)
class Rule:
    """One clinical rule as a clinician would read it in docs/clinical-rules.md."""

    code: str
    area: str
    summary: str
    threshold: str
    source: str


RULES: dict[str, Rule] = {}


def rule(*, code: str, area: str, summary: str, threshold: str, source: str) -> str:
    """Register a rule and return its code, so modules write ``CODE = rule(...)`` once."""
    if code in RULES:
        raise ValueError(f"rule {code!r} registered twice")
    check_source(source)
    RULES[code] = Rule(code=code, area=area, summary=summary, threshold=threshold, source=source)
    return code
