"""The clinic's public page and the site root for strangers: one clinic's page, a list to choose
from, or a welcome; every claim from a published library article with its sources."""

from __future__ import annotations

from html import unescape

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from naltrack.accounts.models import Clinic, Membership
from naltrack.education.models import Article
from naltrack.public.sections import ALL_SLUGS, COMMON_QUESTIONS, SECTIONS
from tests.factories import ClinicFactory, member

pytestmark = pytest.mark.django_db


def test_every_article_the_page_names_is_a_published_library_article() -> None:
    published = set(
        Article.objects.published().filter(clinic__isnull=True).values_list("slug", flat=True)
    )
    assert set(ALL_SLUGS) <= published, set(ALL_SLUGS) - published
    assert "myths-and-facts" in COMMON_QUESTIONS


def test_a_stranger_at_the_root_of_a_one_clinic_install_gets_its_page(client: Client) -> None:
    clinic = ClinicFactory(name="Riverside Recovery", phone="(201) 555-0199", hours="Mon-Fri 8-5")
    html = unescape(client.get("/").content.decode())
    assert '<h1 id="clinic-heading">Riverside Recovery</h1>' in html
    assert reverse("enrollment:enroll_clinic", args=[clinic.slug]) in html
    assert 'href="tel:+12015550199"' in html
    assert "Mon-Fri 8-5" in html
    assert reverse("accounts:login") in html
    assert reverse("education:library") in html


def test_each_section_shows_its_articles_title_summary_link_and_sources(client: Client) -> None:
    clinic = ClinicFactory()
    html = unescape(client.get(reverse("public:clinic", args=[clinic.slug])).content.decode())
    for section in SECTIONS:
        assert f">{section.heading}</h2>" in html
        for slug in section.slugs:
            article = Article.objects.get(slug=slug)
            assert article.title in html
            assert article.summary in html
            assert reverse("education:article", args=[slug]) in html
    # The sources of "What is naltrexone?" are named under it.
    assert "Sources" in html
    assert "VIVITROL" in html or "Vivitrol" in html
    for slug in COMMON_QUESTIONS:
        assert Article.objects.get(slug=slug).title in html


def test_an_unpublished_article_drops_out_of_the_page_without_breaking_it(client: Client) -> None:
    clinic = ClinicFactory()
    Article.objects.filter(slug="liver-safety").update(is_published=False)
    response = client.get(reverse("public:clinic", args=[clinic.slug]))
    assert response.status_code == 200
    assert "Is naltrexone safe for my liver?" not in unescape(response.content.decode())


def test_the_intro_is_shown_as_plain_text_with_its_line_breaks(client: Client) -> None:
    clinic = ClinicFactory(public_intro="Welcome <b>all</b>.\nWe are here for you.")
    html = client.get(reverse("public:clinic", args=[clinic.slug])).content.decode()
    assert "Welcome &lt;b&gt;all&lt;/b&gt;.<br>We are here for you." in html
    assert "<b>all</b>" not in html


def test_several_clinics_get_a_list_to_choose_from_without_the_suspended(client: Client) -> None:
    north, south = ClinicFactory(name="North"), ClinicFactory(name="South")
    closed = ClinicFactory(name="Closed", suspended_at=timezone.now())
    html = client.get("/").content.decode()
    assert "Choose your clinic" in html
    assert reverse("public:clinic", args=[north.slug]) in html
    assert reverse("public:clinic", args=[south.slug]) in html
    assert reverse("public:clinic", args=[closed.slug]) not in html


def test_one_open_clinic_among_suspended_ones_is_the_page_itself(client: Client) -> None:
    ClinicFactory(name="Closed", suspended_at=timezone.now())
    open_clinic = ClinicFactory(name="Open Door")
    html = client.get("/").content.decode()
    assert reverse("enrollment:enroll_clinic", args=[open_clinic.slug]) in html


def test_an_install_without_clinics_welcomes_with_the_library_and_sign_in(client: Client) -> None:
    html = client.get("/").content.decode()
    assert "Welcome to Naltrack" in html
    assert reverse("education:library") in html
    assert reverse("accounts:login") in html


@pytest.mark.parametrize("suspended", [True, False])
def test_a_suspended_or_unknown_clinic_is_not_found(client: Client, suspended: bool) -> None:
    clinic = ClinicFactory(suspended_at=timezone.now())
    slug = clinic.slug if suspended else "no-such-clinic"
    response = client.get(reverse("public:clinic", args=[slug]))
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("role", "home"),
    [
        (Membership.Role.PATIENT, "/me/"),
        (Membership.Role.CLINICIAN, "/clinic/"),
        (Membership.Role.ADMIN, "/accounts/clinic-admin/"),
    ],
)
def test_signed_in_people_still_go_to_their_roles_home(
    client: Client, clinic: Clinic, role: str, home: str
) -> None:
    client.force_login(member(clinic, role))
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == home


def test_the_page_reads_a_fixed_number_of_queries(client: Client) -> None:
    clinic = ClinicFactory()
    url = reverse("public:clinic", args=[clinic.slug])
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert len(queries) <= 4, [query["sql"] for query in queries.captured_queries]


def test_a_head_request_at_the_root_answers_like_a_get(client: Client) -> None:
    """Monitors and link checkers ask with HEAD."""
    ClinicFactory()
    assert client.head("/").status_code == 200
    assert client.post("/").status_code == 405
