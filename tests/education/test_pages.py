"""The public library pages: no login, numbered sources, review details for staff only,
escaping, scoping, admin."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from naltrack.accounts.models import Clinic, User
from naltrack.clinical.evidence import SOURCES
from naltrack.education.citations import PLAIN_TITLES
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


def visible_text(html: str) -> str:
    """What a reader sees: the page's text without tags or their attributes."""
    body = html.split("<body", 1)[-1]
    return unescape(re.sub(r"<[^>]*>", " ", body))


def long_date(day: dt.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def article_page(client: Client, slug: str) -> str:
    response = client.get(reverse("education:article", args=[slug]))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture(params=["anonymous", "patient"])
def reader(request: pytest.FixtureRequest, client: Client) -> Client:
    """The public and a signed-in patient read the library the same way."""
    if request.param == "patient":
        from tests.factories import member

        client.force_login(member(ClinicFactory(), "patient"))
    return client


def test_article_page_shows_numbered_sources_with_full_titles_and_related(
    reader: Client, real_library: None
) -> None:
    article = Article.objects.get(slug="stopping-naltrexone")
    html = article_page(reader, article.slug)
    text = visible_text(html)
    assert article.title in html
    # Each citation in the text is a numbered link to the list of sources at the end.
    assert '<h2 id="sources-heading">Sources</h2>' in html
    assert 'id="source-REVIA"' in html
    assert re.search(r'<sup class="citation">\[<a href="#source-REVIA"[^>]*>1</a>', html)
    for source_id in article.sources:
        assert escape(SOURCES[source_id].title) in html or source_id in PLAIN_TITLES
    # The list gives full titles in plain words; the ids stay out of what a reader sees.
    assert "FDA prescribing information, naltrexone hydrochloride tablets" in text
    assert "(source:" not in html and "source: REVIA" not in html
    for source_id in article.sources:
        assert not re.search(rf"\b{re.escape(source_id)}\b", text), source_id
    for slug in article.related:
        assert reverse("education:article", args=[slug]) in html
    assert "education/education.css" in html  # holds the print styles


def test_readers_do_not_see_the_editors_details(reader: Client, real_library: None) -> None:
    article = Article.objects.get(slug="side-effects")
    text = visible_text(article_page(reader, article.slug))
    assert "grade" not in text.lower()
    assert "Flesch" not in text and "Reading level" not in text
    assert str(article.reading_grade) not in text
    assert article.reviewer_role not in text and "Reviewer" not in text
    assert "Last reviewed" not in text and long_date(article.last_reviewed) not in text
    assert "For clinic staff" not in text


@pytest.mark.parametrize("role", ["clinician", "admin"])
def test_clinic_staff_still_see_the_review_details(
    client: Client, real_library: None, role: str
) -> None:
    from tests.factories import member

    client.force_login(member(ClinicFactory(), role))
    article = Article.objects.get(slug="stopping-naltrexone")
    html = article_page(client, article.slug)
    text = visible_text(html)
    assert "For clinic staff" in text
    assert long_date(article.last_reviewed) in text
    assert escape(article.reviewer_role) in html
    assert f"grade {article.reading_grade}" in text and "Flesch-Kincaid" in text
    assert 'class="editorial no-print"' in html  # not on a printout handed to a patient
    assert "(REVIA)" in text  # the list of sources names each id for the editors
    assert "(source:" not in html  # the text reads the same as for patients


def test_a_clinic_article_written_in_the_admin_cites_the_same_way(
    client: Client, small_library: Path
) -> None:
    from tests.factories import member

    clinic = ClinicFactory()
    clinic_article(clinic)
    client.force_login(member(clinic, "patient"))
    html = article_page(client, "our-parking")
    assert "(source:" not in html
    assert 'href="#source-NALTRACK"' in html
    assert PLAIN_TITLES["NALTRACK"] in visible_text(html)


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
