"""A search for crisis words puts 988 / 911 / naloxone help first, above any article, on the
results page and in the Ask box's live results; ordinary questions get no such box."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from naltrack.education.crisis import Crisis, crisis_in

CRISIS = [
    "can't breathe",
    "cant breath",
    "he cannot breathe",
    "O.D.",
    "od",
    "my friend is OD'ing",
    "overdosing",
    "i think i overdosed",
    "is this an overdose",
    "i want to die",
    "I WANT TO DIE!!!",
    "wanna die",
    "kill myself",
    "i am going to kill myself tonight",
    "suicidal",
    "suicide",
    "how do i end my life",
    "i want to hurt myself",
    "self-harm",
    "not breathing",
    "she is not breathing after using",
    "lips are blue",
    "his lips are blue what do i do",
    "wont wake up",
    "my son won't wake up",
    "Won’t wake up",
    "no reason to live anymore",
]

ORDINARY = [
    "how does naltrexone work",
    "side effects",
    "odd taste",
    "odd taste in my mouth",
    "can i drink on the shot",
    "what happens if i stop naltrexone",
    "can i die from drinking on naltrexone",
    "is naltrexone addictive",
    "liver tests",
    "where can i get naloxone",
    "my husband is on vivitrol",
    "dosage",
    "doses per week",
    "breathing exercises for cravings",
    "wake up tired",
    "methadone",
    "",
]


@pytest.mark.parametrize("question", CRISIS)
def test_crisis_phrasings_are_recognised(question: str) -> None:
    assert crisis_in(question), question


@pytest.mark.parametrize("question", ORDINARY)
def test_ordinary_questions_are_not_a_crisis(question: str) -> None:
    assert crisis_in(question) == [], question


def test_the_kind_named_first_leads() -> None:
    assert crisis_in("i want to die, i took too much and overdosed") == [
        Crisis.SELF_HARM,
        Crisis.OVERDOSE,
    ]
    assert crisis_in("not breathing") == [Crisis.OVERDOSE]


def _box_comes_before_the_first_answer(html: str) -> None:
    assert 'class="crisis-answer"' in html
    box = html.index('class="crisis-answer"')
    assert 'href="tel:988"' in html[box:]
    assert 'href="tel:911"' in html[box:]
    assert reverse("education:article", args=["overdose-and-naloxone"]) in html[box:]
    if 'class="answer"' in html:
        assert box < html.index('class="answer"')


@pytest.mark.django_db
@pytest.mark.parametrize("question", ["overdose", "i want to die", "cant breathe naltrexone"])
def test_the_results_page_shows_help_above_the_articles(client: Client, question: str) -> None:
    response = client.get(reverse("education:search"), {"q": question})
    html = response.content.decode()
    _box_comes_before_the_first_answer(html)
    assert html.count('class="crisis-answer"') == 1
    assert html.index('class="crisis-answer"') < html.index("Best answers")


@pytest.mark.django_db
def test_articles_still_show_below_the_help(client: Client) -> None:
    html = client.get(reverse("education:search"), {"q": "overdose"}).content.decode()
    assert 'class="answer"' in html


@pytest.mark.django_db
def test_the_live_results_show_help_above_the_articles(client: Client) -> None:
    response = client.get(reverse("education:search"), {"q": "od"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html
    _box_comes_before_the_first_answer(html)


@pytest.mark.django_db
def test_a_self_harm_question_puts_988_first(client: Client) -> None:
    html = client.get(reverse("education:search"), {"q": "kill myself"}).content.decode()
    box = html[html.index('class="crisis-answer"') :]
    assert box.index('href="tel:988"') < box.index('href="tel:911"')
    overdose = client.get(reverse("education:search"), {"q": "not breathing"}).content.decode()
    box = overdose[overdose.index('class="crisis-answer"') :]
    assert box.index('href="tel:911"') < box.index('href="tel:988"')


@pytest.mark.django_db
@pytest.mark.parametrize("question", ["side effects", "odd taste"])
def test_ordinary_searches_show_no_box(client: Client, question: str) -> None:
    html = client.get(reverse("education:search"), {"q": question}).content.decode()
    assert "crisis-answer" not in html
