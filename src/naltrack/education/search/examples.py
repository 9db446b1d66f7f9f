"""Which article a question is most likely about, learnt from how readers ask about each one.

An article's title is one question it answers; readers ask the same thing in many ways ("can
my husband have a beer on the shot" is the drinking article's question, whoever it mentions).
``data/reader_questions.toml`` lists, per library article, questions written from the article
by its authors in readers' voices. With the article's own title, summary and keywords they are
the examples of a small classifier, trained once per process: a softmax (multinomial logistic)
regression over the question's words, giving for a new question the chance that each article is
the one it asks about. The ranking adds that chance to the full-text score (``ranking.blend``).

Why a classifier rather than the nearest reader question (the method before it): the nearest
question lets one shared rare word decide ("does naltrexone block the high from heroin" met
"can you get high on naltrexone" and went to the addiction article), where a classifier weighs
every word by how well it tells the articles apart over all their questions at once: "block"
says how it works, "high" says little on its own. Asked of a classifier learnt without them (in
eight folds), the reader questions come first about four times more in a hundred than with the
nearest question (docs/education-search.md).

A question's words, for the classifier, are two kinds (``features_of``):

- ``s:`` the stems the search looks for (its words and their synonyms, "vivitrol" → shot,
  injection), each weighted as the search weighs its group (``question.read_question``:
  mentions and scene-setting count less, the kind of question counts more);
- ``w:`` every word as typed (spelling fixed), stopwords and question words included: "when",
  "how" and "what" say what kind of question it is, which is what tells apart two articles
  on the same subject.

The file is data like the word lists: edit it with the articles; tests/education check that
every slug is a library article and every question reads to something.
"""

from __future__ import annotations

import functools
import math
import random
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

from naltrack.education.loader import ARTICLES_DIR, split_front_matter
from naltrack.education.search.question import Reading, light_stem, read_question
from naltrack.education.synonyms import STOPWORDS

DATA_FILE = "data/reader_questions.toml"

Features = dict[str, float]

# Training (AdaGrad on the softmax loss with an L2 penalty, examples in a fixed shuffled order, so
# every process learns the same weights). Chosen on the reader questions left out in eight folds
# (docs/education-search.md): 5 to 40 epochs, L2 1e-4 to 1e-2 all put 462-467 of 552 first.
EPOCHS = 15
LEARNING_RATE = 0.3
L2 = 1e-3
SEED = 20261205


def features_of(reading: Reading) -> Features:
    """A question already read (``read_question``) as the classifier's features (see the
    module's docstring)."""
    features: Features = {}
    for group in reading.groups:
        for term in group.terms:
            for word in term.words:
                if word in STOPWORDS:
                    continue
                key = "s:" + light_stem(word)
                features[key] = max(features.get(key, 0.0), group.weight)
    for token in reading.tokens:
        features["w:" + light_stem(token)] = 1.0
    return features


def question_features(text: str) -> Features:
    """``features_of`` a question's text."""
    return features_of(read_question(text))


@dataclass(frozen=True)
class ReaderModel:
    """Per article slug, the weight of each feature (the softmax regression's)."""

    weights: dict[str, dict[str, float]]

    def closeness(self, features: Mapping[str, float]) -> dict[str, float]:
        """Per article slug, the chance (0 to 1, summing to 1) that a question (its
        ``question_features``) is the one the article answers; nothing for a question with no
        word any example used."""
        known = {
            key: value
            for key, value in features.items()
            if any(key in weights for weights in self.weights.values())
        }
        if not known:
            return {}
        scores = [
            sum(value * weights.get(key, 0.0) for key, value in known.items())
            for weights in self.weights.values()
        ]
        return dict(zip(self.weights, _softmax(scores), strict=True))


def _softmax(scores: list[float]) -> list[float]:
    top = max(scores)
    powers = [math.exp(score - top) for score in scores]
    total = sum(powers)
    return [power / total for power in powers]


def train(examples: Mapping[str, Sequence[Features]]) -> ReaderModel:
    """A ``ReaderModel`` learnt from each article's example questions (their features)."""
    slugs = list(examples)
    answers = range(len(slugs))
    rows = [(number, one) for number, slug in enumerate(slugs) for one in examples[slug] if one]
    # One row of weights per feature, one weight in it per article: a question's scores are
    # the sum of its features' rows.
    weights: dict[str, list[float]] = {}
    squares: dict[str, list[float]] = {}
    order = random.Random(SEED)  # noqa: S311 - a fixed order of examples, not a secret
    for _epoch in range(EPOCHS):
        order.shuffle(rows)
        for answer, features in rows:
            for key in features:
                if key not in weights:
                    weights[key] = [0.0] * len(slugs)
                    squares[key] = [0.0] * len(slugs)
            scores = [0.0] * len(slugs)
            for key, value in features.items():
                row = weights[key]
                scores = [score + value * weight for score, weight in zip(scores, row, strict=True)]
            chances = _softmax(scores)
            errors = [chances[i] - (1.0 if i == answer else 0.0) for i in answers]
            # An article the example is already sure about has nothing to learn from it.
            learning = [(i, errors[i]) for i in answers if abs(errors[i]) >= 1e-4]
            for key, value in features.items():
                row, seen = weights[key], squares[key]
                for i, error in learning:
                    gradient = error * value + L2 * row[i]
                    seen[i] += gradient * gradient
                    row[i] -= LEARNING_RATE * gradient / math.sqrt(seen[i] + 1e-8)
    return ReaderModel(
        weights={
            slug: {key: row[number] for key, row in weights.items()}
            for number, slug in enumerate(slugs)
        }
    )


def model_of(questions: Mapping[str, Sequence[str]]) -> ReaderModel:
    """A ``ReaderModel`` learnt from example questions per article slug, as text."""
    return train(
        {slug: [question_features(one) for one in asked] for slug, asked in questions.items()}
    )


def read_examples(text: str) -> dict[str, list[str]]:
    """The reader questions of a TOML text: one table per article slug, each a ``questions``
    list."""
    data = tomllib.loads(text)
    return {slug: list(table["questions"]) for slug, table in data.items()}


def library_questions() -> dict[str, list[str]]:
    """The library's reader questions, per article slug."""
    path = resources.files("naltrack.education").joinpath(DATA_FILE)
    return read_examples(path.read_text(encoding="utf-8"))


def library_examples_text() -> dict[str, list[str]]:
    """Every example the classifier learns from, per library article: its reader questions, then
    its title, summary and keywords (the article's own words for what it answers)."""
    examples = library_questions()
    for slug, asked in examples.items():
        front, _body = split_front_matter(
            (ARTICLES_DIR / f"{slug}.md").read_text(encoding="utf-8"), f"{slug}.md"
        )
        asked.extend(front[name] for name in ("title", "summary", "keywords") if front.get(name))
    return examples


@functools.cache
def library_examples() -> ReaderModel:
    """The library's classifier, learnt once per process."""
    return model_of(library_examples_text())
