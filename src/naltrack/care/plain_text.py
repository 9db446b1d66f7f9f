"""Text stored in a record holds no bidirectional control characters.

A right-to-left override (U+202E) or an isolate can make stored text display in another order
than it was typed: a lab unit or a note could be made to read misleadingly on a chart. Every text
field of the record and of enrollment is cleaned before it is saved, whatever door it came
through (a form, the API, a service), so no page has to remember to.
"""

from __future__ import annotations

import re
from typing import Any

from django.db import models

# U+200E/U+200F marks, U+061C Arabic letter mark, U+202A-U+202E embeddings and overrides,
# U+2066-U+2069 isolates.
BIDI_CONTROLS = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")

CLEANED_APPS = frozenset({"care", "enrollment", "disclosure"})


def without_bidi_controls(text: str) -> str:
    return BIDI_CONTROLS.sub("", text)


def clean_text_fields(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    """``pre_save``: drop bidirectional control characters from the row's text fields."""
    if sender._meta.app_label not in CLEANED_APPS:
        return
    for field in sender._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField):
            value = getattr(instance, field.attname)
            if isinstance(value, str) and BIDI_CONTROLS.search(value):
                setattr(instance, field.attname, without_bidi_controls(value))
