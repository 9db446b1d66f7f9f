"""Search the library in the reader's own words.

1. **Normalise** the question: lower case, no accents or punctuation ("can't" → "cant",
   "O.D." → "od"), known misspellings fixed ("naltroxone" → naltrexone).
2. **Read what it asks** (``question.read_question``): the sentences or clauses that ask count
   in full and those that set the scene half; a mentioned relative ("my husband") counts little
   unless the question is about helping them; the kind of question ("how it works", "how long
   it lasts", "start again") is read from patterns of words and searched as a group of its own,
   and the words that showed it are not searched again.
   Then **with the field's synonyms** (``education.synonyms``: the word lists of
   ``education/data/synonyms.toml``): the longest known phrase first ("cold turkey",
   "the shot", "pain pills"), then single words; stopwords are dropped. Each typed word or
   phrase becomes a *group*: the reader's own word and its synonyms ("vivitrol" → vivitrol |
   injection | shot).
3. **Ask the database's full-text engine** where each term matches each article: in the title,
   in the summary or keywords, and how often in the body (a saturating term frequency, 0-1).
   SQLite: the FTS5 table, ``bm25()`` one column at a time with FTS5's IDF divided out.
   PostgreSQL: ``ts_rank`` one label at a time over ``Article.search_document``, the weighted
   tsvector (title A, summary and keywords B, body C) with its GIN index. Both engines stem
   (porter / english), so "stopping" finds "stop", and both are kept in step with the article
   table by triggers (migration 0002), whoever writes. One query per engine for all terms.
   A group that matches nothing is tried again as a prefix ("withdr" → withdrawal) and then
   as the closest word of the field's vocabulary ("hepatits" → hepatitis).
4. **Rank**, the same way on both engines: a group scores in an article by where it matches
   (title x 5, summary/keywords x 2, body 0-1) times its IDF and its weight (step 2), counted over the articles any of
   its terms matches ("shot" and "injection" are one idea); the reader's own word may instead
   score with its own, rarer IDF ("narcotic"). The sum over groups is multiplied by the
   weighted share of groups the article answers (square root) and by how much of the article's title the
   question says (the titles are the questions readers ask; stopwords count a quarter).
   Then **ask the reader-question classifier** (``examples``): learnt once per process from
   each library article's reader questions (``data/reader_questions.toml``) and its title,
   summary and keywords, it gives the chance that the question is each article's. An article's
   score is its share of the best full-text score plus that chance; an article the classifier
   names is a candidate even where the full text found none of the question's words. Results
   far behind the first are left out, but the first three are always shown.
5. **Passage**: the sentence (or two) of the article that matches the most and rarest groups,
   with the matched words in ``<mark>``; every piece of text is escaped before marks are added.

The steps live in this package's modules: ``question`` reads the question (1, 2, and the
retries of 3), ``fulltext`` asks the database (3), ``ranking`` ranks and picks passages (4, 5);
``examples`` learns and asks the classifier (4); ``search_articles`` below runs them in turn.

The weights were chosen on the question suite (tests/education/questions.py) and the tuning
half of the questions written blind (tests/education/questions_tuning.py), on both engines; docs/education-search.md has the figures and how to rerun them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from django.utils.safestring import SafeString

from naltrack.accounts.models import Clinic
from naltrack.education.models import Article
from naltrack.education.search.examples import features_of, library_examples
from naltrack.education.search.fulltext import (
    FTS_TABLE,
    POSTGRES_CONFIG,
    Match,
    term_matches,
)
from naltrack.education.search.question import (
    MAX_QUERY_CHARS,
    Group,
    Term,
    fallback_terms,
    light_stem,
    normalize,
    parse_question,
    read_question,
)
from naltrack.education.search.ranking import (
    RELATIVE_CUTOFF,
    Marker,
    best_passage,
    blend,
    group_weight,
    rank,
)
from naltrack.education.synonyms import BRAND_NAMES

__all__ = [
    "FTS_TABLE",
    "MAX_QUERY_CHARS",
    "MAX_RESULTS",
    "POSTGRES_CONFIG",
    "Group",
    "Match",
    "SearchOutcome",
    "SearchResult",
    "Term",
    "best_passage",
    "normalize",
    "parse_question",
    "search_articles",
]

MAX_RESULTS = 10
# Results under ranking.RELATIVE_CUTOFF of the best are left out, but never the first three: a
# question whose first answer is far ahead ("can i take ibuprofen with naltrexone": pain) may
# still be asked of a second article (other medicines), and a reader looks at three.
MIN_RESULTS = 3


@dataclass
class SearchResult:
    article: Article
    score: float
    passage: SafeString
    groups_matched: int


@dataclass
class SearchOutcome:
    question: str
    groups: list[Group]
    results: list[SearchResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def understood(self) -> list[str]:
        """The words searched for, for showing "searched for …" under the results."""
        return [group.typed for group in self.groups]


def search_articles(
    question: str,
    *,
    clinic: Clinic | None = None,
    limit: int = MAX_RESULTS,
    using: str = "default",
) -> SearchOutcome:
    """The articles a reader (of ``clinic``, or the public) sees, best answer first."""
    started = time.perf_counter()
    reading = read_question(question)
    # Read for the classifier now: the retries below add terms to the groups.
    features = features_of(reading)
    groups = reading.groups
    outcome = SearchOutcome(question=question, groups=groups)
    if not groups:
        return outcome
    rows = (
        Article.objects.using(using)
        .for_clinic(clinic)
        .values_list("id", "title", "slug", "clinic_id")
    )
    if not rows:
        return outcome
    titles = {article_id: title for article_id, title, _slug, _clinic in rows}
    # The reader questions are the library's: a clinic's own article has none.
    library = {
        slug: article_id for article_id, _title, slug, clinic_id in rows if clinic_id is None
    }
    visible = set(titles)
    terms = list(dict.fromkeys(term for group in groups for term in group.terms))
    matches = term_matches(terms, visible, using)
    # Groups that found nothing: try the typed word as a prefix, then a spelling correction.
    for _attempt in range(2):
        retry: list[Term] = []
        for group in groups:
            if any(matches.get(term) for term in group.terms):
                continue
            extra = [term for term in fallback_terms(group) if term not in group.terms]
            group.terms.extend(extra)
            retry.extend(term for term in extra if term not in matches)
        if not retry:
            break
        matches.update(term_matches(retry, visible, using))

    answered = [group for group in groups if any(matches.get(term) for term in group.terms)]
    outcome.groups = answered
    if answered:
        words = reading.words
        question_words = (
            {light_stem(word) for word in words}
            | {
                light_stem(word)
                for group in answered
                for term in group.terms
                for word in term.words
            }
            | {light_stem(BRAND_NAMES[word]) for word in words if word in BRAND_NAMES}
        )
        ranked = rank(answered, matches, len(visible), titles, question_words)
        closeness = library_examples().closeness(features)
        ranked = blend(
            ranked, {library[slug]: near for slug, near in closeness.items() if slug in library}
        )
        top = ranked[0].score
        kept = [
            r
            for place, r in enumerate(ranked)
            if place < MIN_RESULTS or r.score >= top * RELATIVE_CUTOFF
        ][:limit]
        articles = Article.objects.using(using).in_bulk([r.article_id for r in kept])
        weights = [group_weight(group, matches, len(visible)) for group in answered]
        marker = Marker(answered, weights)
        outcome.results = [
            SearchResult(
                article=articles[r.article_id],
                score=r.score,
                passage=best_passage(articles[r.article_id], marker),
                groups_matched=r.groups_matched,
            )
            for r in kept
            if r.article_id in articles
        ]
    outcome.seconds = time.perf_counter() - started
    return outcome
