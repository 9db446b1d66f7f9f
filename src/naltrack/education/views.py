"""The public education library: list by topic, search ("Ask a question") and article pages.

No login and no audit: articles are public (a member also sees their clinic's own articles).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from naltrack.education import selectors
from naltrack.education.crisis import Crisis, crisis_in
from naltrack.education.models import PATIENT_READING_GRADE_MAX, reader_clinic
from naltrack.education.search import MAX_QUERY_CHARS, search_articles


@require_GET
def library(request: HttpRequest) -> HttpResponse:
    topics = selectors.library_topics(reader=request.user)
    return render(request, "education/library.html", {"topics": topics})


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    question = request.GET.get("q", "").strip()[:MAX_QUERY_CHARS]
    outcome = search_articles(question, clinic=reader_clinic(request.user)) if question else None
    crises = crisis_in(question)
    context = {
        "question": question,
        "outcome": outcome,
        # Help comes first, above any article, on the page and in the live results alike.
        "crisis": bool(crises),
        "overdose_first": bool(crises) and crises[0] is Crisis.OVERDOSE,
    }
    if getattr(request, "htmx", False):
        return render(request, "education/_results.html", context)
    return render(request, "education/search.html", context)


@require_GET
def article(request: HttpRequest, slug: str) -> HttpResponse:
    found = selectors.article_for_reader(slug=slug, reader=request.user)
    context = {
        "article": found,
        "references": selectors.article_references(found),
        "related": selectors.related_articles(found, reader=request.user),
        # The review and reading-grade details are for the clinic's staff, not for readers.
        "show_editorial": selectors.reader_is_staff(request.user),
        "grade_target": PATIENT_READING_GRADE_MAX,
    }
    return render(request, "education/article.html", context)
