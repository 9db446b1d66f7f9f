"""The question suite (questions.py) against the real articles, on whichever database the suite
runs (SQLite FTS5 or PostgreSQL): ≥ 90% first, 100% in the top three."""

from __future__ import annotations

import pytest

from tests.education.questions import QUESTIONS, evaluate


def test_the_suite_is_big_enough() -> None:
    assert len(QUESTIONS) >= 60
    assert len({question.text for question in QUESTIONS}) == len(QUESTIONS)


@pytest.mark.django_db
def test_real_questions_find_their_article(real_library: None) -> None:
    figures = evaluate()
    misses = "\n".join(
        f"  {question.text!r} → {question.slug}: got {slugs}" for question, slugs in figures.misses
    )
    assert figures.top3 == figures.total, f"not in the top three:\n{misses}"
    assert figures.first_share >= 0.90, f"first {figures.first}/{figures.total}:\n{misses}"
