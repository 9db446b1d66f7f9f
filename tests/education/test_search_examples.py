"""The reader questions each article answers (education/data/reader_questions.toml) and the
classifier learnt from them."""

from __future__ import annotations

from pathlib import Path

import pytest

from naltrack.education.search.examples import (
    library_examples,
    library_examples_text,
    library_questions,
    model_of,
    question_features,
)
from naltrack.education.search.ranking import Ranked, blend

ARTICLES = Path(__file__).resolve().parents[2] / "src" / "naltrack" / "education" / "articles"


def test_every_library_article_has_reader_questions_and_no_other_slug() -> None:
    slugs = {path.stem for path in ARTICLES.glob("*.md")}
    asked = library_questions()
    assert set(asked) == slugs
    assert all(len(questions) >= 8 for questions in asked.values())
    assert set(library_examples().weights) == slugs


def test_the_classifier_also_learns_each_articles_title_summary_and_keywords() -> None:
    examples = library_examples_text()
    drinking = examples["drinking-on-naltrexone"]
    assert (
        drinking[: len(library_questions()["drinking-on-naltrexone"])]
        == (library_questions()["drinking-on-naltrexone"])
    )
    assert drinking[-3] == "Can I drink alcohol while taking naltrexone?"
    assert "sinclair method" in drinking[-1]


DRINKING_OR_LIVER = {
    "drinking": ["can i drink beer on the shot", "is wine ok with naltrexone", "a beer on revia"],
    "liver": ["is naltrexone bad for my liver", "liver tests on vivitrol", "hepatitis c and it"],
}


def test_a_question_in_one_articles_words_is_that_articles() -> None:
    model = model_of(DRINKING_OR_LIVER)
    near = model.closeness(question_features("my husband wants a beer, he gets the shot"))
    assert near["drinking"] > 0.5 > near["liver"]
    assert sum(near.values()) == pytest.approx(1.0)
    far = model.closeness(question_features("what about my liver tests"))
    assert far["liver"] > 0.5 > far["drinking"]


def test_the_classifier_learns_the_same_weights_every_time() -> None:
    assert model_of(DRINKING_OR_LIVER) == model_of(DRINKING_OR_LIVER)


def test_a_question_in_words_no_example_uses_is_close_to_nothing() -> None:
    assert library_examples().closeness(question_features("zzxq qqvv")) == {}


def test_blend_adds_closeness_to_the_full_text_share_and_reorders() -> None:
    ranked = [Ranked(1, 10.0, 2), Ranked(2, 8.0, 2)]
    blended = blend(ranked, {2: 0.9, 1: 0.1})
    assert [r.article_id for r in blended] == [2, 1]
    assert blended[0].score == pytest.approx(0.8 + 0.9)
    assert blend([], {1: 1.0}) == []


def test_blend_adds_an_article_the_full_text_missed_on_the_classifiers_chance_alone() -> None:
    blended = blend([Ranked(1, 10.0, 2), Ranked(2, 1.0, 1)], {3: 0.5})
    assert [(r.article_id, r.groups_matched) for r in blended] == [(1, 2), (3, 0), (2, 1)]
    assert blended[1].score == pytest.approx(0.5)


def test_a_web_worker_learns_the_classifier_as_it_starts() -> None:
    import importlib

    import naltrack.config.wsgi

    library_examples.cache_clear()
    importlib.reload(naltrack.config.wsgi)
    assert library_examples.cache_info().currsize == 1
