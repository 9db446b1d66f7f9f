"""Load the library's Markdown articles (``articles/<slug>.md``) into the database.

Each file starts with front matter, simple ``key: value`` lines between two ``---`` lines::

    ---
    title: What is naltrexone?
    summary: Naltrexone is a prescription medicine that …
    audience: patient, family
    reading_level: 7
    sources: REVIA, VIVITROL
    last_reviewed: 2026-11-25
    reviewer_role: Addiction medicine physician
    related: how-naltrexone-works, tablets-or-injection
    keywords: naltrexon, revia
    ---
    Naltrexone is a prescription medicine that treats … (source: REVIA, VIVITROL).

Parsing is strict: an unknown, repeated or missing key, an unknown source id (front matter or a
"(source: …)" citation in the text), a bad date or an unknown related slug stops the load with a
message naming the file and the field. Nothing is written unless every file is good. Loading
upserts by slug, so it can run any number of times; an article whose file is gone is
unpublished, never deleted.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from naltrack.clinical.evidence import SOURCES
from naltrack.education.citations import cited_ids
from naltrack.education.content import derive_body

ARTICLES_DIR = Path(__file__).resolve().parent / "articles"
REQUIRED_FIELDS = (
    "title",
    "summary",
    "audience",
    "reading_level",
    "sources",
    "last_reviewed",
    "reviewer_role",
)
OPTIONAL_FIELDS = ("related", "keywords")
AUDIENCES = ("patient", "family", "clinician")
# Slugs taken by the library's own pages.
RESERVED_SLUGS = frozenset({"search", "topics", "print"})
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_FRONT_LINE = re.compile(r"^([A-Za-z_]+)\s*:\s*(.*?)\s*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ArticleError(ValueError):
    """One problem in one article file, naming the file and (when there is one) the field."""

    def __init__(self, file: str, field: str | None, message: str) -> None:
        self.file = file
        self.field = field
        self.message = message
        super().__init__(f"{file}: {field}: {message}" if field else f"{file}: {message}")


class LibraryError(ValueError):
    """Every problem found in a load, one line each."""

    def __init__(self, errors: list[ArticleError]) -> None:
        self.errors = errors
        lines = "\n".join(f"  {error}" for error in errors)
        super().__init__(f"{len(errors)} problem(s) in the education articles:\n{lines}")


@dataclass(frozen=True)
class ArticleFile:
    """One article as read from its file, checked, with its derived fields computed."""

    slug: str
    title: str
    summary: str
    audience: list[str]
    reading_level_target: Decimal
    sources: list[str]
    last_reviewed: dt.date
    reviewer_role: str
    related: list[str]
    keywords: str
    body_markdown: str
    body_html: str
    body_text: str
    reading_grade: Decimal
    library_file: str

    def model_values(self) -> dict[str, Any]:
        """Field values for the Article row (everything but the slug)."""
        return {
            "title": self.title,
            "summary": self.summary,
            "audience": self.audience,
            "reading_level_target": self.reading_level_target,
            "sources": self.sources,
            "last_reviewed": self.last_reviewed,
            "reviewer_role": self.reviewer_role,
            "related": self.related,
            "keywords": self.keywords,
            "body_markdown": self.body_markdown,
            "body_html": self.body_html,
            "body_text": self.body_text,
            "reading_grade": self.reading_grade,
            "library_file": self.library_file,
            "is_published": True,
        }


def _comma_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].strip()
    return value


def check_sources(ids: Iterable[str]) -> list[str]:
    """The ids not in the evidence registry."""
    return [source_id for source_id in ids if source_id not in SOURCES]


def check_audience(values: Iterable[str]) -> list[str]:
    return [value for value in values if value not in AUDIENCES]


def split_front_matter(text: str, file: str) -> tuple[dict[str, str], str]:
    lines = text.replace("\r\n", "\n").lstrip("\ufeff").split("\n")
    if not lines or lines[0].strip() != "---":
        raise ArticleError(file, None, "must start with a '---' line opening the front matter")
    try:
        end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---")
    except StopIteration:
        raise ArticleError(file, None, "front matter is not closed by a '---' line") from None
    values: dict[str, str] = {}
    known = (*REQUIRED_FIELDS, *OPTIONAL_FIELDS)
    for number, line in enumerate(lines[1:end], start=2):
        if not line.strip():
            continue
        match = _FRONT_LINE.match(line)
        if match is None:
            raise ArticleError(file, None, f"line {number} is not 'key: value': {line.strip()!r}")
        key, value = match.group(1), _unquote(match.group(2))
        if key not in known:
            raise ArticleError(
                file, key, f"unknown field (line {number}); the fields are {', '.join(known)}"
            )
        if key in values:
            raise ArticleError(file, key, f"given twice (line {number})")
        values[key] = value
    return values, "\n".join(lines[end + 1 :]).strip() + "\n"


def parse_article(text: str, *, slug: str, file: str | None = None) -> ArticleFile:
    """Read and check one article; raises ``ArticleError`` naming the file and field."""
    file = file or f"{slug}.md"
    if not SLUG.match(slug):
        raise ArticleError(file, None, "file name must be a slug: lower-case words joined by '-'")
    if slug in RESERVED_SLUGS:
        raise ArticleError(file, None, f"'{slug}' is taken by a library page; rename the file")
    values, body = split_front_matter(text, file)
    for key in REQUIRED_FIELDS:
        if not values.get(key):
            raise ArticleError(file, key, "missing (every article needs it)")

    title = values["title"]
    if len(title) > 200:
        raise ArticleError(file, "title", "longer than 200 characters")

    audience = _comma_list(values["audience"])
    if unknown := check_audience(audience):
        raise ArticleError(
            file, "audience", f"unknown {unknown}; use any of {', '.join(AUDIENCES)}"
        )

    try:
        target = Decimal(values["reading_level"])
    except InvalidOperation:
        raise ArticleError(file, "reading_level", "must be a grade number such as 7") from None
    if not Decimal(1) <= target <= Decimal(18):
        raise ArticleError(file, "reading_level", "must be a grade between 1 and 18")

    sources = _comma_list(values["sources"])
    if not sources:
        raise ArticleError(file, "sources", "missing (cite at least one source)")
    if unknown := check_sources(sources):
        raise ArticleError(
            file, "sources", f"unknown source {unknown}; see naltrack.clinical.evidence.SOURCES"
        )

    raw_date = values["last_reviewed"]
    try:
        if not _DATE.match(raw_date):
            raise ValueError
        reviewed = dt.date.fromisoformat(raw_date)
    except ValueError:
        raise ArticleError(
            file, "last_reviewed", f"{raw_date!r} is not a date written YYYY-MM-DD"
        ) from None

    related = _comma_list(values.get("related", ""))
    for other in related:
        if not SLUG.match(other):
            raise ArticleError(file, "related", f"{other!r} is not a slug")
    if slug in related:
        raise ArticleError(file, "related", "an article cannot be related to itself")

    if not body.strip():
        raise ArticleError(file, "body", "the article has no text after the front matter")
    cited = cited_ids(body)
    if unknown := check_sources(cited):
        raise ArticleError(file, "body", f"cites unknown source {unknown} in the text")
    if missing := [source_id for source_id in cited if source_id not in sources]:
        raise ArticleError(file, "sources", f"{missing} cited in the text but not listed")

    derived = derive_body(body)
    if derived.grade <= 0:
        raise ArticleError(file, "body", "no sentences to compute a reading grade from")
    return ArticleFile(
        slug=slug,
        title=title,
        summary=values["summary"],
        audience=audience,
        reading_level_target=target,
        sources=sources,
        last_reviewed=reviewed,
        reviewer_role=values["reviewer_role"],
        related=related,
        keywords=values.get("keywords", ""),
        body_markdown=body,
        body_html=derived.html,
        body_text=derived.text,
        reading_grade=derived.grade,
        library_file=f"articles/{slug}.md",
    )


def parse_file(path: Path) -> ArticleFile:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ArticleError(path.name, None, "is not UTF-8 text") from None
    return parse_article(text, slug=path.stem, file=path.name)


def parse_library(directory: Path = ARTICLES_DIR) -> list[ArticleFile]:
    """Every ``*.md`` article in the folder, checked alone and together (related slugs)."""
    errors: list[ArticleError] = []
    articles: list[ArticleFile] = []
    for path in sorted(directory.glob("*.md")):
        try:
            articles.append(parse_file(path))
        except ArticleError as error:
            errors.append(error)
    slugs = {article.slug for article in articles} | {
        error.file.removesuffix(".md") for error in errors
    }
    for article in articles:
        for other in article.related:
            if other not in slugs:
                errors.append(
                    ArticleError(f"{article.slug}.md", "related", f"no article {other!r}")
                )
    if errors:
        raise LibraryError(errors)
    return articles


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    unpublished: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"{len(self.created)} created, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.unpublished)} unpublished"
        )


def load_library(
    article_model: Any = None, *, directory: Path = ARTICLES_DIR, using: str = "default"
) -> LoadReport:
    """Upsert every article of the folder by slug (all or nothing).

    ``article_model`` is the Article model; a data migration passes its historical model, and
    only the fields that model has are written.
    """
    from django.db import transaction

    if article_model is None:
        from naltrack.education.models import Article

        article_model = Article
    articles = parse_library(directory)
    field_names = {f.name for f in article_model._meta.get_fields()}
    report = LoadReport()
    manager = article_model._default_manager.db_manager(using)
    with transaction.atomic(using=using):
        existing = {row.slug: row for row in manager.filter(slug__in=[a.slug for a in articles])}
        clinic_owned = [
            slug for slug, row in existing.items() if getattr(row, "clinic_id", None) is not None
        ]
        if clinic_owned:
            raise LibraryError(
                [
                    ArticleError(f"{slug}.md", None, "slug is taken by a clinic's own article")
                    for slug in clinic_owned
                ]
            )
        for article in articles:
            values = {k: v for k, v in article.model_values().items() if k in field_names}
            row = existing.get(article.slug)
            if row is None:
                # .save() on the model keeps derived fields in step (the historical model of a
                # migration just stores the values given).
                manager.create(slug=article.slug, **values)
                report.created.append(article.slug)
                continue
            if all(getattr(row, key) == value for key, value in values.items()):
                report.unchanged.append(article.slug)
                continue
            for key, value in values.items():
                setattr(row, key, value)
            row.save(using=using)
            report.updated.append(article.slug)
        if "library_file" in field_names:
            gone = manager.exclude(library_file="").exclude(slug__in=[a.slug for a in articles])
            report.unpublished = sorted(
                gone.filter(is_published=True).values_list("slug", flat=True)
            )
            gone.update(is_published=False)
    return report
