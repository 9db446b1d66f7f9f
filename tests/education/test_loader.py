from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from naltrack.education.loader import (
    ArticleError,
    LibraryError,
    load_library,
    parse_article,
    parse_library,
)
from naltrack.education.models import Article
from tests.education.conftest import FIXTURE_ARTICLES, FRONT, write_article
from tests.factories import ClinicFactory


def text(**fields: str) -> str:
    return FRONT.format(**{**FIXTURE_ARTICLES["liver-safety"], **fields})


def test_parses_every_field() -> None:
    article = parse_article(text(), slug="liver-safety")
    assert article.title == "Is naltrexone safe for my liver?"
    assert article.audience == ["patient", "family"]
    assert article.sources == ["REVIA"]
    assert article.last_reviewed == dt.date(2026, 11, 1)
    assert article.reading_level_target == Decimal(7)
    assert article.keywords == "hepatitis, lfts"
    assert article.reading_grade > 0
    assert "(source:" not in article.body_text
    assert 'href="#source-REVIA"' in article.body_html


def test_missing_field_names_file_and_field() -> None:
    broken = text().replace("reviewer_role: Addiction medicine physician\n", "")
    with pytest.raises(ArticleError) as error:
        parse_article(broken, slug="liver-safety")
    assert str(error.value) == "liver-safety.md: reviewer_role: missing (every article needs it)"


def test_empty_sources_is_missing() -> None:
    with pytest.raises(ArticleError, match=r"liver-safety\.md: sources: missing"):
        parse_article(text(sources=""), slug="liver-safety")


def test_unknown_source() -> None:
    with pytest.raises(
        ArticleError, match=r"liver-safety\.md: sources: unknown source \['WIKIPEDIA'\]"
    ):
        parse_article(text(sources="REVIA, WIKIPEDIA"), slug="liver-safety")


def test_unknown_source_cited_in_the_text() -> None:
    body = "Naltrexone is safe at the usual dose (source: BLOG)."
    with pytest.raises(ArticleError, match=r"body: cites unknown source \['BLOG'\]"):
        parse_article(text(body=body), slug="liver-safety")


def test_source_cited_but_not_listed() -> None:
    body = "Naltrexone is safe at the usual dose (source: VIVITROL)."
    with pytest.raises(ArticleError, match=r"sources: \['VIVITROL'\] cited in the text"):
        parse_article(text(body=body), slug="liver-safety")


@pytest.mark.parametrize("value", ["25/11/2026", "2026-13-01", "yesterday", "2026-1-5"])
def test_bad_date(value: str) -> None:
    broken = text().replace("last_reviewed: 2026-11-01", f"last_reviewed: {value}")
    with pytest.raises(ArticleError, match=r"liver-safety\.md: last_reviewed: .* YYYY-MM-DD"):
        parse_article(broken, slug="liver-safety")


def test_unknown_and_repeated_keys() -> None:
    with pytest.raises(ArticleError, match=r"author: unknown field \(line 2\)"):
        parse_article(text().replace("---\n", "---\nauthor: me\n", 1), slug="liver-safety")
    with pytest.raises(ArticleError, match=r"title: given twice"):
        parse_article(text().replace("---\n", "---\ntitle: Again\n", 1), slug="liver-safety")


def test_front_matter_required_and_closed() -> None:
    with pytest.raises(ArticleError, match="must start with a '---' line"):
        parse_article("title: x\n", slug="x")
    with pytest.raises(ArticleError, match="not closed"):
        parse_article("---\ntitle: x\n", slug="x")
    with pytest.raises(ArticleError, match="line 2 is not 'key: value'"):
        parse_article(text().replace("---\n", "---\njust words\n", 1), slug="liver-safety")


def test_bad_audience_reading_level_and_slug() -> None:
    with pytest.raises(ArticleError, match="audience: unknown"):
        parse_article(text().replace("patient, family", "patients"), slug="liver-safety")
    with pytest.raises(ArticleError, match="reading_level: must be a grade number"):
        parse_article(text().replace("reading_level: 7", "reading_level: easy"), slug="a")
    with pytest.raises(ArticleError, match="file name must be a slug"):
        parse_article(text(), slug="Liver_Safety")
    with pytest.raises(ArticleError, match="taken by a library page"):
        parse_article(text(), slug="search")


def test_library_reports_every_problem_and_unknown_related(tmp_path: Path) -> None:
    write_article(tmp_path, "liver-safety", related="no-such-article")
    write_article(tmp_path, "stopping-naltrexone", sources="NOPE")
    with pytest.raises(LibraryError) as error:
        parse_library(tmp_path)
    message = str(error.value)
    assert "liver-safety.md: related: no article 'no-such-article'" in message
    assert "stopping-naltrexone.md: sources: unknown source ['NOPE']" in message


@pytest.mark.django_db
def test_load_upserts_by_slug_and_unpublishes_removed_files(articles_dir: Path) -> None:
    Article.objects.all().delete()
    first = load_library(directory=articles_dir)
    assert sorted(first.created) == sorted(FIXTURE_ARTICLES)
    again = load_library(directory=articles_dir)
    assert again.created == [] and again.updated == [] and len(again.unchanged) == 3

    write_article(articles_dir, "liver-safety", summary="A new summary.")
    (articles_dir / "drinking-on-naltrexone.md").unlink()
    write_article(articles_dir, "stopping-naltrexone", related="")
    report = load_library(directory=articles_dir)
    assert "liver-safety" in report.updated
    assert report.unpublished == ["drinking-on-naltrexone"]
    assert Article.objects.get(slug="liver-safety").summary == "A new summary."
    assert not Article.objects.get(slug="drinking-on-naltrexone").is_published


@pytest.mark.django_db
def test_nothing_is_written_when_a_file_is_bad(articles_dir: Path) -> None:
    Article.objects.all().delete()
    write_article(articles_dir, "liver-safety", sources="NOPE")
    with pytest.raises(LibraryError):
        load_library(directory=articles_dir)
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_a_clinic_article_is_never_overwritten(articles_dir: Path) -> None:
    Article.objects.all().delete()
    Article.objects.create(
        slug="liver-safety",
        title="Our liver page",
        summary="s",
        audience=["patient"],
        reading_level_target=7,
        sources=["REVIA"],
        last_reviewed=dt.date(2026, 1, 1),
        reviewer_role="Nurse",
        body_markdown="Our clinic checks your liver.",
        clinic=ClinicFactory(),
    )
    with pytest.raises(LibraryError, match="taken by a clinic's own article"):
        load_library(directory=articles_dir)


@pytest.mark.django_db
def test_command_loads_and_reports_errors(
    articles_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Article.objects.all().delete()
    call_command("load_articles", directory=articles_dir)
    assert "3 created" in capsys.readouterr().out
    write_article(articles_dir, "liver-safety", sources="NOPE")
    with pytest.raises(CommandError, match=r"liver-safety\.md: sources"):
        call_command("load_articles", directory=articles_dir)
