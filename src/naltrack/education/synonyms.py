"""The reader's words → the words the library's articles use.

The word lists are data, ``data/synonyms.toml`` beside this module, where each list says what
it is for. They are read once, on first import, into the tables the search uses:

- ``MISSPELLINGS``: a misspelt word or phrase → its right spelling, applied first.
- ``SYNONYMS``: a word or phrase → more terms to search for it. The typed words are searched
  too (an article that uses the reader's own word is a good sign), except for the keys of
  ``NOT_SEARCHED`` (misleading on their own: "nursing" is about breastfeeding, not nurses).
  The longest known phrase wins ("cold turkey" before "cold"). A term of several words is
  searched as a phrase.
- ``TYPED_WEIGHTS``: what a typed word counts for, when a block of synonyms says it counts less
  than a word of the question's subject (words that frame a question: "heard", "is it true").
- ``BRAND_NAMES``: a brand → the medicine's name, for matching a question to article titles.
- ``STOPWORDS``: words dropped from a question unless they are part of a phrase above.
- ``PEOPLE``, ``PEOPLE_GROUPS``, ``POSSESSIVES``, ``HELPING``: the people a question may
  mention (one person; a group, only a mention after a possessive: "my family"), and the words
  that make it a question about helping them (otherwise the mention is not searched).
- ``INTENTS``: kinds of question ("how it works"), each with the patterns that show it (all the
  words of one pattern in the question) and the terms it searches for.
- ``VOCABULARY``: the field's words that a word found in no article is corrected to, by
  closeness of spelling ("pregancy" → pregnancy), when the list of misspellings missed it.

Keys and terms are normalised text: lower case, words of letters and digits, no punctuation.
The terms of one typed word form one group: an article scores for the group by its best term,
so a word with many synonyms does not outweigh a word with one.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

DATA_FILE = "data/synonyms.toml"


class WordListError(ValueError):
    """The word lists' file is not as this module reads it."""


@dataclass(frozen=True)
class Intent:
    name: str
    when: tuple[tuple[str, ...], ...]
    search: tuple[str, ...]


@dataclass(frozen=True)
class WordLists:
    misspellings: dict[str, str]
    synonyms: dict[str, tuple[str, ...]]
    brand_names: dict[str, str]
    not_searched: frozenset[str]
    stopwords: frozenset[str]
    vocabulary: frozenset[str]
    people: frozenset[str] = frozenset()
    people_groups: frozenset[str] = frozenset()
    possessives: frozenset[str] = frozenset()
    helping: frozenset[str] = frozenset()
    intents: tuple[Intent, ...] = ()
    # what a typed word counts for when it is less than a word of the subject (1 if not here)
    typed_weights: dict[str, float] = field(default_factory=dict)


def _words(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(word, str) for word in value):
        raise WordListError(f"{DATA_FILE}: {where} must be a list of words")
    return value


def _table(data: dict[str, Any], name: str) -> dict[str, Any]:
    table = data.get(name)
    if not isinstance(table, dict):
        raise WordListError(f"{DATA_FILE}: [{name}] is missing")
    return table


def parse_word_lists(data: dict[str, Any]) -> WordLists:
    """The tables, from the parsed TOML; a word listed twice (under two right spellings, or
    in two synonym blocks) is an error rather than one silently winning."""
    misspellings: dict[str, str] = {}
    for right, wrongs in _table(data, "misspellings").items():
        for wrong in _words(wrongs, f"[misspellings] {right!r}"):
            if wrong in misspellings:
                raise WordListError(f"{DATA_FILE}: misspelling {wrong!r} is listed twice")
            misspellings[wrong] = right

    synonyms: dict[str, tuple[str, ...]] = {}
    typed_weights: dict[str, float] = {}
    blocks = data.get("synonyms")
    if not isinstance(blocks, list):
        raise WordListError(f"{DATA_FILE}: [[synonyms]] is missing")
    for number, block in enumerate(blocks, start=1):
        where = f"[[synonyms]] block {number}"
        if not isinstance(block, dict) or not {"typed", "search"} <= set(block) <= {
            "typed",
            "search",
            "weight",
        }:
            raise WordListError(
                f"{DATA_FILE}: {where} must have `typed` and `search` (and may have `weight`)"
            )
        terms = tuple(_words(block["search"], f"{where} `search`"))
        weight = block.get("weight", 1.0)
        if isinstance(weight, bool) or not isinstance(weight, int | float) or not 0 < weight <= 1:
            raise WordListError(f"{DATA_FILE}: {where} `weight` must be a number in (0, 1]")
        for typed in _words(block["typed"], f"{where} `typed`"):
            if typed in synonyms:
                raise WordListError(f"{DATA_FILE}: {typed!r} is typed in two [[synonyms]] blocks")
            synonyms[typed] = terms
            if weight != 1:
                typed_weights[typed] = float(weight)

    brand_names = _table(data, "brand_names")
    if not all(isinstance(name, str) for name in brand_names.values()):
        raise WordListError(f"{DATA_FILE}: [brand_names] maps a brand to one name")

    not_searched = frozenset(
        word
        for reason, words in _table(data, "not_searched").items()
        for word in _words(words, f"[not_searched] {reason}")
    )
    stopwords = frozenset(_words(_table(data, "stopwords").get("words"), "[stopwords] words"))
    # Every single word of four letters or more of the tables, and the listed ones.
    vocabulary = frozenset(
        {
            text
            for text in (
                *misspellings.values(),
                *synonyms,
                *(term for terms in synonyms.values() for term in terms),
            )
            if " " not in text and len(text) >= 4
        }
        | set(_words(_table(data, "vocabulary").get("more"), "[vocabulary] more"))
    )
    people = _table(data, "people")
    intent_blocks = data.get("intents")
    if not isinstance(intent_blocks, list):
        raise WordListError(f"{DATA_FILE}: [[intents]] is missing")
    intents = []
    for number, block in enumerate(intent_blocks, start=1):
        where = f"[[intents]] block {number}"
        if not isinstance(block, dict) or set(block) != {"name", "when", "search"}:
            raise WordListError(f"{DATA_FILE}: {where} must have `name`, `when` and `search`")
        if not isinstance(block["when"], list) or not block["when"]:
            raise WordListError(f"{DATA_FILE}: {where} `when` must be a list of patterns")
        intents.append(
            Intent(
                name=str(block["name"]),
                when=tuple(tuple(_words(pattern, f"{where} `when`")) for pattern in block["when"]),
                search=tuple(_words(block["search"], f"{where} `search`")),
            )
        )
    return WordLists(
        misspellings=misspellings,
        synonyms=synonyms,
        brand_names=dict(brand_names),
        typed_weights=typed_weights,
        not_searched=not_searched,
        stopwords=stopwords,
        vocabulary=vocabulary,
        people=frozenset(_words(people.get("one"), "[people] one")),
        people_groups=frozenset(_words(people.get("groups"), "[people] groups")),
        possessives=frozenset(_words(people.get("possessives"), "[people] possessives")),
        helping=frozenset(_words(people.get("helping"), "[people] helping")),
        intents=tuple(intents),
    )


@functools.cache
def word_lists() -> WordLists:
    """The word lists of the data file, read once."""
    text = resources.files("naltrack.education").joinpath(DATA_FILE).read_text(encoding="utf-8")
    return parse_word_lists(tomllib.loads(text))


MISSPELLINGS = word_lists().misspellings
SYNONYMS = word_lists().synonyms
TYPED_WEIGHTS = word_lists().typed_weights
BRAND_NAMES = word_lists().brand_names
NOT_SEARCHED = word_lists().not_searched
STOPWORDS = word_lists().stopwords
VOCABULARY = word_lists().vocabulary
PEOPLE = word_lists().people
PEOPLE_GROUPS = word_lists().people_groups
POSSESSIVES = word_lists().possessives
HELPING = word_lists().helping
INTENTS = word_lists().intents
