"""Flesch-Kincaid grade level of an article's text, computed the same way for every article.

grade = 0.39 x (words / sentences) + 11.8 x (syllables / words) - 15.59
(Kincaid JP et al., 1975). Each heading, list item and paragraph is its own block, and a block
ends a sentence even without a full stop, so a heading is not glued to the sentence after it.
Syllables are counted by the usual vowel-group rule with a few fixes (silent final "e", "-ed"
that is not its own syllable); a hyphenated word counts as its parts; a number counts as one
one-syllable word. The figure is an estimate like every readability formula: it is shown to the
reader and checked against the 8th-grade target for patient articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Abbreviations whose full stop does not end a sentence.
_ABBREVIATIONS = re.compile(r"\b(?:e\.g|i\.e|etc|vs|Dr|Mr|Mrs|Ms|St|approx|U\.S)\.", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+")
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d+(?:[.,]\d+)*")

# Words the vowel-group rule gets wrong that are common in this library.
_SYLLABLE_EXCEPTIONS = {
    "naloxone": 3,
    "naltrexone": 3,
    "vivitrol": 3,
    "revia": 3,
    "create": 2,
    "created": 3,
    "area": 3,
    "idea": 3,
    "being": 2,
    "doing": 2,
    "going": 2,
    "people": 2,
    "every": 2,
    "everyone": 3,
    "everything": 3,
    "someone": 2,
    "something": 2,
    "sometimes": 2,
    "anyone": 3,
    "business": 2,
    "liver": 2,
    "fentanyl": 3,
    "quiet": 2,
    "science": 2,
    "diet": 2,
    "via": 2,
}


def count_syllables(word: str) -> int:
    """Syllables in one word (at least 1)."""
    letters = re.sub(r"[^a-z]", "", word.lower())
    if not letters:
        return 1  # a number
    if letters in _SYLLABLE_EXCEPTIONS:
        return _SYLLABLE_EXCEPTIONS[letters]
    if len(letters) <= 3:
        return 1
    stem = letters
    if (stem.endswith("ed") and not stem.endswith(("ted", "ded"))) or (
        re.search(r"[^laeiouy]es$", stem) and not stem.endswith(("ses", "zes", "ces", "ges"))
    ):
        stem = stem[:-2]
    elif re.search(r"[^laeiouy]e$", stem):
        stem = stem[:-1]
    stem = re.sub(r"^y", "", stem)
    return max(1, len(re.findall(r"[aeiouy]{1,2}", stem)))


def split_sentences(block: str) -> list[str]:
    """The sentences of one block of text (a paragraph, heading or list item)."""
    protected = _ABBREVIATIONS.sub(lambda m: m.group(0).replace(".", "\x00"), block)
    parts = _SENTENCE_END.split(protected.strip())
    return [part.replace("\x00", ".").strip() for part in parts if part.strip()]


def words_of(text: str) -> list[str]:
    return [word for token in _WORD.findall(text) for word in token.split("-") if word]


@dataclass(frozen=True)
class Readability:
    sentences: int
    words: int
    syllables: int

    @property
    def grade(self) -> float:
        """Flesch-Kincaid grade level, rounded to one decimal (0 for an empty text)."""
        if not self.words or not self.sentences:
            return 0.0
        value = 0.39 * (self.words / self.sentences) + 11.8 * (self.syllables / self.words) - 15.59
        return round(value, 1)


def readability(blocks: Iterable[str]) -> Readability:
    sentences = words = syllables = 0
    for block in blocks:
        for sentence in split_sentences(block):
            sentence_words = words_of(sentence)
            if not sentence_words:
                continue
            sentences += 1
            words += len(sentence_words)
            syllables += sum(count_syllables(word) for word in sentence_words)
    return Readability(sentences=sentences, words=words, syllables=syllables)


def flesch_kincaid_grade(blocks: Iterable[str]) -> float:
    return readability(blocks).grade
