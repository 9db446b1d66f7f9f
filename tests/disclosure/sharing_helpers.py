"""What the tests of handing a record out share: a record with something in several categories,
and the text of a PDF page by page."""

from __future__ import annotations

import io

from pypdf import PdfReader

# In the ``record`` fixture (tests/disclosure/conftest.py), words that belong to one category each.
THERAPY_WORDS = "Talked about sleep and cravings at night"
LAB_WORDS = "Upper limit of normal"


def pdf_pages(pdf: bytes) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages]
