"""Citations written in an article's text as "(source: REVIA, VIVITROL)".

Writers cite by source id; readers never see the ids in the prose. On the page each citation
becomes a small numbered link, "[1, 2]", to the article's list of sources, which gives every
source's full title in plain words. The numbers follow the order in which the text first cites
each source; sources listed in the front matter but not cited in the text come after them. In the
indexed text and the reading grade the citations are left out (they are references, not prose,
and a cited "VIVITROL" is not an article about the injection).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.html import escape

from naltrack.clinical.evidence import SOURCES

CITATION = re.compile(r"\s*\(sources?:\s*([A-Za-z0-9-]+(?:\s*[,;]\s*[A-Za-z0-9-]+)*)\s*\)")
_SEPARATOR = re.compile(r"\s*[,;]\s*")

# Titles for readers where the registry's title is not the name of a document.
PLAIN_TITLES = {
    "NALTRACK": (
        "Naltrack default: a setting of the Naltrack system that your clinic can change. "
        "It is not a rule from a guideline"
    ),
    "AUDITC": (
        "The AUDIT-C alcohol questions. Bush K et al. Arch Intern Med 1998;158:1789-1795; "
        "Bradley KA et al. Alcohol Clin Exp Res 2007;31:1208-1217"
    ),
}


@dataclass(frozen=True)
class Reference:
    """One entry of an article's list of sources, as the reader sees it."""

    number: int
    id: str
    title: str
    section: str = ""

    @property
    def anchor(self) -> str:
        return f"source-{self.id}"

    @property
    def full_title(self) -> str:
        return f"{self.title}, {self.section}" if self.section else self.title


def _ids(group: str) -> list[str]:
    return [source_id for source_id in _SEPARATOR.split(group.strip()) if source_id]


def cited_ids(text: str) -> list[str]:
    """Every source id cited in the text, in order of first citation."""
    seen: dict[str, None] = {}
    for match in CITATION.finditer(text):
        for source_id in _ids(match.group(1)):
            seen.setdefault(source_id, None)
    return list(seen)


def strip_citations(text: str) -> str:
    return CITATION.sub("", text).strip()


def references(body_markdown: str, listed: Iterable[str] = ()) -> list[Reference]:
    """The numbered list of sources: known ids cited in the text in order, then the rest listed."""
    order: dict[str, None] = {}
    for source_id in [*cited_ids(body_markdown), *listed]:
        if source_id in SOURCES:
            order.setdefault(source_id, None)
    result = []
    for number, source_id in enumerate(order, start=1):
        source = SOURCES[source_id]
        title = PLAIN_TITLES.get(source_id, source.title)
        result.append(Reference(number, source_id, title, source.section))
    return result


def link_citations(html: str, body_markdown: str) -> str:
    """Sanitised article HTML with each citation made a numbered link to the list of sources.

    The numbers are those of ``references(body_markdown)``: the list on the page, built from the
    same Markdown, shows the same numbers. An id the registry does not know is left out (the
    loader and the admin refuse such ids; a raw id must never reach a reader).
    """
    numbered = {reference.id: reference for reference in references(body_markdown)}

    def linked(match: re.Match[str]) -> str:
        cited = [numbered[i] for i in _ids(match.group(1)) if i in numbered]
        if not cited:
            return ""
        links = ", ".join(
            f'<a href="#{escape(ref.anchor)}" title="{escape(ref.full_title)}" '
            f'aria-label="Source {ref.number}: {escape(ref.full_title)}">{ref.number}</a>'
            for ref in cited
        )
        return f'<sup class="citation">[{links}]</sup>'

    return CITATION.sub(linked, html)
