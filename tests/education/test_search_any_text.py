"""Whatever a stranger types, the search reads it and answers without an error: random text,
and random mixes of the words and phrases its rules look for (so that the rules' edges are
reached: an asking part with nothing in it, "off" at the end, "when" alone)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from naltrack.education.search import MAX_RESULTS, search_articles
from naltrack.education.search.question import read_question
from naltrack.education.synonyms import INTENTS, SYNONYMS

# The words the reading rules turn on, and some of the lists' own phrases.
RULE_WORDS = sorted(
    {"off", "of", "the", "when", "what", "happens", "is", "he", "right", "?", ".", ",", "my"}
    | {word for intent in INTENTS for pattern in intent.when for word in pattern}
    | set(list(SYNONYMS)[::7])
)
QUESTIONS = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(RULE_WORDS), max_size=25).map(" ".join),
)


@given(QUESTIONS)
@settings(max_examples=300, deadline=None)
def test_any_text_is_read_into_groups_that_each_search_something(question: str) -> None:
    reading = read_question(question)
    for group in reading.groups:
        assert group.terms, group
        assert group.weight > 0, group


@pytest.mark.django_db
@given(QUESTIONS)
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_text_gets_an_answer_or_none_never_an_error(real_library: None, question: str) -> None:
    results = search_articles(question).results
    assert len(results) <= MAX_RESULTS
    assert len({result.article.pk for result in results}) == len(results)
