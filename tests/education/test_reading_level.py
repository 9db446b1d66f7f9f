from __future__ import annotations

import pytest

from naltrack.education.content import derive_body
from naltrack.education.reading_level import count_syllables, flesch_kincaid_grade, split_sentences


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("cat", 1),
        ("naltrexone", 3),
        ("medicine", 3),
        ("stopped", 1),
        ("needed", 2),
        ("injection", 3),
        ("table", 2),
        ("makes", 1),
        ("opioid", 3),
        ("50", 1),
    ],
)
def test_syllables(word: str, syllables: int) -> None:
    assert count_syllables(word) == syllables


def test_sentences_keep_abbreviations() -> None:
    assert split_sentences("Take it, e.g. at night. Then rest! Why?") == [
        "Take it, e.g. at night.",
        "Then rest!",
        "Why?",
    ]


def test_grade_rises_with_long_words_and_sentences() -> None:
    easy = flesch_kincaid_grade(["The cat sat on the mat. It was a good day."])
    hard = flesch_kincaid_grade(
        [
            "Pharmacological antagonism of endogenous opioid receptors substantially "
            "attenuates the reinforcing consequences of ethanol consumption in dependent individuals."
        ]
    )
    assert easy < 3 < 12 < hard
    assert flesch_kincaid_grade([]) == 0


def test_headings_and_citations_do_not_count() -> None:
    with_citation = derive_body("Take one pill a day (source: REVIA, VIVITROL).")
    without = derive_body("Take one pill a day.")
    assert with_citation.grade == without.grade
    assert with_citation.text == "Take one pill a day."
    assert derive_body("## A heading\n\nText here.").text == "# A heading\nText here."
