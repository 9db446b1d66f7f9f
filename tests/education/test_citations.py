"""Citations in an article's text: numbered links to its list of sources, never raw ids."""

from __future__ import annotations

import datetime as dt
import importlib
import re
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection

from naltrack.clinical.evidence import SOURCES
from naltrack.education.citations import PLAIN_TITLES, cited_ids, link_citations, references
from naltrack.education.content import derive_body
from naltrack.education.models import Article

BODY = (
    "Stopping causes no withdrawal (source: REVIA).\n\n"
    "Keep naloxone (source: TIP63, REVIA).\n\n"
    "Large loperamide doses are screened (sources: FDA-LOP2016)."
)


def test_references_are_numbered_in_order_of_first_citation_then_the_rest_listed() -> None:
    found = references(BODY, ["VIVITROL", "REVIA", "NALTRACK"])
    assert [(r.number, r.id) for r in found] == [
        (1, "REVIA"),
        (2, "TIP63"),
        (3, "FDA-LOP2016"),
        (4, "VIVITROL"),
        (5, "NALTRACK"),
    ]
    assert found[1].full_title == f"{SOURCES['TIP63'].title}, {SOURCES['TIP63'].section}"
    assert found[4].title == PLAIN_TITLES["NALTRACK"]


def test_a_citation_becomes_numbered_links_with_the_full_title() -> None:
    html = derive_body(BODY).html
    assert "source:" not in html and "sources:" not in html
    assert "withdrawal<sup" in html  # no space left before the marker
    second = re.search(r'<sup class="citation">\[(.*?)\]</sup>', html.split("Keep naloxone")[1])
    assert second is not None
    links = re.findall(r'href="#source-([A-Z0-9-]+)"[^>]*>(\d+)</a>', second.group(1))
    assert links == [("TIP63", "2"), ("REVIA", "1")]
    assert f'title="{SOURCES["REVIA"].title}"' in html
    assert 'href="#source-FDA-LOP2016"' in html  # ids with a hyphen are citations too
    assert cited_ids(BODY) == ["REVIA", "TIP63", "FDA-LOP2016"]


def test_an_unknown_id_never_reaches_the_reader() -> None:
    html = link_citations("<p>Text (source: BLOG, REVIA). More (source: BLOG).</p>", BODY)
    assert "BLOG" not in html
    assert 'href="#source-REVIA"' in html and html.endswith("More.</p>")


def test_citations_do_not_change_the_indexed_text_or_the_grade() -> None:
    plain = derive_body("Stopping causes no withdrawal.\n\nKeep naloxone.")
    cited = derive_body("Stopping causes no withdrawal (source: REVIA).\n\nKeep naloxone.")
    assert cited.text == plain.text and cited.grade == plain.grade


@pytest.mark.django_db
def test_the_migration_renders_again_an_article_stored_before_the_change() -> None:
    article = Article.objects.create(
        slug="our-hours",
        title="When is the clinic open?",
        summary="Weekdays.",
        audience=["patient"],
        reading_level_target=6,
        sources=["NALTRACK"],
        last_reviewed=dt.date(2026, 11, 1),
        reviewer_role="Clinic manager",
        body_markdown="We are open on weekdays (source: NALTRACK).",
    )
    old = '<p>We are open on weekdays <span class="citation">(source: NALTRACK)</span>.</p>'
    Article.objects.filter(pk=article.pk).update(body_html=old)
    migration = importlib.import_module("naltrack.education.migrations.0004_refresh_citation_links")
    migration.refresh(apps, SimpleNamespace(connection=connection))
    article.refresh_from_db()
    assert "(source:" not in article.body_html
    assert 'href="#source-NALTRACK"' in article.body_html
