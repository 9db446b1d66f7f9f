"""An article's Markdown body made into safe HTML and into plain text blocks.

The HTML is sanitised with nh3 (an allow-list of tags and attributes) whoever wrote the Markdown,
so an article added through the admin cannot put a script or a style on the public pages. The
plain-text blocks (one per paragraph, heading, list item or table cell) feed the search index,
the highlighted passages and the reading grade.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from html.parser import HTMLParser

import markdown
import nh3

from naltrack.education.citations import link_citations, strip_citations
from naltrack.education.reading_level import flesch_kincaid_grade

ALLOWED_TAGS = {
    "a",
    "abbr",
    "blockquote",
    "br",
    "code",
    "dd",
    "dl",
    "dt",
    "em",
    "h2",
    "h3",
    "h4",
    "hr",
    "li",
    "ol",
    "p",
    "strong",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"align"}, "th": {"align"}}
_BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "dt", "dd", "td", "th"}
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class RenderedBody:
    html: str
    blocks: tuple[str, ...]
    heading_indexes: frozenset[int] = frozenset()

    @property
    def text(self) -> str:
        return "\n".join(self.blocks)


class _BlockText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.heading_indexes: set[int] = set()
        self._buffer: list[str] = []
        self._in_heading = False

    def _flush(self) -> None:
        text = _SPACE.sub(" ", "".join(self._buffer)).strip()
        if text:
            if self._in_heading:
                self.heading_indexes.add(len(self.blocks))
            self.blocks.append(text)
        self._buffer = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self._flush()
            self._in_heading = tag in _HEADING_TAGS
        elif tag == "br":
            self._buffer.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self._flush()
            self._in_heading = False

    def handle_data(self, data: str) -> None:
        self._buffer.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def sanitize_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )


def render_body(body_markdown: str) -> RenderedBody:
    """Markdown (with tables and definition lists) → sanitised HTML and its text blocks."""
    raw = markdown.markdown(body_markdown, extensions=["extra", "sane_lists"], output_format="html")
    html = sanitize_html(raw)
    parser = _BlockText()
    parser.feed(html)
    parser.close()
    return RenderedBody(
        html=html, blocks=tuple(parser.blocks), heading_indexes=frozenset(parser.heading_indexes)
    )


@dataclass(frozen=True)
class DerivedBody:
    """What is stored from an article's Markdown besides the Markdown itself."""

    html: str  # sanitised, citations made numbered links to the list of sources
    text: str  # one line per block, headings marked "# ", citations left out
    grade: Decimal  # Flesch-Kincaid grade of the text


def derive_body(body_markdown: str) -> DerivedBody:
    rendered = render_body(body_markdown)
    lines: list[str] = []
    prose: list[str] = []
    for index, block in enumerate(rendered.blocks):
        text = strip_citations(block)
        if not text:
            continue
        prose.append(text)
        lines.append(f"# {text}" if index in rendered.heading_indexes else text)
    grade = Decimal(str(flesch_kincaid_grade(prose))).quantize(Decimal("0.1"))
    return DerivedBody(
        html=link_citations(rendered.html, body_markdown), text="\n".join(lines), grade=grade
    )
