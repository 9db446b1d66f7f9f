"""Reading the question: its words, with misspellings put right, and the groups of search
terms it asks for (each typed word or phrase with its synonyms, from ``synonyms.py``); and what
to try for a group the index found nowhere (the word as a prefix, then the field's closest word).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass

from naltrack.education.synonyms import (
    MISSPELLINGS,
    NOT_SEARCHED,
    STOPWORDS,
    SYNONYMS,
    VOCABULARY,
)

MAX_QUERY_CHARS = 200
MAX_GROUPS = 12
# How close (difflib ratio) a word found nowhere must be to a word of the field to be read as it.
CORRECTION_CUTOFF = 0.8

_MAX_PHRASE = max(len(key.split()) for key in (*SYNONYMS, *MISSPELLINGS))


def normalize(text: str) -> list[str]:
    """The question's words: lower case, accents and punctuation gone, apostrophes closed up."""
    text = unicodedata.normalize("NFKD", text[:MAX_QUERY_CHARS])
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    text = re.sub(r"(?<=[a-z])['’`](?=[a-z])", "", text)  # can't → cant
    text = re.sub(r"\b([a-z])\.(?=[a-z]\b)", r"\1", text)  # o.d. → od.
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return text.split()


@dataclass(frozen=True)
class Term:
    text: str  # a word, or words searched as a phrase
    prefix: bool = False

    @property
    def words(self) -> list[str]:
        return self.text.split()


@dataclass
class Group:
    """What one typed word or phrase asks for: any of its terms. ``own`` is the reader's own
    word (when it is searched), the others are its synonyms."""

    typed: str
    terms: list[Term]
    own: Term | None = None


def _group_for(typed: str) -> Group:
    own = None if typed in NOT_SEARCHED else Term(typed)
    terms = [own] if own else []
    terms += [Term(term) for term in SYNONYMS.get(typed, ()) if Term(term) != own]
    return Group(typed=typed, terms=list(dict.fromkeys(terms)), own=own)


def _longest_phrase(tokens: list[str], index: int, table: Collection[str]) -> int:
    """How many tokens from ``index`` on make the longest key of ``table`` (0 if none)."""
    for size in range(min(_MAX_PHRASE, len(tokens) - index), 0, -1):
        if " ".join(tokens[index : index + size]) in table:
            return size
    return 0


def _spelled_right(tokens: list[str]) -> list[str]:
    out: list[str] = []
    index = 0
    while index < len(tokens):
        size = _longest_phrase(tokens, index, MISSPELLINGS)
        if size:
            out += MISSPELLINGS[" ".join(tokens[index : index + size])].split()
            index += size
        else:
            out.append(tokens[index])
            index += 1
    return out


def parse_question(text: str) -> list[Group]:
    """The question as groups of search terms (spelling fixed, synonyms added, stopwords
    dropped)."""
    tokens = _spelled_right(normalize(text))
    groups: dict[frozenset[str], Group] = {}
    index = 0
    while index < len(tokens) and len(groups) < MAX_GROUPS:
        size = _longest_phrase(tokens, index, SYNONYMS) or 1
        typed = " ".join(tokens[index : index + size])
        index += size
        if typed not in SYNONYMS and (
            typed in STOPWORDS or (len(typed) < 2 and not typed.isdigit())
        ):
            continue
        group = _group_for(typed)
        key = frozenset(term.text for term in group.terms)
        if key not in groups:
            groups[key] = group
    return list(groups.values())


def _correction(word: str) -> str | None:
    """The field's word closest in spelling to a word found nowhere (or None). Typing slips
    keep the first letter and most of the word; shorter words are too easily taken for others."""
    if len(word) < 5 or word.isdigit():
        return None
    candidates = [known for known in VOCABULARY if known[0] == word[0]]
    matches = difflib.get_close_matches(word, candidates, n=1, cutoff=CORRECTION_CUTOFF)
    return matches[0] if matches else None


def fallback_terms(group: Group) -> list[Term]:
    """Terms to try for a group that matched nothing: its word as a prefix, then a correction."""
    if " " in group.typed or group.typed.isdigit():
        return []
    if len(group.typed) >= 3 and not any(term.prefix for term in group.terms):
        return [Term(group.typed, prefix=True)]
    corrected = _correction(group.typed)
    if corrected is None:
        return []
    return _group_for(corrected).terms
