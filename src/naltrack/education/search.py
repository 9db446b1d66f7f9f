"""Search the library in the reader's own words.

1. **Normalise** the question: lower case, no accents or punctuation ("can't" → "cant",
   "O.D." → "od"), known misspellings fixed ("naltroxone" → naltrexone).
2. **Read it with the field's synonyms** (``synonyms.py``): the longest known phrase first
   ("cold turkey", "the shot", "pain pills"), then single words; stopwords are dropped. Each
   typed word or phrase becomes a *group*: the reader's own word and its synonyms
   ("vivitrol" → vivitrol | injection | shot).
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
   (title x 5, summary/keywords x 2, body 0-1) times its IDF, counted over the articles any of
   its terms matches ("shot" and "injection" are one idea); the reader's own word may instead
   score with its own, rarer IDF ("narcotic"). The sum over groups is multiplied by the share of
   groups the article answers (square root) and by how much of the article's title the
   question says (the titles are the questions readers ask; stopwords count a quarter).
5. **Passage**: the sentence (or two) of the article that matches the most and rarest groups,
   with the matched words in ``<mark>``; every piece of text is escaped before marks are added.

The weights were chosen on the question suite (tests/education/questions.py) and checked on
both engines; docs/education-search.md has the figures and how to rerun them.
"""

from __future__ import annotations

import difflib
import functools
import math
import re
import time
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections
from django.db.models import F
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from naltrack.accounts.models import Clinic
from naltrack.education.models import Article
from naltrack.education.reading_level import split_sentences
from naltrack.education.synonyms import (
    BRAND_NAMES,
    MISSPELLINGS,
    NOT_SEARCHED,
    STOPWORDS,
    SYNONYMS,
    VOCABULARY,
)

FTS_TABLE = "education_article_fts"
# What a group of the question is worth in an article (times the group's IDF): in the title
# (the question the article answers), in its summary or keywords, and by how often the body
# says it (0 to 1).
WEIGHT_TITLE = 5.0
WEIGHT_SUMMARY = 2.0
WEIGHT_BODY = 1.0
POSTGRES_CONFIG = "english"
MAX_QUERY_CHARS = 200
MAX_GROUPS = 12
MAX_RESULTS = 10
# Results scoring under this share of the best one are left out.
RELATIVE_CUTOFF = 0.15
# How close (difflib ratio) a word found nowhere must be to a word of the field to be read as it.
CORRECTION_CUTOFF = 0.8
# The reader's own word, matched with its own IDF, against its synonyms with theirs (see _rank).
OWN_WORD_WEIGHT = 0.75
# How much answering only some of the question's groups costs: score x (share answered)^power.
COVERAGE_POWER = 0.5
# How much a title that uses the question's own words lifts an article: x (1 + boost x share).
TITLE_BOOST = 2.0

_MAX_PHRASE = max(len(key.split()) for key in (*SYNONYMS, *MISSPELLINGS))
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")


# --- reading the question ----------------------------------------------------------------------


def normalize(text: str) -> list[str]:
    """The question's words: lower case, accents and punctuation gone, apostrophes closed up."""
    text = unicodedata.normalize("NFKD", text[:MAX_QUERY_CHARS])
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    text = re.sub(r"(?<=[a-z])['’`](?=[a-z])", "", text)  # can't → cant
    text = re.sub(r"\b([a-z])\.(?=[a-z]\b)", r"\1", text)  # o.d. → od.
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return text.split()


@dataclass(frozen=True)
class Term:
    text: str  # a word, or words searched as a phrase
    prefix: bool = False

    @property
    def words(self) -> list[str]:
        return self.text.split()


@dataclass
class Group:
    """What one typed word or phrase asks for: any of its terms. ``own`` is the reader's own
    word (when it is searched), the others are its synonyms."""

    typed: str
    terms: list[Term]
    own: Term | None = None


def _group_for(typed: str) -> Group:
    own = None if typed in NOT_SEARCHED else Term(typed)
    terms = [own] if own else []
    terms += [Term(term) for term in SYNONYMS.get(typed, ()) if Term(term) != own]
    return Group(typed=typed, terms=list(dict.fromkeys(terms)), own=own)


def _longest_phrase(tokens: list[str], index: int, table: Collection[str]) -> int:
    """How many tokens from ``index`` on make the longest key of ``table`` (0 if none)."""
    for size in range(min(_MAX_PHRASE, len(tokens) - index), 0, -1):
        if " ".join(tokens[index : index + size]) in table:
            return size
    return 0


def _spelled_right(tokens: list[str]) -> list[str]:
    out: list[str] = []
    index = 0
    while index < len(tokens):
        size = _longest_phrase(tokens, index, MISSPELLINGS)
        if size:
            out += MISSPELLINGS[" ".join(tokens[index : index + size])].split()
            index += size
        else:
            out.append(tokens[index])
            index += 1
    return out


def parse_question(text: str) -> list[Group]:
    """The question as groups of search terms (spelling fixed, synonyms added, stopwords
    dropped)."""
    tokens = _spelled_right(normalize(text))
    groups: dict[frozenset[str], Group] = {}
    index = 0
    while index < len(tokens) and len(groups) < MAX_GROUPS:
        size = _longest_phrase(tokens, index, SYNONYMS) or 1
        typed = " ".join(tokens[index : index + size])
        index += size
        if typed not in SYNONYMS and (
            typed in STOPWORDS or (len(typed) < 2 and not typed.isdigit())
        ):
            continue
        group = _group_for(typed)
        key = frozenset(term.text for term in group.terms)
        if key not in groups:
            groups[key] = group
    return list(groups.values())


# --- asking the database -----------------------------------------------------------------------


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
_NO_MATCH = Match(title=False, summary=False, body=0.0)


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


def _postgres_matches(terms: Sequence[Term], articles: Iterable[int], using: str) -> TermMatches:
    queries = [_tsquery(term) for term in terms]
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
        .annotate(**ranks)
        .values("id", *ranks)
    )
    matches: TermMatches = {term: {} for term in terms}
    for row in rows:
        for number, term in enumerate(terms):
            # ts_rank of one label: 0 when absent (1e-20 for a phrase query: below _PG_ZERO),
            # then 0.61, 0.76, 0.83 … for 1, 2, 3 … mentions.
            title, summary, body = (float(row[f"{label}_{number}"] or 0.0) for label in _PG_LABELS)
            found = Match(
                title=title > _PG_ZERO,
                summary=summary > _PG_ZERO,
                body=body if body > _PG_ZERO else 0.0,
            )
            if found != _NO_MATCH:
                matches[term][row["id"]] = found
    return matches


def _term_matches(terms: Sequence[Term], articles: set[int], using: str) -> TermMatches:
    """Where each visible article matches each term."""
    if not terms:
        return {}
    if connections[using].vendor == "postgresql":
        return _postgres_matches(terms, articles, using)
    return {
        term: {aid: match for aid, match in found.items() if aid in articles}
        for term, found in _sqlite_matches(terms, using).items()
    }


def _idf(total: int, found: int) -> float:
    """Inverse document frequency as Lucene's BM25 has it: rarer terms count more, and a term
    found in every article still counts a little."""
    return math.log(1 + (total - found + 0.5) / (found + 0.5))


def _correction(word: str) -> str | None:
    """The field's word closest in spelling to a word found nowhere (or None). Typing slips
    keep the first letter and most of the word; shorter words are too easily taken for others."""
    if len(word) < 5 or word.isdigit():
        return None
    candidates = [known for known in VOCABULARY if known[0] == word[0]]
    matches = difflib.get_close_matches(word, candidates, n=1, cutoff=CORRECTION_CUTOFF)
    return matches[0] if matches else None


def _fallback_terms(group: Group) -> list[Term]:
    """Terms to try for a group that matched nothing: its word as a prefix, then a correction."""
    if " " in group.typed or group.typed.isdigit():
        return []
    if len(group.typed) >= 3 and not any(term.prefix for term in group.terms):
        return [Term(group.typed, prefix=True)]
    corrected = _correction(group.typed)
    if corrected is None:
        return []
    return _group_for(corrected).terms


# --- ranking and passages ----------------------------------------------------------------------


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


@functools.lru_cache(maxsize=16384)
def _light_stem(word: str) -> str:
    """A rough stem for marking words in a passage (the index does the real stemming)."""
    word = word.lower().replace("’", "'").split("'")[0]
    for suffix, replacement in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: -len(suffix)] + replacement
            break
    for suffix in ("ancy", "ance", "ant", "ing", "ion", "ive", "ed", "al", "ly", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + ("an" if suffix.startswith("an") else "")
            break
    if len(word) >= 4 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word


class _Marker:
    """Finds the question's words in a sentence (stem-aware) and marks them."""

    def __init__(self, groups: Sequence[Group], weights: Sequence[float]) -> None:
        self.groups: list[tuple[float, list[tuple[list[str], bool]]]] = []
        for group, weight in zip(groups, weights, strict=True):
            forms = []
            for term in group.terms:
                words = [w for w in term.words if w not in STOPWORDS] or term.words
                forms.append(
                    ([_light_stem(w) if not term.prefix else w for w in words], term.prefix)
                )
            self.groups.append((weight, forms))

    def score(self, sentence: str) -> tuple[float, set[int]]:
        """The sentence's score (the weights of the groups it matches) and the word positions
        to mark."""
        words = [match.group(0).lower() for match in _WORD.finditer(sentence)]
        at: dict[str, set[int]] = {}
        for position, word in enumerate(words):
            at.setdefault(_light_stem(word), set()).add(position)
        total, marked = 0.0, set()
        for weight, forms in self.groups:
            hits: set[int] = set()
            for parts, prefix in forms:
                found: set[int] = set()
                for part in parts:
                    positions = (
                        {i for i, word in enumerate(words) if word.startswith(part)}
                        if prefix
                        else at.get(part, set())
                    )
                    if not positions:
                        found = set()
                        break
                    found |= positions
                hits |= found
            if hits:
                total += weight
                marked |= hits
        return total, marked

    @staticmethod
    def render(sentence: str, marked: set[int]) -> SafeString:
        out: list[str] = []
        position = 0
        for number, match in enumerate(_WORD.finditer(sentence)):
            out.append(escape(sentence[position : match.start()]))
            word = escape(match.group(0))
            out.append(f"<mark>{word}</mark>" if number in marked else word)
            position = match.end()
        out.append(escape(sentence[position:]))
        return mark_safe("".join(out))


def best_passage(article: Article, marker: _Marker) -> SafeString:
    """The sentence (or two) of the article's text that best answers the question, marked."""
    candidates: list[tuple[float, int, list[str], int]] = []
    order = 0
    for line in article.body_text.splitlines():
        if line.startswith("# "):
            continue
        sentences = split_sentences(line)
        for index in range(len(sentences)):
            candidates.append((0.0, order, sentences, index))
            order += 1
    if not candidates:
        return _Marker.render(article.summary, set())
    best: tuple[float, int, list[str], int] | None = None
    for _, order, sentences, index in candidates:
        score, _marked = marker.score(sentences[index])
        if order == 0:
            score += 0.25  # the first sentence answers the title
        if best is None or score > best[0]:
            best = (score, order, sentences, index)
    assert best is not None
    _, _, sentences, index = best
    chosen = [sentences[index]]
    # A short sentence reads better with the one after it.
    if len(chosen[0]) < 70 and index + 1 < len(sentences):
        chosen.append(sentences[index + 1])
    rendered = [_Marker.render(sentence, marker.score(sentence)[1]) for sentence in chosen]
    return mark_safe(" ".join(rendered))


@functools.lru_cache(maxsize=1024)
def _title_words(title: str) -> dict[str, bool]:
    """The title's word stems, each with whether it is a stopword."""
    return {_light_stem(word): word in STOPWORDS for word in normalize(title)}


def _title_overlap(question_words: set[str], title: str) -> float:
    """Share of the title's words that the question uses (or a synonym of): the titles are the
    questions readers ask. Stopwords count a quarter, so "what is naltrexone?" still finds
    "What is naltrexone?" but "what happens if" alone is not an answer."""
    title_words = _title_words(title)
    if not title_words:
        return 0.0
    weight = {True: 0.25, False: 1.0}
    found = sum(weight[stop] for stem, stop in title_words.items() if stem in question_words)
    return found / sum(weight[stop] for stop in title_words.values())


def _field_score(match: Match) -> float:
    return WEIGHT_TITLE * match.title + WEIGHT_SUMMARY * match.summary + WEIGHT_BODY * match.body


@dataclass(frozen=True)
class _Ranked:
    article_id: int
    score: float
    groups_matched: int


def _rank(
    groups: Sequence[Group],
    matches: TermMatches,
    total: int,
    titles: dict[int, str],
    question_words: set[str],
) -> list[_Ranked]:
    """Score every article that matches a group (see the module's docstring)."""
    totals: dict[int, float] = {}
    matched: dict[int, int] = {}
    for group in groups:
        best: dict[int, Match] = {}
        for term in group.terms:
            for article_id, match in matches.get(term, {}).items():
                best[article_id] = best.get(article_id, _NO_MATCH) | match
        # The group's IDF counts the articles that use any of its words: "shot" and "injection"
        # are one idea, as common as its commonest word. The reader's own word counts with its
        # own IDF: an article that uses the reader's rarer word ("narcotic") is a good answer.
        idf = _idf(total, len(best))
        own = matches.get(group.own, {}) if group.own else {}
        own_idf = _idf(total, len(own))
        for article_id, match in best.items():
            score = idf * _field_score(match)
            if article_id in own:
                score = max(score, OWN_WORD_WEIGHT * own_idf * _field_score(own[article_id]))
            totals[article_id] = totals.get(article_id, 0.0) + score
            matched[article_id] = matched.get(article_id, 0) + 1
    ranked = []
    for article_id, subtotal in totals.items():
        coverage = matched[article_id] / len(groups)
        title = 1 + TITLE_BOOST * _title_overlap(question_words, titles[article_id])
        ranked.append(
            _Ranked(article_id, subtotal * coverage**COVERAGE_POWER * title, matched[article_id])
        )
    ranked.sort(key=lambda r: (-r.score, r.article_id))
    return ranked


def search_articles(
    question: str,
    *,
    clinic: Clinic | None = None,
    limit: int = MAX_RESULTS,
    using: str = "default",
) -> SearchOutcome:
    """The articles a reader (of ``clinic``, or the public) sees, best answer first."""
    started = time.perf_counter()
    groups = parse_question(question)
    outcome = SearchOutcome(question=question, groups=groups)
    if not groups:
        return outcome
    titles = dict(Article.objects.using(using).for_clinic(clinic).values_list("id", "title"))
    if not titles:
        return outcome
    visible = set(titles)
    terms = list(dict.fromkeys(term for group in groups for term in group.terms))
    matches = _term_matches(terms, visible, using)
    # Groups that found nothing: try the typed word as a prefix, then a spelling correction.
    for _attempt in range(2):
        retry: list[Term] = []
        for group in groups:
            if any(matches.get(term) for term in group.terms):
                continue
            extra = [term for term in _fallback_terms(group) if term not in group.terms]
            group.terms.extend(extra)
            retry.extend(term for term in extra if term not in matches)
        if not retry:
            break
        matches.update(_term_matches(retry, visible, using))

    answered = [group for group in groups if any(matches.get(term) for term in group.terms)]
    outcome.groups = answered
    if answered:
        words = normalize(question)
        question_words = (
            {_light_stem(word) for word in words}
            | {
                _light_stem(word)
                for group in answered
                for term in group.terms
                for word in term.words
            }
            | {_light_stem(BRAND_NAMES[word]) for word in words if word in BRAND_NAMES}
        )
        ranked = _rank(answered, matches, len(visible), titles, question_words)
        top = ranked[0].score
        kept = [r for r in ranked if r.score >= top * RELATIVE_CUTOFF][:limit]
        articles = Article.objects.using(using).in_bulk([r.article_id for r in kept])
        weights = [_group_weight(group, matches, len(visible)) for group in answered]
        marker = _Marker(answered, weights)
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


def _group_weight(group: Group, matches: TermMatches, total: int) -> float:
    """How telling a group is when choosing the passage: rarer groups weigh more."""
    found: set[int] = set()
    for term in group.terms:
        found |= set(matches.get(term, {}))
    return 0.1 + _idf(total, len(found))
