"""The ``score`` calculator (docs/calculators.md; the sources, docs/clinical-sources.md)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from naltrack.clinical.contract import InputError
from naltrack.clinical.evidence import RULES
from naltrack.clinical.instruments import (
    INSTRUMENT_IDS,
    INSTRUMENTS,
    InstrumentSpec,
    ScoreInput,
    ScoreResult,
    score,
    score_from_json,
    score_json,
)

# The item keys and allowed values of the published instruments, written out again so the table
# in the code is checked against the sources rather than against itself.
EXPECTED_ITEMS: dict[str, dict[str, tuple[int, ...]]] = {
    "cows": {  # source: COWS
        "resting_pulse": (0, 1, 2, 4),
        "sweating": (0, 1, 2, 3, 4),
        "restlessness": (0, 1, 3, 5),
        "pupil_size": (0, 1, 2, 5),
        "bone_joint_aches": (0, 1, 2, 4),
        "runny_nose_tearing": (0, 1, 2, 4),
        "gi_upset": (0, 1, 2, 3, 5),
        "tremor": (0, 1, 2, 4),
        "yawning": (0, 1, 2, 4),
        "anxiety_irritability": (0, 1, 2, 4),
        "gooseflesh": (0, 3, 5),
    },
    "pacs": {f"q{i}": tuple(range(7)) for i in range(1, 6)},  # source: PACS
    "audit_c": {f"q{i}": tuple(range(5)) for i in range(1, 4)},  # source: AUDITC
    "phq9": {f"q{i}": tuple(range(4)) for i in range(1, 10)},  # source: PHQ9
    "craving_vas": {"craving": tuple(range(11))},  # source: NALTRACK
}
EXPECTED_MAX = {"cows": 48, "pacs": 30, "audit_c": 12, "phq9": 27, "craving_vas": 10}
EXPECTED_SOURCE = {
    "cows": "COWS",
    "pacs": "PACS",
    "audit_c": "AUDITC",
    "phq9": "PHQ9",
    "craving_vas": "NALTRACK",
}


def answers_for(instrument: str, total: int, *, last: str | None = None) -> dict[str, int]:
    """Allowed answers summing to ``total``; the item ``last`` is filled only when needed."""
    spec = INSTRUMENTS[instrument]
    items = sorted(spec.items, key=lambda item: item.key == last)  # ``last`` goes last

    def fill(index: int, remaining: int) -> dict[str, int] | None:
        if index == len(items):
            return {} if remaining == 0 else None
        item = items[index]
        for value in sorted(item.allowed, reverse=True):
            if value <= remaining:
                rest = fill(index + 1, remaining - value)
                if rest is not None:
                    return {item.key: value, **rest}
        return None

    answers = fill(0, total)
    assert answers is not None, f"{instrument}: no answers add up to {total}"
    return answers


def expected_band(instrument: str, total: int, sex: str | None) -> str | None:
    """The bands of the published instruments, written independently of the code."""
    if instrument == "cows":  # source: COWS
        if total <= 4:
            return "none"
        if total <= 12:
            return "mild"
        if total <= 24:
            return "moderate"
        return "moderately_severe" if total <= 36 else "severe"
    if instrument == "pacs":  # source: PACS — no validated bands
        return None
    if instrument == "audit_c":  # source: AUDITC
        return "positive" if total >= (4 if sex == "male" else 3) else "negative"
    if instrument == "phq9":  # source: PHQ9
        if total <= 4:
            return "minimal"
        if total <= 9:
            return "mild"
        if total <= 14:
            return "moderate"
        return "moderately_severe" if total <= 19 else "severe"
    # craving_vas, source: NALTRACK
    if total == 0:
        return "none"
    if total <= 3:
        return "low"
    return "moderate" if total <= 6 else "high"


# ---------------------------------------------------------------------------------------------
# Metadata


def test_instruments_cover_the_contract() -> None:
    assert tuple(INSTRUMENTS) == INSTRUMENT_IDS == tuple(EXPECTED_ITEMS)


@pytest.mark.parametrize("instrument", INSTRUMENT_IDS)
def test_items_allowed_values_max_and_source_match_clinical_md(instrument: str) -> None:
    spec = INSTRUMENTS[instrument]
    assert {item.key: item.allowed for item in spec.items} == EXPECTED_ITEMS[instrument]
    assert spec.max_score == EXPECTED_MAX[instrument]
    assert spec.source == EXPECTED_SOURCE[instrument]
    assert all(item.label for item in spec.items)


def test_audit_c_q1_answer_labels() -> None:  # source: AUDITC
    q1 = INSTRUMENTS["audit_c"].item("q1")
    assert [(c.value, c.label) for c in q1.choices] == [
        (0, "never"),
        (1, "monthly or less"),
        (2, "2-4 times a month"),
        (3, "2-3 times a week"),
        (4, "4 or more times a week"),
    ]


@pytest.mark.parametrize("spec", INSTRUMENTS.values(), ids=INSTRUMENT_IDS)
def test_spec_json_is_serialisable(spec: InstrumentSpec) -> None:
    data = json.loads(json.dumps(spec.to_json()))
    assert data["id"] == spec.id
    assert data["max_score"] == spec.max_score
    assert [item["key"] for item in data["items"]] == list(spec.keys)


@pytest.mark.parametrize(
    ("code", "source"),
    [
        ("score_cows", "COWS"),
        ("score_pacs", "PACS"),
        ("score_audit_c", "AUDITC"),
        ("score_phq9", "PHQ9"),
        ("score_phq9_item9_flag", "PHQ9"),
        ("score_craving_vas", "NALTRACK"),
    ],
)
def test_rules_registered(code: str, source: str) -> None:
    assert RULES[code].source == source
    assert RULES[code].area == "instruments"


# ---------------------------------------------------------------------------------------------
# Bands at every boundary


BAND_ROWS = [
    # (instrument, total, sex, band, source)
    ("cows", 0, None, "none", "COWS"),
    ("cows", 4, None, "none", "COWS"),
    ("cows", 5, None, "mild", "COWS"),
    ("cows", 12, None, "mild", "COWS"),
    ("cows", 13, None, "moderate", "COWS"),
    ("cows", 24, None, "moderate", "COWS"),
    ("cows", 25, None, "moderately_severe", "COWS"),
    ("cows", 36, None, "moderately_severe", "COWS"),
    ("cows", 37, None, "severe", "COWS"),
    ("cows", 48, None, "severe", "COWS"),
    ("pacs", 0, None, None, "PACS"),
    ("pacs", 15, None, None, "PACS"),
    ("pacs", 30, None, None, "PACS"),
    ("audit_c", 0, "male", "negative", "AUDITC"),
    ("audit_c", 3, "male", "negative", "AUDITC"),
    ("audit_c", 4, "male", "positive", "AUDITC"),
    ("audit_c", 12, "male", "positive", "AUDITC"),
    ("audit_c", 0, "female", "negative", "AUDITC"),
    ("audit_c", 2, "female", "negative", "AUDITC"),
    ("audit_c", 3, "female", "positive", "AUDITC"),
    ("audit_c", 12, "female", "positive", "AUDITC"),
    ("audit_c", 2, None, "negative", "AUDITC"),  # sex unknown: the lower cut-off
    ("audit_c", 3, None, "positive", "AUDITC"),
    ("phq9", 0, None, "minimal", "PHQ9"),
    ("phq9", 4, None, "minimal", "PHQ9"),
    ("phq9", 5, None, "mild", "PHQ9"),
    ("phq9", 9, None, "mild", "PHQ9"),
    ("phq9", 10, None, "moderate", "PHQ9"),
    ("phq9", 14, None, "moderate", "PHQ9"),
    ("phq9", 15, None, "moderately_severe", "PHQ9"),
    ("phq9", 19, None, "moderately_severe", "PHQ9"),
    ("phq9", 20, None, "severe", "PHQ9"),
    ("phq9", 24, None, "severe", "PHQ9"),
    ("craving_vas", 0, None, "none", "NALTRACK"),
    ("craving_vas", 1, None, "low", "NALTRACK"),
    ("craving_vas", 3, None, "low", "NALTRACK"),
    ("craving_vas", 4, None, "moderate", "NALTRACK"),
    ("craving_vas", 6, None, "moderate", "NALTRACK"),
    ("craving_vas", 7, None, "high", "NALTRACK"),
    ("craving_vas", 10, None, "high", "NALTRACK"),
]


@pytest.mark.parametrize(
    ("instrument", "total", "sex", "band", "source"),
    BAND_ROWS,
    ids=[f"{r[0]}-{r[1]}-{r[2]}-{r[4]}" for r in BAND_ROWS],
)
def test_band_boundaries(
    instrument: str, total: int, sex: str | None, band: str | None, source: str
) -> None:
    assert INSTRUMENTS[instrument].source == source
    answers = answers_for(instrument, total, last="q9")
    result = score_json({"instrument": instrument, "answers": answers, "sex": sex})
    assert result["score"] == total
    assert result["band"] == band
    assert result["max_score"] == EXPECTED_MAX[instrument]
    assert result["flags"] == []


# ---------------------------------------------------------------------------------------------
# The PHQ-9 item 9 flag (source: PHQ9)


@pytest.mark.parametrize(
    ("q9", "other_total", "band", "flags"),
    [
        (0, 0, "minimal", []),
        (1, 0, "minimal", ["suicidal_ideation"]),  # flagged whatever the total
        (0, 24, "severe", []),
        (3, 24, "severe", ["suicidal_ideation"]),  # and the total reaches 27
        (2, 8, "moderate", ["suicidal_ideation"]),
    ],
)
def test_phq9_item9_flag(q9: int, other_total: int, band: str, flags: list[str]) -> None:
    answers = answers_for("phq9", other_total, last="q9")
    assert answers["q9"] == 0
    answers["q9"] = q9
    result = score(ScoreInput("phq9", answers))
    assert result.score == other_total + q9
    assert result.band == band
    assert list(result.flags) == flags


# ---------------------------------------------------------------------------------------------
# The output form of docs/calculators.md


def test_output_form_matches_the_contract() -> None:
    answers = answers_for("cows", 7)
    result = score_json({"instrument": "cows", "answers": answers, "sex": None})
    assert result == {
        "instrument": "cows",
        "score": 7,
        "max_score": 48,
        "band": "mild",
        "flags": [],
    }
    assert json.loads(json.dumps(result)) == result


def test_typed_result_to_json() -> None:
    result = ScoreResult("phq9", 3, 27, "minimal", ("suicidal_ideation",))
    assert result.to_json() == {
        "instrument": "phq9",
        "score": 3,
        "max_score": 27,
        "band": "minimal",
        "flags": ["suicidal_ideation"],
    }


def test_sex_is_optional() -> None:
    answers = {"q1": 1, "q2": 1, "q3": 1}
    assert score_json({"instrument": "audit_c", "answers": answers})["band"] == "positive"
    parsed = score_from_json({"instrument": "audit_c", "answers": answers, "sex": "male"})
    assert parsed.sex == "male"
    assert score(parsed).band == "negative"


def test_score_input_is_read_only() -> None:
    source = {"craving": 5}
    inp = ScoreInput("craving_vas", source)
    source["craving"] = 9
    assert inp.answers["craving"] == 5
    with pytest.raises(TypeError):
        inp.answers["craving"] = 9  # type: ignore[index]


# ---------------------------------------------------------------------------------------------
# Invalid input: every error names the field


def _phq9(**changes: Any) -> dict[str, Any]:
    answers: dict[str, Any] = {f"q{i}": 0 for i in range(1, 10)}
    answers.update(changes)
    return answers


INVALID = [
    # (id, payload, field)
    ("not-an-object", [1, 2], "$"),
    ("null", None, "$"),
    ("no-instrument", {"answers": {"craving": 1}}, "instrument"),
    ("no-answers", {"instrument": "craving_vas"}, "answers"),
    ("unknown-top-level", {"instrument": "craving_vas", "answers": {"craving": 1}, "x": 1}, "x"),
    ("unknown-instrument", {"instrument": "cage", "answers": {}}, "instrument"),
    ("instrument-case", {"instrument": "PHQ9", "answers": _phq9()}, "instrument"),
    (
        "bad-sex",
        {"instrument": "audit_c", "answers": {"q1": 0, "q2": 0, "q3": 0}, "sex": "M"},
        "sex",
    ),
    ("answers-not-object", {"instrument": "phq9", "answers": [0] * 9}, "answers"),
    ("missing-item", {"instrument": "audit_c", "answers": {"q1": 0, "q2": 0}}, "answers.q3"),
    ("extra-item", {"instrument": "phq9", "answers": _phq9(q10=0)}, "answers.q10"),
    ("above-range", {"instrument": "phq9", "answers": _phq9(q4=4)}, "answers.q4"),
    ("negative", {"instrument": "phq9", "answers": _phq9(q2=-1)}, "answers.q2"),
    ("bool", {"instrument": "phq9", "answers": _phq9(q1=True)}, "answers.q1"),
    ("float", {"instrument": "phq9", "answers": _phq9(q5=1.0)}, "answers.q5"),
    ("string", {"instrument": "phq9", "answers": _phq9(q6="1")}, "answers.q6"),
    ("null-answer", {"instrument": "phq9", "answers": _phq9(q9=None)}, "answers.q9"),
    (
        "cows-gap-value",
        {"instrument": "cows", "answers": {**answers_for("cows", 0), "restlessness": 2}},
        "answers.restlessness",
    ),
    (
        "cows-gooseflesh-1",
        {"instrument": "cows", "answers": {**answers_for("cows", 0), "gooseflesh": 1}},
        "answers.gooseflesh",
    ),
    (
        "cows-pulse-3",
        {"instrument": "cows", "answers": {**answers_for("cows", 0), "resting_pulse": 3}},
        "answers.resting_pulse",
    ),
    ("pacs-7", {"instrument": "pacs", "answers": {f"q{i}": 7 for i in range(1, 6)}}, "answers.q1"),
    ("craving-11", {"instrument": "craving_vas", "answers": {"craving": 11}}, "answers.craving"),
    ("craving-wrong-key", {"instrument": "craving_vas", "answers": {"vas": 3}}, "answers.vas"),
]


@pytest.mark.parametrize(
    ("payload", "field"), [r[1:] for r in INVALID], ids=[r[0] for r in INVALID]
)
def test_invalid_input_names_the_field(payload: Any, field: str) -> None:
    with pytest.raises(InputError) as caught:
        score_json(payload)
    assert caught.value.field == field
    error = caught.value.to_json()
    assert set(error) == {"error"}
    assert error["error"]["field"] == field
    assert error["error"]["message"]


def test_allowed_values_are_named_in_the_message() -> None:
    with pytest.raises(InputError) as caught:
        score_json({"instrument": "cows", "answers": {**answers_for("cows", 0), "gooseflesh": 4}})
    assert caught.value.message == "must be one of 0, 3, 5"


def test_typed_input_is_validated_too() -> None:
    with pytest.raises(InputError) as caught:
        ScoreInput("audit_c", {"q1": 0, "q2": 5, "q3": 0})
    assert caught.value.field == "answers.q2"
    with pytest.raises(InputError) as caught:
        ScoreInput("audit_c", {"q1": 0, "q2": 0, "q3": 0}, sex="x")  # type: ignore[arg-type]
    assert caught.value.field == "sex"


# ---------------------------------------------------------------------------------------------
# Properties


@st.composite
def completed(draw: st.DrawFn) -> tuple[str, dict[str, int], str | None]:
    instrument = draw(st.sampled_from(INSTRUMENT_IDS))
    answers = {
        item.key: draw(st.sampled_from(item.allowed)) for item in INSTRUMENTS[instrument].items
    }
    sex = draw(st.sampled_from([None, "female", "male"]))
    return instrument, answers, sex


@given(completed())
def test_score_in_range_and_band_consistent(case: tuple[str, dict[str, int], str | None]) -> None:
    instrument, answers, sex = case
    result = score_json({"instrument": instrument, "answers": answers, "sex": sex})
    assert 0 <= result["score"] <= result["max_score"] == EXPECTED_MAX[instrument]
    assert result["score"] == sum(answers.values())
    assert result["band"] == expected_band(instrument, result["score"], sex)
    flagged = instrument == "phq9" and answers["q9"] > 0
    assert result["flags"] == (["suicidal_ideation"] if flagged else [])


@given(completed(), st.sampled_from(["extra", "missing", "bad_value"]))
def test_any_broken_answer_names_its_item(
    case: tuple[str, dict[str, int], str | None], how: str
) -> None:
    instrument, answers, _ = case
    spec = INSTRUMENTS[instrument]
    key = spec.keys[-1]
    if how == "extra":
        answers["unexpected"] = 0
        field = "answers.unexpected"
    elif how == "missing":
        del answers[key]
        field = f"answers.{key}"
    else:
        answers[key] = spec.item(key).max_value + 1
        field = f"answers.{key}"
    with pytest.raises(InputError) as caught:
        score_json({"instrument": instrument, "answers": answers})
    assert caught.value.field == field
