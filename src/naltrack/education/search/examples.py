"""The questions each library article answers, as readers ask them, and how close a new
question is to them.

An article's title is one question it answers; readers ask the same thing in many ways ("can
my husband have a beer on the shot" is the drinking article's question, whoever it mentions).
``data/reader_questions.toml`` lists, per library article, questions written from the article
by its authors in readers' voices. A new question is compared with each of them the way the
search reads questions (``question.read_question``: spelling fixed, synonyms added, mentions
and scene-setting weighed down), as IDF-weighted word stems: cosine similarity, best over the
article's questions. The ranking blends it with the full-text score (``ranking.blend``).

The file is data like the word lists: edit it with the articles; tests/education check that
every slug is a library article and every question reads to something.
"""

from __future__ import annotations

import functools
import math
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from naltrack.education.search.question import Group, light_stem, read_question
from naltrack.education.synonyms import STOPWORDS

DATA_FILE = "data/reader_questions.toml"

Vector = dict[str, float]


def question_features(text: str) -> dict[str, float]:
    """The question's word stems (its words and their synonyms), each weighted as the search
    weighs the group it belongs to."""
    return features_of(read_question(text).groups)


def features_of(groups: Sequence[Group]) -> dict[str, float]:
    """``question_features`` of a question already read (``read_question``'s groups)."""
    features: dict[str, float] = {}
    for group in groups:
        for term in group.terms:
            for word in term.words:
                if word in STOPWORDS:
                    continue
                stem = light_stem(word)
                features[stem] = max(features.get(stem, 0.0), group.weight)
    return features


@dataclass(frozen=True)
class Examples:
    """The reader questions of every article, ready to compare with."""

    idf: dict[str, float]
    by_slug: dict[str, tuple[Vector, ...]]

    def vector(self, features: dict[str, float]) -> Vector:
        vector = {
            stem: weight * self.idf.get(stem, self.unseen) for stem, weight in features.items()
        }
        norm = math.sqrt(sum(value * value for value in vector.values())) or 1.0
        return {stem: value / norm for stem, value in vector.items()}

    @property
    def unseen(self) -> float:
        """A word no reader question uses is as telling as the rarest one."""
        return max(self.idf.values(), default=1.0)

    def closeness(self, features: dict[str, float]) -> dict[str, float]:
        """Per article slug, how close a question (its ``question_features``) is to the nearest
        of the article's reader questions (cosine, 0 to 1)."""
        asked = self.vector(features)
        if not asked:
            return {}
        return {
            slug: max(
                sum(value * known.get(stem, 0.0) for stem, value in asked.items())
                for known in vectors
            )
            for slug, vectors in self.by_slug.items()
        }


def read_examples(text: str) -> Examples:
    """The reader questions of a TOML text: one table per article slug, each a ``questions``
    list."""
    data = tomllib.loads(text)
    return examples_of({slug: table["questions"] for slug, table in data.items()})


def examples_of(questions: dict[str, list[str]]) -> Examples:
    """The reader questions per article slug, ready to compare with."""
    return examples_from_features(
        {slug: [question_features(one) for one in asked] for slug, asked in questions.items()}
    )


def examples_from_features(features: dict[str, list[dict[str, float]]]) -> Examples:
    """As ``examples_of``, from questions already read (``question_features``)."""
    every = [one for per_article in features.values() for one in per_article]
    counts: dict[str, int] = {}
    for one in every:
        for stem in one:
            counts[stem] = counts.get(stem, 0) + 1
    idf = {stem: math.log(1 + len(every) / count) for stem, count in counts.items()}
    partial = Examples(idf=idf, by_slug={})
    return Examples(
        idf=idf,
        by_slug={
            slug: tuple(partial.vector(one) for one in per_article if one)
            for slug, per_article in features.items()
        },
    )


@functools.cache
def library_examples() -> Examples:
    """The library's reader questions, read once per process."""
    path = resources.files("naltrack.education").joinpath(DATA_FILE)
    return read_examples(path.read_text(encoding="utf-8"))
