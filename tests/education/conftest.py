from __future__ import annotations

from pathlib import Path

import pytest

from naltrack.education.loader import load_library
from naltrack.education.models import Article

FRONT = """---
title: {title}
summary: {summary}
audience: patient, family
reading_level: 7
sources: {sources}
last_reviewed: 2026-11-01
reviewer_role: Addiction medicine physician
related: {related}
keywords: {keywords}
---
{body}
"""

FIXTURE_ARTICLES = {
    "drinking-on-naltrexone": {
        "title": "Can I drink alcohol while taking naltrexone?",
        "summary": "Naltrexone lowers the reward from alcohol.",
        "sources": "REVIA",
        "related": "stopping-naltrexone",
        "keywords": "booze, beer",
        "body": "Naltrexone does not stop you from drinking, but it lowers the reward you get "
        "from alcohol (source: REVIA).\n\nTalk with your clinic about a safe goal.\n",
    },
    "stopping-naltrexone": {
        "title": "What happens if I stop naltrexone suddenly?",
        "summary": "You won't go into withdrawal from naltrexone itself.",
        "sources": "REVIA, TIP63",
        "related": "drinking-on-naltrexone",
        "keywords": "quit, come off",
        "body": "You won't go into withdrawal from naltrexone itself if you stop suddenly "
        "(source: REVIA).\n\n## What does happen\n\nCravings can come back. Your overdose risk "
        "goes up if you used opioids, so keep naloxone close by (source: TIP63).\n\n"
        "Some people write `<script>alert('x')</script>` in forms & other things.\n",
    },
    "liver-safety": {
        "title": "Is naltrexone safe for my liver?",
        "summary": "At the usual dose naltrexone does not appear to harm the liver.",
        "sources": "REVIA",
        "related": "",
        "keywords": "hepatitis, lfts",
        "body": "At the usual dose, naltrexone does not appear to harm the liver (source: REVIA)."
        "\n\nYour clinic checks your liver with a blood test.\n",
    },
}


def write_article(directory: Path, slug: str, **fields: str) -> Path:
    values = {**FIXTURE_ARTICLES.get(slug, FIXTURE_ARTICLES["liver-safety"]), **fields}
    path = directory / f"{slug}.md"
    path.write_text(FRONT.format(**values), encoding="utf-8")
    return path


@pytest.fixture
def articles_dir(tmp_path: Path) -> Path:
    for slug in FIXTURE_ARTICLES:
        write_article(tmp_path, slug)
    return tmp_path


@pytest.fixture
def small_library(db: None, articles_dir: Path) -> Path:
    """Only the three fixture articles in the database (the real ones are removed)."""
    Article.objects.all().delete()
    load_library(directory=articles_dir)
    return articles_dir


@pytest.fixture
def real_library(db: None) -> None:
    """The real articles (the data migration loaded them; load again for the current files)."""
    load_library()
