"""Citations written in an article's text as "(source: REVIA, VIVITROL)".

On the page each id links to the article's list of sources; in the indexed text and the
reading grade they are left out (they are references, not prose, and a cited "VIVITROL" is not
an article about the injection).
"""

from __future__ import annotations

import re

from django.utils.html import escape

from naltrack.clinical.evidence import SOURCES

CITATION = re.compile(r"\s*\(sources?:\s*([A-Za-z0-9]+(?:\s*[,;]\s*[A-Za-z0-9]+)*)\s*\)")


def cited_ids(text: str) -> list[str]:
    """Every source id cited in the text, in order of first citation."""
    seen: dict[str, None] = {}
    for match in CITATION.finditer(text):
        for source_id in re.split(r"\s*[,;]\s*", match.group(1).strip()):
            seen.setdefault(source_id, None)
    return list(seen)


def strip_citations(text: str) -> str:
    return CITATION.sub("", text).strip()


def _linked(match: re.Match[str]) -> str:
    ids = re.split(r"\s*[,;]\s*", match.group(1).strip())
    if not all(source_id in SOURCES for source_id in ids):
        return match.group(0)
    links = ", ".join(
        f'<a href="#source-{escape(source_id)}">{escape(source_id)}</a>' for source_id in ids
    )
    return f' <span class="citation">(source: {links})</span>'


def link_citations(html: str) -> str:
    """Sanitised article HTML with each known cited id linked to the list of sources."""
    return CITATION.sub(_linked, html)
