"""On a bad day the call buttons come first: on the help page and on the craving walk-through's
first step, the page's content starts with a button that calls, before any words."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def main_content(html: str) -> str:
    return html.split('<main id="main"', 1)[1].split(">", 1)[1].split("</main>", 1)[0]


def first_text_before_a_call_button(html: str) -> str:
    """The visible words of the page's content before its first tel: link (headings aside)."""
    before = main_content(html).split('href="tel:', 1)[0].rsplit("<a", 1)[0]
    before = re.sub(r"<h1[^>]*>.*?</h1>", "", before, flags=re.S)
    before = re.sub(r"<[^>]+>", " ", before)
    return " ".join(before.split())


@pytest.mark.parametrize("name", ["patient:help", "patient:craving_now"])
def test_the_call_buttons_come_before_any_text(me, name: str) -> None:
    html = me.get(reverse(name)).text
    assert 'href="tel:' in main_content(html)
    assert first_text_before_a_call_button(html) == ""


def test_the_help_page_still_says_why_after_the_buttons(me) -> None:
    html = main_content(me.get(reverse("patient:help")).text)
    assert html.index('href="tel:911"') < html.index("You don’t have to get through this alone")
