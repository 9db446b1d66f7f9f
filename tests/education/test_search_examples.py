"""The reader questions each article answers (education/data/reader_questions.toml) and how a new
question is compared with them."""

from __future__ import annotations

from pathlib import Path

import pytest

from naltrack.education.search.examples import (
    library_examples,
    question_features,
    read_examples,
)
from naltrack.education.search.ranking import Ranked, blend

ARTICLES = Path(__file__).resolve().parents[2] / "src" / "naltrack" / "education" / "articles"


def test_every_library_article_has_reader_questions_and_no_other_slug() -> None:
    slugs = {path.stem for path in ARTICLES.glob("*.md")}
    examples = library_examples()
    assert set(examples.by_slug) == slugs
    assert all(len(vectors) >= 8 for vectors in examples.by_slug.values())


def test_a_question_closest_to_one_articles_questions_is_closest_to_that_article() -> None:
    examples = read_examples(
        '[drinking]\nquestions = ["can i drink beer on the shot", "is wine ok with naltrexone"]\n'
        '[liver]\nquestions = ["is naltrexone bad for my liver", "liver tests on vivitrol"]\n'
    )
    near = examples.closeness(question_features("my husband wants a beer, he gets the shot"))
    assert near["drinking"] > near["liver"]
    assert examples.closeness(question_features("is naltrexone bad for my liver"))[
        "liver"
    ] == pytest.approx(1.0)


def test_a_question_that_reads_to_nothing_is_close_to_nothing() -> None:
    assert library_examples().closeness(question_features("the and of ?")) == {}


def test_blend_adds_closeness_to_the_full_text_share_and_reorders() -> None:
    ranked = [Ranked(1, 10.0, 2), Ranked(2, 8.0, 2)]
    blended = blend(ranked, {2: 0.9, 1: 0.1})
    assert [r.article_id for r in blended] == [2, 1]
    assert blended[0].score == pytest.approx(0.8 + 0.9)
    assert blend([], {1: 1.0}) == []
