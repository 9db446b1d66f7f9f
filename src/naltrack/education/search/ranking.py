"""Ranking the articles that match the question's groups, and choosing each one's passage: the
sentence (or two) that matches the most and rarest groups, its matched words marked. The same
on both database engines (see the package's docstring for the scoring).
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from naltrack.education.models import Article
from naltrack.education.reading_level import split_sentences
from naltrack.education.search.fulltext import NO_MATCH, Match, TermMatches
from naltrack.education.search.question import Group, light_stem, normalize
from naltrack.education.synonyms import STOPWORDS

# What a group of the question is worth in an article (times the group's IDF): in the title
# (the question the article answers), in its summary or keywords, and by how often the body
# says it (0 to 1).
WEIGHT_TITLE = 5.0
WEIGHT_SUMMARY = 2.0
WEIGHT_BODY = 1.0
# Results scoring under this share of the best one are left out (but for the first three: see
# search.MIN_RESULTS).
RELATIVE_CUTOFF = 0.15
# The reader's own word, matched with its own IDF, against its synonyms with theirs (see rank).
OWN_WORD_WEIGHT = 0.75
# How much answering only some of the question's groups costs: score x (share answered)^power.
COVERAGE_POWER = 0.5
# How much a title that uses the question's own words lifts an article: x (1 + boost x share).
TITLE_BOOST = 2.0
# How much the reader-question classifier's chance that the question is an article's (0-1) adds
# to its full-text share (0-1): as much as the full text. 0.75 to 1.25 put within five of the
# 552 reader questions left out first, and within a question of the own suite and the tuning
# half (docs/education-search.md); chosen before the held-back questions were asked.
# Checked again with 36 reader questions per article on the 627 questions of the sets already
# opened: 0.75 to 2 moved them by at most ten first and two in the top three; it stays 1.
EXAMPLE_WEIGHT = 1.0


# --- ranking -----------------------------------------------------------------------------------


def _idf(total: int, found: int) -> float:
    """Inverse document frequency as Lucene's BM25 has it: rarer terms count more, and a term
    found in every article still counts a little."""
    return math.log(1 + (total - found + 0.5) / (found + 0.5))


@functools.lru_cache(maxsize=1024)
def _title_words(title: str) -> dict[str, bool]:
    """The title's word stems, each with whether it is a stopword."""
    return {light_stem(word): word in STOPWORDS for word in normalize(title)}


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
class Ranked:
    article_id: int
    score: float
    groups_matched: int


def rank(
    groups: Sequence[Group],
    matches: TermMatches,
    total: int,
    titles: dict[int, str],
    question_words: set[str],
) -> list[Ranked]:
    """Score every article that matches a group (see the module's docstring)."""
    totals: dict[int, float] = {}
    matched: dict[int, int] = {}
    answered: dict[int, float] = {}
    for group in groups:
        best: dict[int, Match] = {}
        for term in group.terms:
            for article_id, match in matches.get(term, {}).items():
                best[article_id] = best.get(article_id, NO_MATCH) | match
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
            totals[article_id] = totals.get(article_id, 0.0) + group.weight * score
            matched[article_id] = matched.get(article_id, 0) + 1
            answered[article_id] = answered.get(article_id, 0.0) + group.weight
    ranked = []
    asked = sum(group.weight for group in groups)
    for article_id, subtotal in totals.items():
        coverage = answered[article_id] / asked
        title = 1 + TITLE_BOOST * _title_overlap(question_words, titles[article_id])
        ranked.append(
            Ranked(article_id, subtotal * coverage**COVERAGE_POWER * title, matched[article_id])
        )
    ranked.sort(key=lambda r: (-r.score, r.article_id))
    return ranked


def blend(ranked: Sequence[Ranked], closeness: dict[int, float]) -> list[Ranked]:
    """The full-text ranking (as a share of its best score) plus the classifier's chance that
    the question is each article's (``examples``), weighted by ``EXAMPLE_WEIGHT``. An article
    the full text did not find but the classifier names is a candidate too, on its chance
    alone: readers ask about an article in words it does not use, which its reader questions
    may."""
    if not ranked:
        return []
    top = ranked[0].score or 1.0
    blended = [
        Ranked(
            r.article_id,
            r.score / top + EXAMPLE_WEIGHT * closeness.get(r.article_id, 0.0),
            r.groups_matched,
        )
        for r in ranked
    ]
    found = {r.article_id for r in ranked}
    blended += [
        Ranked(article_id, EXAMPLE_WEIGHT * chance, 0)
        for article_id, chance in closeness.items()
        if article_id not in found
    ]
    blended.sort(key=lambda r: (-r.score, r.article_id))
    return blended


# --- passages ----------------------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")


def group_weight(group: Group, matches: TermMatches, total: int) -> float:
    """How telling a group is when choosing the passage: rarer groups weigh more."""
    found: set[int] = set()
    for term in group.terms:
        found |= set(matches.get(term, {}))
    return 0.1 + _idf(total, len(found))


class Marker:
    """Finds the question's words in a sentence (stem-aware) and marks them."""

    def __init__(self, groups: Sequence[Group], weights: Sequence[float]) -> None:
        self.groups: list[tuple[float, list[tuple[list[str], bool]]]] = []
        for group, weight in zip(groups, weights, strict=True):
            forms = []
            for term in group.terms:
                words = [w for w in term.words if w not in STOPWORDS] or term.words
                forms.append(
                    ([light_stem(w) if not term.prefix else w for w in words], term.prefix)
                )
            self.groups.append((weight, forms))

    def score(self, sentence: str) -> tuple[float, set[int]]:
        """The sentence's score (the weights of the groups it matches) and the word positions
        to mark."""
        words = [match.group(0).lower() for match in _WORD.finditer(sentence)]
        at: dict[str, set[int]] = {}
        for position, word in enumerate(words):
            at.setdefault(light_stem(word), set()).add(position)
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


def best_passage(article: Article, marker: Marker) -> SafeString:
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
        return Marker.render(article.summary, set())
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
    rendered = [Marker.render(sentence, marker.score(sentence)[1]) for sentence in chosen]
    return mark_safe(" ".join(rendered))
