"""Finds, in text, a statement of one of the myths about naltrexone that the articles must not
repeat (MYTHS below; the clinical sources the articles cite instead are listed, by id, with what
each document is, in docs/clinical-sources.md). A line starting "Myth:" states a myth on purpose
and is skipped; everywhere else a sentence that makes the claim fails, and a sentence that
denies it ("there is no withdrawal from naltrexone itself") passes. Used by test_articles.py
over the real articles."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from naltrack.education.reading_level import split_sentences

NEGATION = re.compile(
    r"\b(not|no|never|none|nothing|without|nor|cannot|myth|false|untrue|wrong)\b|n['’]t\b",
    re.IGNORECASE,
)
STOPPING = r"\b(stop(s|ped|ping)?|quit(s|ting)?|com(e|es|ing) off|go(es|ing)? off|discontinu\w*|cold turkey|(the )?end (of )?treatment)\b"
NALTREXONE = r"\b(naltrexone|vivitrol|revia|the shot|the tablets?|your (medicine|medication|tablets?|shot)|it|you)\b"
OPIOID_CONTEXT = re.compile(
    r"\b(opioids?|heroin|fentanyl|pills|tolerance|overdose|dose you once|use again|relapse)\b",
    re.IGNORECASE,
)
OTHER_MEDICINES = re.compile(
    r"\b(some medicines|other medicines|methadone|buprenorphine|benzodiazepines?|antidepressants?)\b",
    re.IGNORECASE,
)
NON_OPIOID_RELIEF = re.compile(
    r"\b(non-?opioids?|not opioids|ibuprofen|acetaminophen|tylenol|advil|nsaids?|regional|numbing|other (kinds|ways))\b",
    re.IGNORECASE,
)


LINKING_VERB = r"\b(cause[sd]?|causing|brings?|leads?|triggers?|gives?|gets?|have|has|go(es)? into|expect|experience|feel|results?|produces?|sets? off|means?|can|will|may|might|could|comes?)\b"


class Myth(NamedTuple):
    number: int
    claim: str


class Finding(NamedTuple):
    myth: Myth
    sentence: str


MYTHS = (
    Myth(1, "stopping naltrexone causes withdrawal / a rebound / a dopamine surge"),
    Myth(2, "stopping naltrexone suddenly is itself life-threatening"),
    Myth(3, "naltrexone must always be tapered"),
    Myth(4, "naltrexone does not interfere with pain management"),
    Myth(5, "naltrexone is mainly used for chronic pain"),
)


def _has(pattern: str, sentence: str) -> bool:
    return re.search(pattern, sentence, re.IGNORECASE) is not None


def states_myth(sentence: str) -> Myth | None:
    """The myth the sentence states, or None."""
    denied = NEGATION.search(sentence) is not None
    # 1. Stopping brings withdrawal, a rebound or a dopamine surge.
    if (
        _has(STOPPING, sentence)
        and _has(r"\b(withdrawal|withdrawals|rebound\w*|dopamine)\b", sentence)
        and _has(LINKING_VERB, sentence)
        and not denied
        and not OTHER_MEDICINES.search(sentence)
    ):
        return MYTHS[0]
    # 2. Stopping is dangerous in itself (the real danger is opioids taken afterwards).
    if (
        _has(STOPPING, sentence)
        and _has(
            r"\b(life[- ]threatening|deadly|fatal|kill|killed|die|dies|death|dangerous|danger|unsafe|harm\w*)\b",
            sentence,
        )
        and not OPIOID_CONTEXT.search(sentence)
        and not denied
    ):
        return MYTHS[1]
    # 3. A taper is required, or stopping at once is forbidden.
    if (
        _has(
            r"\b(must|have to|has to|need to|needs to|needs a|need a|required|requires|always|should)\b[^.;:]*\btaper",
            sentence,
        )
        and _has(NALTREXONE, sentence)
        and not denied
        and not OTHER_MEDICINES.search(sentence)
    ):
        return MYTHS[2]
    if _has(
        r"\bnever (stop|quit|come off)\w*\b[^.;]*\b(suddenly|abruptly|all at once|cold turkey|at once)\b",
        sentence,
    ) or _has(
        r"\b(don['’]?t|do not|never) (just )?stop\w*[^.;]*\b(suddenly|abruptly|all at once|cold turkey)\b[^.;]*\b(taper|wean|step)",
        sentence,
    ):
        return MYTHS[2]
    # 4. Opioid pain relief works as usual.
    if _has(
        r"(\bnot\b|n['’]t\b|\bno\b)[^.;]*\b(interfere|affect|block|change|stop|weaken)\w*\b[^.;]*\bpain",
        sentence,
    ) and not NON_OPIOID_RELIEF.search(sentence):
        return MYTHS[3]
    if (
        _has(
            r"\bopioid (pain \w+|painkillers?)\b[^.;]*\b(work|works) (as usual|normally|the same|fine)",
            sentence,
        )
        and not denied
    ):
        return MYTHS[3]
    # 5. Mainly (or approved) for chronic pain.
    if (
        _has(
            r"\b(mainly|mostly|primarily|mostly|usually|approved|prescribed|indicated)\b[^.;]*\b(chronic pain|fibromyalgia|pain)\b",
            sentence,
        )
        and not _has(
            r"\blow[- ]dose|off[- ]label|opioid pain|pain (medicine|medication|relief|reliever)s?\b",
            sentence,
        )
        and not denied
    ):
        return MYTHS[4]
    return None


def _plain(line: str) -> str:
    """A Markdown line as text: no list marker, heading marks or emphasis."""
    line = re.sub(r"^\s*(?:[-*+]|\d+[.)]|#+|>)\s*", "", line)
    return line.replace("**", "").replace("__", "").strip()


def find_myths(text: str) -> Iterator[Finding]:
    for line in text.splitlines():
        plain = _plain(line)
        if not plain or re.match(r"(?i)^myth\b\s*[:.,-]", plain):
            continue
        for sentence in split_sentences(plain):
            if sentence.endswith("?"):
                continue  # a question asks, it does not claim
            myth = states_myth(sentence)
            if myth is not None:
                yield Finding(myth, sentence)
