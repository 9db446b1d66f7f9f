"""The library in Django's admin (superusers only, see admin_site): edit an article, or add a
clinic's own. Lists are typed comma-separated and checked as the loader checks files."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from naltrack.education.citations import cited_ids
from naltrack.education.loader import AUDIENCES, RESERVED_SLUGS, check_audience, check_sources
from naltrack.education.models import Article


class CommaListField(forms.CharField):
    def prepare_value(self, value: Any) -> Any:
        return ", ".join(value) if isinstance(value, list) else value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().to_python(value) or ""
        return [item.strip() for item in text.split(",") if item.strip()]


class ArticleForm(forms.ModelForm[Article]):
    audience = CommaListField(help_text=f"Comma-separated: {', '.join(AUDIENCES)}.")
    sources = CommaListField(help_text="Comma-separated source ids, e.g. REVIA, VIVITROL.")
    related = CommaListField(required=False, help_text="Comma-separated slugs.")

    class Meta:
        model = Article
        fields = [
            "slug",
            "title",
            "summary",
            "audience",
            "reading_level_target",
            "sources",
            "last_reviewed",
            "reviewer_role",
            "related",
            "keywords",
            "body_markdown",
            "clinic",
            "is_published",
        ]

    def clean_slug(self) -> str:
        slug: str = self.cleaned_data["slug"]
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError("This slug is taken by a library page.")
        return slug

    def clean_audience(self) -> list[str]:
        values: list[str] = self.cleaned_data["audience"]
        if unknown := check_audience(values):
            raise forms.ValidationError(f"Unknown audience {unknown}; use {', '.join(AUDIENCES)}.")
        return values

    def clean_sources(self) -> list[str]:
        values: list[str] = self.cleaned_data["sources"]
        if unknown := check_sources(values):
            raise forms.ValidationError(f"Unknown source {unknown}.")
        return values

    def clean_related(self) -> list[str]:
        values: list[str] = self.cleaned_data["related"]
        known = set(Article.objects.filter(slug__in=values).values_list("slug", flat=True))
        if missing := [slug for slug in values if slug not in known]:
            raise forms.ValidationError(f"No article {missing}.")
        return values

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        cited = cited_ids(cleaned.get("body_markdown") or "")
        if unknown := check_sources(cited):
            self.add_error("body_markdown", f"Cites unknown source {unknown}.")
        elif "sources" in cleaned and (
            missing := [s for s in cited if s not in cleaned["sources"]]
        ):
            self.add_error("sources", f"{missing} cited in the text but not listed.")
        return cleaned


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin[Article]):
    form = ArticleForm
    list_display = ["title", "slug", "clinic", "reading_grade", "last_reviewed", "is_published"]
    list_filter = ["is_published", "clinic"]
    search_fields = ["title", "slug", "keywords"]
    readonly_fields = ["reading_grade", "library_file", "view_on_site_link"]

    @admin.display(description="Page")
    def view_on_site_link(self, obj: Article) -> str:
        if obj.pk is None:
            return "-"
        url = reverse("education:article", args=[obj.slug])
        return format_html('<a href="{}">{}</a>', url, url)

    def get_readonly_fields(self, request: HttpRequest, obj: Article | None = None) -> Any:
        fields = list(super().get_readonly_fields(request, obj))
        # The library's own articles are edited in their Markdown files and reloaded.
        if obj is not None and obj.library_file:
            fields += [f for f in ArticleForm.Meta.fields if f != "is_published"]
        return fields
