"""The education library: articles written for patients, families and clinicians.

The library's own articles are Markdown files in ``articles/`` loaded by ``loader`` (the
``load_articles`` command and a data migration); a clinic may add its own through the admin.
Every article carries its sources (ids of ``naltrack.clinical.evidence.SOURCES``), its review
date and reviewer, and the reading grade computed from its text.

Search indexes (SQLite FTS5 table; PostgreSQL tsvector column with a GIN index) are created by
migration 0002 and kept in step with this table by triggers, whoever writes: see ``search``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.contrib.postgres.search import SearchVectorField
from django.db import models

from naltrack.accounts.models import Clinic
from naltrack.education.content import derive_body

if TYPE_CHECKING:
    from naltrack.accounts.models import User

AUDIENCES = ("patient", "family", "clinician")
AUDIENCE_LABELS = {"patient": "Patients", "family": "Families", "clinician": "Clinicians"}
# The reading grade patient articles must not exceed (US school grade, Flesch-Kincaid).
PATIENT_READING_GRADE_MAX = Decimal("8.0")


class ArticleQuerySet(models.QuerySet["Article"]):
    def published(self) -> ArticleQuerySet:
        return self.filter(is_published=True)

    def for_clinic(self, clinic: Clinic | None) -> ArticleQuerySet:
        """Published articles a reader sees: the library's, and their own clinic's if any."""
        library = models.Q(clinic__isnull=True)
        if clinic is not None:
            library |= models.Q(clinic=clinic)
        return self.published().filter(library)

    def for_reader(self, user: User | Any) -> ArticleQuerySet:
        return self.for_clinic(reader_clinic(user))


def reader_clinic(user: User | Any) -> Clinic | None:
    """The clinic whose own articles this reader also sees (none for the public)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    membership = user.clinic_membership
    return membership.clinic if membership else None


class Article(models.Model):
    slug = models.SlugField(max_length=100, unique=True)
    title = models.CharField(max_length=200)
    summary = models.TextField(help_text="One or two sentences shown in lists and results.")
    audience = models.JSONField(default=list, help_text="Any of: patient, family, clinician.")
    reading_level_target = models.DecimalField(
        max_digits=3, decimal_places=1, help_text="The US school grade the writer aimed for."
    )
    reading_grade = models.DecimalField(
        max_digits=3,
        decimal_places=1,
        editable=False,
        default=Decimal("0.0"),
        help_text="Flesch-Kincaid grade of the text, computed when saved.",
    )
    sources = models.JSONField(default=list, help_text="Source ids of the evidence registry.")
    last_reviewed = models.DateField()
    reviewer_role = models.CharField(max_length=200)
    related = models.JSONField(default=list, blank=True, help_text="Slugs of related articles.")
    keywords = models.TextField(blank=True, help_text="Extra words readers search with.")
    body_markdown = models.TextField()
    body_html = models.TextField(editable=False, default="")
    # One line per paragraph, list item or table cell; headings start with "# ". Indexed for
    # search and used for the highlighted passages; citations "(source: …)" are left out.
    body_text = models.TextField(editable=False, default="")
    clinic = models.ForeignKey(
        Clinic,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="articles",
        help_text="Empty for the whole library; a clinic for that clinic's own article.",
    )
    # "articles/<slug>.md" for articles the loader manages; empty for ones written in the admin.
    library_file = models.CharField(max_length=200, blank=True, editable=False)
    is_published = models.BooleanField(default=True)
    # PostgreSQL only: the weighted tsvector search reads (title A, summary and keywords B,
    # body C), set by a trigger on every write (migration 0002). Empty on SQLite, where the FTS5
    # table education_article_fts is the index.
    search_document = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        indexes = [models.Index(fields=["clinic", "is_published"], name="education_clinic_pub")]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.refresh_derived()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body_markdown" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_html", "body_text", "reading_grade"}
        super().save(*args, **kwargs)

    def refresh_derived(self) -> None:
        """Recompute the HTML, the indexed text and the reading grade from the Markdown."""
        derived = derive_body(self.body_markdown)
        self.body_html = derived.html
        self.body_text = derived.text
        self.reading_grade = derived.grade

    @property
    def is_for_patients(self) -> bool:
        return "patient" in self.audience

    @property
    def audience_labels(self) -> list[str]:
        return [AUDIENCE_LABELS.get(value, value) for value in self.audience]
