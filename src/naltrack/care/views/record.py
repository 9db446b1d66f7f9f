"""Forms that record each kind of clinical data (filled in by the record-forms work)."""

from __future__ import annotations

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
