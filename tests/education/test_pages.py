"""The public library pages: no login, sources and review shown, escaping, scoping, admin."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from naltrack.accounts.models import Clinic, User
from naltrack.education.models import Article
from tests.factories import ClinicFactory, UserFactory

pytestmark = pytest.mark.django_db


def clinic_article(clinic: Clinic) -> Article:
    return Article.objects.create(
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


def test_library_is_public_and_lists_by_topic(client: Client, real_library: None) -> None:
    response = client.get(reverse("education:library"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ask a question" in html
    assert "Stopping, tapering and restarting" in html
    assert reverse("education:article", args=["stopping-naltrexone"]) in html
    assert 'aria-current="page">Library</a>' in html


def test_article_page_shows_sources_review_grade_and_related(
    client: Client, real_library: None
) -> None:
    article = Article.objects.get(slug="stopping-naltrexone")
    response = client.get(reverse("education:article", args=[article.slug]))
    assert response.status_code == 200
    html = response.content.decode()
    assert article.title in html
    assert 'id="source-REVIA"' in html and "FDA prescribing information" in html
    assert 'href="#source-REVIA"' in html  # citations in the text link to the list
    assert article.last_reviewed.strftime("%B") in html
    assert escape(article.reviewer_role) in html
    assert f"grade {article.reading_grade}" in html
    for slug in article.related:
        assert reverse("education:article", args=[slug]) in html
    assert "education/education.css" in html  # holds the print styles


def test_unknown_and_unpublished_articles_are_404(client: Client, small_library: Path) -> None:
    assert client.get(reverse("education:article", args=["no-such-thing"])).status_code == 404
    Article.objects.filter(slug="liver-safety").update(is_published=False)
    assert client.get(reverse("education:article", args=["liver-safety"])).status_code == 404


def test_a_clinic_article_is_only_for_its_members(client: Client, small_library: Path) -> None:
    from tests.factories import member

    clinic = ClinicFactory()
    clinic_article(clinic)
    url = reverse("education:article", args=["our-parking"])
    assert client.get(url).status_code == 404
    client.force_login(member(ClinicFactory(), "patient"))
    assert client.get(url).status_code == 404
    client.force_login(member(clinic, "patient"))
    assert client.get(url).status_code == 200
    assert "Where to park" in client.get(reverse("education:library")).content.decode()


def test_search_page_shows_highlighted_answers(client: Client, small_library: Path) -> None:
    response = client.get(reverse("education:search"), {"q": "can i drink booze on it"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Can I drink alcohol while taking naltrexone?" in html
    assert "<mark>" in html


def test_script_in_the_question_is_escaped(client: Client, small_library: Path) -> None:
    question = '<script>alert("x")</script> liver'
    html = client.get(reverse("education:search"), {"q": question}).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html
    assert "Is naltrexone safe for my liver?" in html


def test_no_answer_is_said_plainly(client: Client, small_library: Path) -> None:
    question = "<b>zebra</b>"
    html = client.get(reverse("education:search"), {"q": question}).content.decode()
    assert "find an answer" in html
    assert "<b>zebra</b>" not in html


def test_htmx_gets_only_the_results(client: Client, small_library: Path) -> None:
    response = client.get(reverse("education:search"), {"q": "liver"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html
    assert "Is naltrexone safe for my liver?" in html


def test_ask_box_is_an_include_for_other_pages() -> None:
    from django.template.loader import render_to_string

    html = render_to_string("education/_ask_box.html", {"question": "liver"})
    assert 'action="/library/search/"' in html
    assert 'value="liver"' in html


def superuser(**kwargs: object) -> User:
    user: User = UserFactory(is_staff=True, is_superuser=True, **kwargs)
    return user


def test_admin_is_for_superusers_only(client: Client, small_library: Path) -> None:
    url = reverse("admin:education_article_changelist")
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    assert client.get(url).status_code == 302  # to the admin login
    client.force_login(superuser())
    response = client.get(url)
    assert response.status_code == 200
    assert "Is naltrexone safe for my liver?" in response.content.decode()


def test_admin_adds_a_clinic_article_and_checks_its_sources(
    client: Client, small_library: Path
) -> None:
    clinic = ClinicFactory()
    client.force_login(superuser())
    data = {
        "slug": "our-hours",
        "title": "When is the clinic open?",
        "summary": "Weekdays 8 to 6.",
        "audience": "patient, family",
        "reading_level_target": "6",
        "sources": "NALTRACK, NOT-A-SOURCE",
        "last_reviewed": "2026-11-20",
        "reviewer_role": "Clinic manager",
        "related": "",
        "keywords": "hours, open",
        "body_markdown": "We are open on weekdays from 8 to 6 (source: NALTRACK).",
        "clinic": str(clinic.pk),
        "is_published": "on",
    }
    url = reverse("admin:education_article_add")
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Unknown source" in response.content.decode()
    response = client.post(url, {**data, "sources": "NALTRACK"})
    assert response.status_code == 302
    article = Article.objects.get(slug="our-hours")
    assert article.clinic == clinic and article.sources == ["NALTRACK"]
    assert article.reading_grade > 0 and "<p>" in article.body_html


def test_admin_with_two_factor_required_sends_superuser_to_verify(
    client: Client, small_library: Path, settings: object
) -> None:
    settings.NALTRACK_REQUIRE_2FA = True  # type: ignore[attr-defined]
    client.force_login(superuser())
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    login = client.get(response["Location"])
    assert login.status_code == 302
    assert login["Location"].startswith(reverse("accounts:two_factor"))
