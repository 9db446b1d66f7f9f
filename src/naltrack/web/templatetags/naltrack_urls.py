"""``{% row_url "clinician:patient_chart" patient_id=row.patient_id %}``: the same URL as
``{% url %}`` with keyword arguments, for a list's rows.

A ``{% url %}`` per row walks the URL resolver every time (a third of the clinician's Today's
rendering once went to it, docs/performance.md). This reverses each view once, with numbered
placeholders for its ids, and fills the ids in per row with ``str.format``. Ids only: every
value must be an ``int``, which an ``<int:…>`` or ``<str:…>`` converter turns into its digits,
so the URL is the one ``reverse`` would give.
"""

from __future__ import annotations

import functools

from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

register = template.Library()

# Far above any real id, so that the digits appear in the reversed path only where the id goes.
PLACEHOLDER = 987_654_321_000


@functools.lru_cache(maxsize=256)
def row_pattern(urlconf: str, prefix: str, view: str, names: tuple[str, ...]) -> str:
    """``view``'s URL with ``{name}`` where each of ``names`` goes (``prefix``: the script
    prefix the URL starts with, part of the key as ``reverse`` reads it)."""
    placeholders = {name: PLACEHOLDER + n for n, name in enumerate(names)}
    url = reverse(view, kwargs=placeholders, urlconf=urlconf)
    pattern = url.replace("{", "{{").replace("}", "}}")
    for name, number in placeholders.items():
        if pattern.count(str(number)) != 1:
            raise ValueError(f"{view}: cannot tell where {name} goes in {url}")
        pattern = pattern.replace(str(number), "{" + name + "}")
    return pattern


@register.simple_tag
def row_url(view: str, **ids: int) -> str:
    for name, value in ids.items():
        if type(value) is not int:
            raise TypeError(f"row_url {view}: {name} must be an id (int), not {value!r}")
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return row_pattern(urlconf, get_script_prefix(), view, tuple(sorted(ids))).format(**ids)
