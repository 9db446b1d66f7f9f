"""The search's parts: reading the question, ranking, passages, index kept in step, scoping."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from django.db import connection

from naltrack.education.models import Article
from naltrack.education.search import normalize, parse_question, search_articles
from naltrack.education.search.fulltext import term_matches
from naltrack.education.search.question import Term
from naltrack.education.synonyms import MISSPELLINGS, SYNONYMS
from tests.factories import ClinicFactory


def slugs(question: str, **kwargs: object) -> list[str]:
    return [result.article.slug for result in search_articles(question, **kwargs).results]  # type: ignore[arg-type]


def terms_of(question: str) -> list[list[str]]:
    return [[term.text for term in group.terms] for group in parse_question(question)]


def test_normalize_lowercases_and_drops_punctuation() -> None:
    assert normalize("Can't I DRINK on Vivitrol?!") == ["cant", "i", "drink", "on", "vivitrol"]
    assert normalize("what's an O.D.") == ["whats", "an", "od"]
    assert normalize("naïve café") == ["naive", "cafe"]


def test_synonyms_and_misspellings() -> None:
    assert terms_of("can i drink on vivitrol") == [
        ["drink", "alcohol", "drinking"],
        ["vivitrol", "injection", "shot"],
    ]
    assert terms_of("naltroxone") == [["naltrexone"]]
    assert terms_of("nal trex") == [["naltrexone"]]
    assert terms_of("quit cold turkey") == [["quit", "stop"], ["cold turkey", "stop"]]
    assert terms_of("the shot") == [["injection", "shot"]]  # "the" alone is not searched
    assert ["narcan", "naloxone"] in terms_of("where do i get narcan")
    assert ["od", "overdose"] in terms_of("what does an od look like")
    assert ["pregnant", "pregnancy"] in terms_of("im pregnant")
    assert ["breastfeeding", "breast milk"] in terms_of("nursing")
    assert ["lfts", "liver tests", "liver"] in terms_of("LFTs")
    assert ["price", "insurance", "cost"] in terms_of("price")
    assert ["wean", "taper"] in terms_of("wean")
    assert terms_of("what is it and how do i") == []  # stopwords only


def test_synonym_tables_are_normalised_text() -> None:
    for key in [*SYNONYMS, *MISSPELLINGS, *MISSPELLINGS.values()]:
        assert " ".join(normalize(key)) == key
    for terms in SYNONYMS.values():
        assert all(" ".join(normalize(term)) == term for term in terms)


@pytest.mark.django_db
def test_best_answer_first(small_library: Path) -> None:
    assert slugs("can i drink booze on naltrexone")[0] == "drinking-on-naltrexone"
    assert slugs("what happens if i quit cold turkey")[0] == "stopping-naltrexone"
    assert slugs("naltroxone and my livr")[0] == "liver-safety"
    assert slugs("") == []
    assert slugs("zebra crossing") == []


@pytest.mark.django_db
def test_prefix_and_spelling_fallbacks(small_library: Path) -> None:
    assert slugs("withdr")[0] == "stopping-naltrexone"  # still typing
    assert slugs("hepatits")[0] == "liver-safety"  # not in the list of misspellings


@pytest.mark.django_db
def test_passage_marks_the_matching_words(small_library: Path) -> None:
    result = search_articles("will i go into withdrawal if i stop").results[0]
    assert result.article.slug == "stopping-naltrexone"
    assert "<mark>withdrawal</mark>" in result.passage
    assert "<mark>stop</mark>" in result.passage
    assert "(source:" not in result.passage


@pytest.mark.django_db
def test_passage_text_is_escaped(small_library: Path) -> None:
    result = search_articles("script forms").results[0]
    assert "<script>" not in result.passage
    # (PostgreSQL's parser reads "<script>" as a tag and does not index the word, so no mark.)
    assert re.search(r"&lt;(<mark>)?script(</mark>)?&gt;alert\(&#x27;x&#x27;\)", result.passage)
    assert "&amp;" in result.passage
    assert "<mark>forms</mark>" in result.passage


@pytest.mark.django_db
def test_the_index_follows_every_write(small_library: Path) -> None:
    article = Article.objects.get(slug="liver-safety")
    article.body_markdown = "Zanzibar is where the liver clinic meets (source: REVIA)."
    article.save()
    assert slugs("zanzibar") == ["liver-safety"]
    Article.objects.filter(slug="liver-safety").update(keywords="quokka")
    assert slugs("quokka") == ["liver-safety"]
    Article.objects.filter(slug="liver-safety").delete()
    assert slugs("zanzibar") == []


@pytest.mark.django_db
def test_unpublished_and_other_clinics_articles_are_not_found(small_library: Path) -> None:
    clinic, other = ClinicFactory(), ClinicFactory()
    Article.objects.create(
        slug="our-parking",
        title="Where to park at our clinic",
        summary="Parking is free behind the building.",
        audience=["patient"],
        reading_level_target=6,
        sources=["NALTRACK"],
        last_reviewed=dt.date(2026, 11, 1),
        reviewer_role="Clinic manager",
        body_markdown="Parking is free behind the building (source: NALTRACK).",
        clinic=clinic,
    )
    assert slugs("parking") == []
    assert slugs("parking", clinic=other) == []
    assert slugs("parking", clinic=clinic) == ["our-parking"]
    Article.objects.filter(slug="liver-safety").update(is_published=False)
    assert "liver-safety" not in slugs("liver")


@pytest.mark.django_db
def test_sqlite_index_triggers_exist() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("the FTS5 index is SQLite's")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'education_article'"
        )
        names = {row[0] for row in cursor.fetchall()}
    assert names == {
        "education_article_fts_insert",
        "education_article_fts_update",
        "education_article_fts_delete",
    }


@pytest.mark.django_db
def test_postgres_index_and_trigger_exist() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the tsvector column and GIN index are PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'education_article_search'"
        )
        assert "gin (search_document)" in cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM education_article WHERE search_document IS NULL")
        assert cursor.fetchone()[0] == 0


@pytest.mark.django_db
def test_a_phrase_with_stopwords_matches_as_typed_on_either_engine(real_library: None) -> None:
    # PostgreSQL's configuration drops "which" and "is" from a phrase query; SQLite keeps them.
    ids = dict(Article.objects.values_list("id", "slug"))
    found = term_matches([Term("which is better")], set(ids), "default")[Term("which is better")]
    assert {ids[article_id] for article_id in found} == {"tablets-or-injection"}
