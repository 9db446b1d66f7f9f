"""Reads of the library. Articles are public: no audit, no login; a signed-in member also sees
their own clinic's articles (``ArticleQuerySet.for_reader``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import Http404

from naltrack.clinical.evidence import SOURCES, Source
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


def article_sources(article: Article) -> list[Source]:
    return [SOURCES[source_id] for source_id in article.sources if source_id in SOURCES]


def related_articles(article: Article, *, reader: Any) -> list[Article]:
    """The article's related ones that the reader can see, in the order the writer gave."""
    found = {
        other.slug: other
        for other in Article.objects.for_reader(reader)
        .filter(slug__in=article.related)
        .only("slug", "title", "summary")
    }
    return [found[slug] for slug in article.related if slug in found]
