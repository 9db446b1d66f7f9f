"""Reads of the public pages: which clinics a stranger may see, and the library articles the
clinic's page is made of. Nothing here is personal data: no audit."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404

from naltrack.accounts.models import Clinic
from naltrack.education.citations import Reference, references
from naltrack.education.models import Article
from naltrack.public.sections import ALL_SLUGS, COMMON_QUESTIONS, SECTIONS


@dataclass(frozen=True)
class ShownArticle:
    article: Article
    sources: list[Reference]


@dataclass(frozen=True)
class ShownSection:
    heading: str
    anchor: str
    articles: list[ShownArticle]


@dataclass(frozen=True)
class FrontPage:
    sections: list[ShownSection]
    questions: list[Article]


def clinics_public() -> list[Clinic]:
    """The clinics a stranger may find: every clinic that is not suspended."""
    return list(Clinic.objects.open().order_by("name", "id"))


def clinic_public(*, slug: str) -> Clinic:
    clinic = Clinic.objects.open().filter(slug=slug).first()
    if clinic is None:
        raise Http404("No such clinic")
    return clinic


def front_page() -> FrontPage:
    """The page's sections from the library's own published articles, in one query. An article
    unpublished since is left out rather than shown stale (a test keeps the table complete)."""
    found = {
        article.slug: article
        for article in Article.objects.published().filter(clinic__isnull=True, slug__in=ALL_SLUGS)
    }
    sections = [
        ShownSection(
            heading=section.heading,
            anchor=section.anchor,
            articles=[
                ShownArticle(
                    found[slug], references(found[slug].body_markdown, found[slug].sources)
                )
                for slug in section.slugs
                if slug in found
            ],
        )
        for section in SECTIONS
    ]
    return FrontPage(
        sections=[section for section in sections if section.articles],
        questions=[found[slug] for slug in COMMON_QUESTIONS if slug in found],
    )
