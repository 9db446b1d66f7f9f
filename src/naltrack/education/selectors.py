"""Reads of the library. Articles are public: no audit, no login; a signed-in member also sees
their own clinic's articles (``ArticleQuerySet.for_reader``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import Http404

from naltrack.accounts.models import Membership
from naltrack.education.citations import Reference, references
from naltrack.education.models import Article
from naltrack.education.topics import OTHER_TOPIC, TOPICS


@dataclass(frozen=True)
class Topic:
    title: str
    articles: list[Article]


def library_topics(*, reader: Any) -> list[Topic]:
    """The reader's articles grouped by topic, in the library's order."""
    articles = {
        article.slug: article
        for article in Article.objects.for_reader(reader).only(
            "slug", "title", "summary", "audience", "clinic_id"
        )
    }
    topics: list[Topic] = []
    for title, slugs in TOPICS:
        listed = [articles.pop(slug) for slug in slugs if slug in articles]
        if listed:
            topics.append(Topic(title=title, articles=listed))
    if articles:
        topics.append(Topic(title=OTHER_TOPIC, articles=sorted(articles.values(), key=str)))
    return topics


def article_for_reader(*, slug: str, reader: Any) -> Article:
    article = Article.objects.for_reader(reader).filter(slug=slug).first()
    if article is None:
        raise Http404("No such article")
    return article


def article_references(article: Article) -> list[Reference]:
    """The article's list of sources, numbered as the citations in its text are."""
    return references(article.body_markdown, article.sources)


def reader_is_staff(user: Any) -> bool:
    """Whether the reader is a clinic's clinician or admin, who also sees the editors' details
    (review date, reviewer, reading grade). Patients and the public do not."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return getattr(user, "role", None) in Membership.STAFF_ROLES


def related_articles(article: Article, *, reader: Any) -> list[Article]:
    """The article's related ones that the reader can see, in the order the writer gave."""
    found = {
        other.slug: other
        for other in Article.objects.for_reader(reader)
        .filter(slug__in=article.related)
        .only("slug", "title", "summary")
    }
    return [found[slug] for slug in article.related if slug in found]
