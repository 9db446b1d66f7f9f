"""The word lists' file (education/data/synonyms.toml): read as the search needs it, and a word
listed twice stops the load instead of one entry silently winning."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from naltrack.education.synonyms import (
    DATA_FILE,
    MISSPELLINGS,
    SYNONYMS,
    WordListError,
    parse_word_lists,
)

ROOT = Path(__file__).resolve().parents[2]


def lists(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "misspellings": {"naltrexone": ["naltrexon", "nal trex"]},
        "synonyms": [
            {"typed": ["vivitrol", "jab"], "search": ["injection", "shot"]},
            {"typed": ["nursing"], "search": ["breastfeeding"]},
            {"typed": ["heard"], "search": ["myth"], "weight": 0.75},
        ],
        "not_searched": {"misleading": ["nursing"], "question_forms": ["how much"]},
        "brand_names": {"vivitrol": "naltrexone"},
        "stopwords": {"words": ["a", "the"]},
        "vocabulary": {"more": ["clinic"]},
        "people": {
            "one": ["husband", "loved one"],
            "groups": ["family"],
            "possessives": ["my"],
            "helping": ["help"],
        },
        "intents": [
            {"name": "how it works", "when": [["brain"], ["how", "block"]], "search": ["work"]}
        ],
    }
    return {**data, **changes}


def test_the_tables_read_from_the_file() -> None:
    assert MISSPELLINGS["nal trex"] == "naltrexone"
    assert SYNONYMS["the shot"] == ("injection", "shot")
    assert SYNONYMS["once a month"] == ("monthly", "injection", "shot")


def test_the_data_file_ships_with_the_package() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert DATA_FILE == "data/synonyms.toml"
    assert "education/data/*.toml" in pyproject["tool"]["setuptools"]["package-data"]["naltrack"]


def test_parse_word_lists() -> None:
    parsed = parse_word_lists(lists())
    assert parsed.misspellings == {"naltrexon": "naltrexone", "nal trex": "naltrexone"}
    assert parsed.synonyms == {
        "vivitrol": ("injection", "shot"),
        "jab": ("injection", "shot"),
        "nursing": ("breastfeeding",),
        "heard": ("myth",),
    }
    # a block's words count less only when it says so
    assert parsed.typed_weights == {"heard": 0.75}
    assert parsed.not_searched == {"nursing", "how much"}
    assert parsed.stopwords == {"a", "the"}
    assert parsed.vocabulary == {
        "naltrexone",
        "vivitrol",
        "nursing",
        "injection",
        "shot",
        "breastfeeding",
        "heard",
        "myth",
        "clinic",
    }
    assert parsed.people == {"husband", "loved one"}
    assert parsed.people_groups == {"family"}
    assert parsed.helping == {"help"}
    (intent,) = parsed.intents
    assert intent.name == "how it works"
    assert intent.when == (("brain",), ("how", "block"))
    assert intent.search == ("work",)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"misspellings": {"naltrexone": ["naltrexon"], "naloxone": ["naltrexon"]}},
            "misspelling 'naltrexon' is listed twice",
        ),
        (
            {"synonyms": [{"typed": ["jab"], "search": ["shot"]}] * 2},
            "'jab' is typed in two [[synonyms]] blocks",
        ),
        ({"synonyms": [{"typed": ["jab"], "serch": ["shot"]}]}, "must have `typed` and `search`"),
        (
            {"synonyms": [{"typed": ["heard"], "search": ["myth"], "weight": 2}]},
            "`weight` must be a number in (0, 1]",
        ),
        (
            {"synonyms": [{"typed": ["heard"], "search": ["myth"], "weight": "less"}]},
            "`weight` must be a number in (0, 1]",
        ),
        (
            {"synonyms": [{"typed": ["heard"], "search": ["myth"], "weight": True}]},
            "`weight` must be a number in (0, 1]",
        ),
        ({"stopwords": {"words": "a the"}}, "[stopwords] words must be a list of words"),
        ({"brand_names": None}, "[brand_names] is missing"),
        ({"people": None}, "[people] is missing"),
        ({"people": {"one": "husband"}}, "[people] one must be a list of words"),
        (
            {"intents": [{"name": "how it works", "when": [], "search": ["work"]}]},
            "`when` must be a list of patterns",
        ),
        (
            {"intents": [{"name": "how it works", "search": ["work"]}]},
            "must have `name`, `when` and `search`",
        ),
    ],
)
def test_a_bad_file_is_refused(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(WordListError) as error:
        parse_word_lists(lists(**changes))
    assert message in str(error.value)
