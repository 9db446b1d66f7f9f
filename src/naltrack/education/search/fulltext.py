"""Asking the database's full-text engine where each term matches each article: in the
title, in the summary or keywords, and how strongly in the body. One query per engine for all
the terms. SQLite: the FTS5 table (migration 0002), ``bm25()`` one column at a time with FTS5's
IDF divided out. PostgreSQL: ``ts_rank`` one label at a time over ``Article.search_document``,
the weighted tsvector with its GIN index.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections
from django.db.models import BooleanField, ExpressionWrapper, F, Q

from naltrack.education.models import Article
from naltrack.education.search.question import Term

FTS_TABLE = "education_article_fts"
POSTGRES_CONFIG = "english"


@dataclass(frozen=True)
class Match:
    """Where an article matches a term: in its title, in its summary or keywords, and how
    strongly in its body (term frequency, saturating: 0 none, towards 1 for many mentions)."""

    title: bool
    summary: bool
    body: float

    def __or__(self, other: Match) -> Match:
        return Match(
            self.title or other.title, self.summary or other.summary, max(self.body, other.body)
        )


# term → {article id: where it matches}
TermMatches = dict[Term, dict[int, Match]]
NO_MATCH = Match(title=False, summary=False, body=0.0)


def _fts5_string(term: Term) -> str:
    # Terms are made of [a-z0-9] words only (see normalize and synonyms), so quoting is safe.
    quoted = '"' + " ".join(term.words) + '"'
    return quoted + "*" if term.prefix else quoted


# FTS5's bm25() with one column weighted 1 and the others 0 scores that column alone.
_FTS5_COLUMNS = ", ".join(
    f"bm25({FTS_TABLE}, {', '.join('1' if i == column else '0' for i in range(4))})"
    for column in range(4)
)
_FTS5_K1 = 1.2  # FTS5's fixed BM25 parameter


def _sqlite_matches(terms: Sequence[Term], using: str) -> TermMatches:
    select = f"SELECT %s, rowid, {_FTS5_COLUMNS} FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"  # noqa: S608  (no user text: names are constants, the term is a parameter)
    sql = " UNION ALL ".join([select] * len(terms))
    params: list[int | str] = []
    for number, term in enumerate(terms):
        params += [number, _fts5_string(term)]
    rows: dict[int, list[tuple[int, float, float, float, float]]] = {}
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {FTS_TABLE}")  # noqa: S608  (constant)
        (total,) = cursor.fetchone()
        cursor.execute(sql, params)
        for number, article_id, title, summary, keywords, body in cursor.fetchall():
            rows.setdefault(number, []).append((article_id, title, summary, keywords, body))
    matches: TermMatches = {term: {} for term in terms}
    for number, found in rows.items():
        # bm25() = -IDF x tf(k1 + 1) / (tf + k1 x length factor): dividing by IDF and (k1 + 1)
        # leaves the saturating term frequency in [0, 1).
        idf = max(math.log((total - len(found) + 0.5) / (len(found) + 0.5)), 1e-6)
        scale = -1.0 / (idf * (_FTS5_K1 + 1))
        for article_id, title, summary, keywords, body in found:
            matches[terms[number]][article_id] = Match(
                title=title < 0, summary=summary < 0 or keywords < 0, body=body * scale
            )
    return matches


def _tsquery(term: Term) -> SearchQuery:
    raw = " <-> ".join(term.words)
    if term.prefix:
        raw += ":*"
    return SearchQuery(raw, search_type="raw", config=POSTGRES_CONFIG)


# ts_rank weights for the labels D, C, B, A of Article.search_document (title A, summary and
# keywords B, body C): one label at a time.
_PG_LABELS = {
    "title": [0.0, 0.0, 0.0, 1.0],
    "summary": [0.0, 0.0, 1.0, 0.0],
    "body": [0.0, 1.0, 0.0, 0.0],
}

_PG_ZERO = 1e-6


# Words the PostgreSQL configuration drops as stopwords, learnt from the server as they come up.
_PG_STOPWORDS: dict[str, bool] = {}


def _pg_stopwords(words: set[str], using: str) -> set[str]:
    unknown = sorted(words - set(_PG_STOPWORDS))
    if unknown:
        with connections[using].cursor() as cursor:
            cursor.execute(
                "SELECT w, to_tsvector(%s::regconfig, w) = ''::tsvector FROM unnest(%s::text[]) AS w",
                [POSTGRES_CONFIG, unknown],
            )
            _PG_STOPWORDS.update(cursor.fetchall())
    return {word for word in words if _PG_STOPWORDS[word]}


def _literal_phrases(terms: Sequence[Term], using: str) -> dict[int, Q]:
    """For each phrase with a stopword in it: where the article says it as it is. PostgreSQL
    drops the stopwords of a phrase query ("which is better" is searched as "better"), where
    SQLite's index keeps them; requiring the words as typed keeps the two engines the same."""
    phrases = {number: term for number, term in enumerate(terms) if len(term.words) > 1}
    stop = _pg_stopwords({word for term in phrases.values() for word in term.words}, using)
    return {
        number: Q(title__icontains=term.text)
        | Q(summary__icontains=term.text)
        | Q(keywords__icontains=term.text)
        | Q(body_text__icontains=term.text)
        for number, term in phrases.items()
        if stop & set(term.words)
    }


def _postgres_matches(terms: Sequence[Term], articles: Iterable[int], using: str) -> TermMatches:
    queries = [_tsquery(term) for term in terms]
    literal = {
        f"literal_{number}": ExpressionWrapper(where, output_field=BooleanField())
        for number, where in _literal_phrases(terms, using).items()
    }
    any_term = queries[0]
    for query in queries[1:]:
        any_term = any_term | query
    ranks = {
        f"{label}_{number}": SearchRank(F("search_document"), query, weights=weights)
        for number, query in enumerate(queries)
        for label, weights in _PG_LABELS.items()
    }
    rows = (
        Article.objects.using(using)
        .filter(id__in=list(articles))
        .filter(search_document=any_term)
        .annotate(**ranks, **literal)
        .values("id", *ranks, *literal)
    )
    matches: TermMatches = {term: {} for term in terms}
    for row in rows:
        for number, term in enumerate(terms):
            if row.get(f"literal_{number}") is False:
                continue
            # ts_rank of one label: 0 when absent (1e-20 for a phrase query: below _PG_ZERO),
            # then 0.61, 0.76, 0.83 … for 1, 2, 3 … mentions.
            title, summary, body = (float(row[f"{label}_{number}"] or 0.0) for label in _PG_LABELS)
            found = Match(
                title=title > _PG_ZERO,
                summary=summary > _PG_ZERO,
                body=body if body > _PG_ZERO else 0.0,
            )
            if found != NO_MATCH:
                matches[term][row["id"]] = found
    return matches


def term_matches(terms: Sequence[Term], articles: set[int], using: str) -> TermMatches:
    """Where each visible article matches each term."""
    if not terms:
        return {}
    if connections[using].vendor == "postgresql":
        return _postgres_matches(terms, articles, using)
    return {
        term: {aid: match for aid, match in found.items() if aid in articles}
        for term, found in _sqlite_matches(terms, using).items()
    }
