"""The scored instruments (the ``score`` calculator): COWS, PACS, AUDIT-C, PHQ-9, craving scale.

Item keys, allowed answers and bands are those of shared/CLINICAL.md ("Instruments"); the JSON
contract is shared/CALCULATORS.md ("score"). ``INSTRUMENTS`` describes each instrument for the
user interfaces (items, question text, allowed answers and their labels) and is the single table
the scoring and the validation read, so what a form offers and what the calculator accepts cannot
differ.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Final, Literal

from naltrack.clinical.contract import InputError, as_choice, as_int, as_object, path
from naltrack.clinical.evidence import check_source, rule

InstrumentId = Literal["cows", "pacs", "audit_c", "phq9", "craving_vas"]
INSTRUMENT_IDS: Final[tuple[InstrumentId, ...]] = ("cows", "pacs", "audit_c", "phq9", "craving_vas")

Sex = Literal["female", "male"]
SEXES: Final[tuple[Sex, ...]] = ("female", "male")

# The flag a PHQ-9 with item 9 > 0 carries, whatever the total. source: PHQ9
SUICIDAL_IDEATION: Final = "suicidal_ideation"


@dataclass(frozen=True)
class Choice:
    """One allowed answer to an item: the points it scores and, where known, a short label."""

    value: int
    label: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "label": self.label}


@dataclass(frozen=True)
class Item:
    """One item of an instrument: its answer key, its question and its allowed answers."""

    key: str
    label: str
    choices: tuple[Choice, ...]

    @property
    def allowed(self) -> tuple[int, ...]:
        return tuple(choice.value for choice in self.choices)

    @property
    def max_value(self) -> int:
        return max(self.allowed)

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "choices": [choice.to_json() for choice in self.choices],
        }


@dataclass(frozen=True)
class Band:
    """A named band of the total score, ``low`` to ``high`` inclusive."""

    name: str
    low: int
    high: int

    def contains(self, total: int) -> bool:
        return self.low <= total <= self.high

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "low": self.low, "high": self.high}


@dataclass(frozen=True)
class InstrumentSpec:
    """An instrument as a form shows it and as ``score`` counts it.

    ``bands`` are the bands of the total (empty when the instrument has none, as PACS).
    ``bands_by_sex``, when set, replaces ``bands`` with bands that depend on the patient's sex
    (AUDIT-C); its ``None`` entry is used when the sex is unknown.
    """

    id: InstrumentId
    name: str
    source: str
    prompt: str
    items: tuple[Item, ...]
    bands: tuple[Band, ...] = ()
    bands_by_sex: tuple[tuple[Sex | None, tuple[Band, ...]], ...] = ()
    notes: str = ""
    max_score: int = field(init=False)

    def __post_init__(self) -> None:
        check_source(self.source)
        object.__setattr__(self, "max_score", sum(item.max_value for item in self.items))
        for bands in [self.bands, *(b for _, b in self.bands_by_sex)]:
            _check_bands(self.id, bands, self.max_score)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(item.key for item in self.items)

    def item(self, key: str) -> Item:
        for item in self.items:
            if item.key == key:
                return item
        raise KeyError(key)

    def bands_for(self, sex: Sex | None) -> tuple[Band, ...]:
        for band_sex, bands in self.bands_by_sex:
            if band_sex == sex:
                return bands
        return self.bands

    def band(self, total: int, sex: Sex | None = None) -> str | None:
        for band in self.bands_for(sex):
            if band.contains(total):
                return band.name
        return None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "source": self.source,
            "prompt": self.prompt,
            "max_score": self.max_score,
            "items": [item.to_json() for item in self.items],
            "bands": [band.to_json() for band in self.bands],
            "bands_by_sex": {
                ("unknown" if sex is None else sex): [band.to_json() for band in bands]
                for sex, bands in self.bands_by_sex
            },
            "notes": self.notes,
        }


def _check_bands(instrument: str, bands: tuple[Band, ...], max_score: int) -> None:
    """Bands, when given, must cover 0..max_score without gaps or overlaps (checked at import)."""
    if not bands:
        return
    expected_low = 0
    for band in bands:
        if band.low != expected_low or band.high < band.low:
            raise ValueError(f"{instrument}: bands must cover 0..{max_score} without gaps")
        expected_low = band.high + 1
    if expected_low != max_score + 1:
        raise ValueError(f"{instrument}: bands must end at {max_score}")


def _choices(*values: int) -> tuple[Choice, ...]:
    return tuple(Choice(value) for value in values)


def _labelled(*pairs: tuple[int, str]) -> tuple[Choice, ...]:
    return tuple(Choice(value, label) for value, label in pairs)


# ---------------------------------------------------------------------------------------------
# COWS. source: COWS — 11 items, total 0-48; allowed scores per item as in CLINICAL.md. The short
# answer labels summarise the published anchors of each score.
COWS_SPEC: Final = InstrumentSpec(
    id="cows",
    name="Clinical Opiate Withdrawal Scale (COWS)",
    source="COWS",
    prompt="Clinician-rated: score each sign as observed during the assessment.",
    items=(
        Item(
            "resting_pulse",
            "Resting pulse, measured after the patient has sat or lain for one minute",
            _labelled((0, "80 or below"), (1, "81-100"), (2, "101-120"), (4, "above 120")),
        ),
        Item(
            "sweating",
            "Sweating in the last half hour, not explained by room temperature or activity",
            _labelled(
                (0, "no chills or flushing reported"),
                (1, "reports chills or flushing"),
                (2, "flushed or visibly moist face"),
                (3, "beads of sweat on brow or face"),
                (4, "sweat streaming off the face"),
            ),
        ),
        Item(
            "restlessness",
            "Restlessness during the assessment",
            _labelled(
                (0, "able to sit still"),
                (1, "finds it hard to sit still but can"),
                (3, "frequent shifting or extra movements of legs or arms"),
                (5, "cannot sit still for more than a few seconds"),
            ),
        ),
        Item(
            "pupil_size",
            "Pupil size",
            _labelled(
                (0, "pinned or normal for the room light"),
                (1, "possibly larger than normal for the room light"),
                (2, "moderately dilated"),
                (5, "so dilated that only the rim of the iris shows"),
            ),
        ),
        Item(
            "bone_joint_aches",
            "Bone or joint aches (score only what withdrawal adds to any earlier pain)",
            _labelled(
                (0, "none"),
                (1, "mild diffuse discomfort"),
                (2, "reports severe diffuse aching of joints or muscles"),
                (4, "rubbing joints or muscles, cannot sit still for the discomfort"),
            ),
        ),
        Item(
            "runny_nose_tearing",
            "Runny nose or tearing, not explained by a cold or allergies",
            _labelled(
                (0, "none"),
                (1, "nasal stuffiness or unusually moist eyes"),
                (2, "nose running or tearing"),
                (4, "nose constantly running or tears streaming down the cheeks"),
            ),
        ),
        Item(
            "gi_upset",
            "GI upset in the last half hour",
            _labelled(
                (0, "no GI symptoms"),
                (1, "stomach cramps"),
                (2, "nausea or loose stool"),
                (3, "vomiting or diarrhea"),
                (5, "several episodes of vomiting or diarrhea"),
            ),
        ),
        Item(
            "tremor",
            "Tremor of the outstretched hands",
            _labelled(
                (0, "no tremor"),
                (1, "tremor can be felt but not seen"),
                (2, "slight tremor can be seen"),
                (4, "gross tremor or muscle twitching"),
            ),
        ),
        Item(
            "yawning",
            "Yawning during the assessment",
            _labelled(
                (0, "no yawning"),
                (1, "once or twice"),
                (2, "three or more times"),
                (4, "several times a minute"),
            ),
        ),
        Item(
            "anxiety_irritability",
            "Anxiety or irritability",
            _labelled(
                (0, "none"),
                (1, "reports growing irritability or anxiety"),
                (2, "obviously irritable or anxious"),
                (4, "so irritable or anxious that the assessment is difficult"),
            ),
        ),
        Item(
            "gooseflesh",
            "Gooseflesh skin",
            _labelled(
                (0, "skin is smooth"),
                (3, "gooseflesh can be felt, or hairs standing up on the arms"),
                (5, "prominent gooseflesh"),
            ),
        ),
    ),
    # source: COWS — 0-4 none, 5-12 mild, 13-24 moderate, 25-36 moderately severe, >36 severe.
    bands=(
        Band("none", 0, 4),
        Band("mild", 5, 12),
        Band("moderate", 13, 24),
        Band("moderately_severe", 25, 36),
        Band("severe", 37, 48),
    ),
)

# PACS. source: PACS — 5 items, each 0-6, total 0-30; no validated severity bands (band null).
_PACS_RANGE: Final = _choices(0, 1, 2, 3, 4, 5, 6)
PACS_SPEC: Final = InstrumentSpec(
    id="pacs",
    name="Penn Alcohol Craving Scale (PACS)",
    source="PACS",
    prompt="About the past week. Each answer scores 0 (none) to 6 (the most).",
    items=(
        Item("q1", "How often you thought about drinking", _PACS_RANGE),
        Item("q2", "How strong your craving was at its most intense", _PACS_RANGE),
        Item("q3", "How much time you spent thinking about drinking", _PACS_RANGE),
        Item("q4", "How hard it would have been to resist a drink if you had had one", _PACS_RANGE),
        Item("q5", "Your craving for alcohol overall", _PACS_RANGE),
    ),
    notes="No validated severity bands: the band is always null; follow the trend over time.",
)

# AUDIT-C. source: AUDITC — 3 items, each 0-4, total 0-12; positive at >= 4 for men and >= 3
# for women (Bradley 2007); the lower cut-off (3) when the sex is unknown.
AUDIT_C_CUTOFF: Final[dict[Sex | None, int]] = {"male": 4, "female": 3, None: 3}  # source: AUDITC


def _audit_c_bands(cutoff: int) -> tuple[Band, ...]:
    return (Band("negative", 0, cutoff - 1), Band("positive", cutoff, 12))  # source: AUDITC


AUDIT_C_SPEC: Final = InstrumentSpec(
    id="audit_c",
    name="AUDIT-C (alcohol consumption questions)",
    source="AUDITC",
    prompt="About drinking alcohol.",
    items=(
        Item(
            "q1",
            "How often do you have a drink containing alcohol?",
            _labelled(
                (0, "never"),
                (1, "monthly or less"),
                (2, "2-4 times a month"),
                (3, "2-3 times a week"),
                (4, "4 or more times a week"),
            ),
        ),
        Item(
            "q2",
            "How many drinks containing alcohol do you have on a typical day when you are "
            "drinking?",
            _labelled(
                (0, "1 or 2"), (1, "3 or 4"), (2, "5 or 6"), (3, "7 to 9"), (4, "10 or more")
            ),
        ),
        Item(
            "q3",
            "How often do you have six or more drinks on one occasion?",
            _labelled(
                (0, "never"),
                (1, "less than monthly"),
                (2, "monthly"),
                (3, "weekly"),
                (4, "daily or almost daily"),
            ),
        ),
    ),
    bands_by_sex=tuple((sex, _audit_c_bands(cutoff)) for sex, cutoff in AUDIT_C_CUTOFF.items()),
    notes="Positive at 4 or more for men and 3 or more for women; 3 or more when sex is unknown.",
)

# PHQ-9. source: PHQ9 — 9 items, each 0-3 over the last 2 weeks, total 0-27; item wording and
# answer labels are those of the published questionnaire.
_PHQ9_CHOICES: Final = _labelled(
    (0, "not at all"), (1, "several days"), (2, "more than half the days"), (3, "nearly every day")
)
PHQ9_SPEC: Final = InstrumentSpec(
    id="phq9",
    name="Patient Health Questionnaire (PHQ-9)",
    source="PHQ9",
    prompt="Over the last 2 weeks, how often have you been bothered by any of the following "
    "problems?",
    items=(
        Item("q1", "Little interest or pleasure in doing things", _PHQ9_CHOICES),
        Item("q2", "Feeling down, depressed, or hopeless", _PHQ9_CHOICES),
        Item("q3", "Trouble falling or staying asleep, or sleeping too much", _PHQ9_CHOICES),
        Item("q4", "Feeling tired or having little energy", _PHQ9_CHOICES),
        Item("q5", "Poor appetite or overeating", _PHQ9_CHOICES),
        Item(
            "q6",
            "Feeling bad about yourself, or that you are a failure or have let yourself or your "
            "family down",
            _PHQ9_CHOICES,
        ),
        Item(
            "q7",
            "Trouble concentrating on things, such as reading the newspaper or watching television",
            _PHQ9_CHOICES,
        ),
        Item(
            "q8",
            "Moving or speaking so slowly that other people could have noticed, or the opposite: "
            "being so fidgety or restless that you have been moving around a lot more than usual",
            _PHQ9_CHOICES,
        ),
        Item(
            "q9",
            "Thoughts that you would be better off dead, or of hurting yourself in some way",
            _PHQ9_CHOICES,
        ),
    ),
    # source: PHQ9 — 0-4 minimal, 5-9 mild, 10-14 moderate, 15-19 moderately severe, 20-27 severe.
    bands=(
        Band("minimal", 0, 4),
        Band("mild", 5, 9),
        Band("moderate", 10, 14),
        Band("moderately_severe", 15, 19),
        Band("severe", 20, 27),
    ),
    notes="Any answer above 0 to item 9 flags suicidal_ideation whatever the total: alert the "
    "clinician at once and show the patient crisis help (call or text 988).",
)

# Craving scale. source: NALTRACK — one item 0-10; bands are a product convention.
CRAVING_SPEC: Final = InstrumentSpec(
    id="craving_vas",
    name="Craving scale (0-10)",
    source="NALTRACK",
    prompt="0 means no craving at all, 10 the strongest craving you can imagine.",
    items=(
        Item(
            "craving",
            "How strong is your craving right now?",
            _choices(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
        ),
    ),
    # source: NALTRACK — 0 none, 1-3 low, 4-6 moderate, 7-10 high.
    bands=(Band("none", 0, 0), Band("low", 1, 3), Band("moderate", 4, 6), Band("high", 7, 10)),
    notes="Bands are a Naltrack convention, not a validated scale.",
)

INSTRUMENTS: Final[dict[str, InstrumentSpec]] = {
    spec.id: spec for spec in (COWS_SPEC, PACS_SPEC, AUDIT_C_SPEC, PHQ9_SPEC, CRAVING_SPEC)
}
assert tuple(INSTRUMENTS) == INSTRUMENT_IDS


def _band_text(spec: InstrumentSpec) -> str:
    return ", ".join(f"{b.low}-{b.high} {b.name}" for b in spec.bands)


SCORE_COWS = rule(
    code="score_cows",
    area="instruments",
    summary="COWS: sum of the 11 items, banded by severity of opioid withdrawal",
    threshold=f"total 0-{COWS_SPEC.max_score}; {_band_text(COWS_SPEC)}",
    source="COWS",
)
SCORE_PACS = rule(
    code="score_pacs",
    area="instruments",
    summary="PACS: sum of the 5 items; no validated bands, so no band is given",
    threshold=f"total 0-{PACS_SPEC.max_score}; band null",
    source="PACS",
)
SCORE_AUDIT_C = rule(
    code="score_audit_c",
    area="instruments",
    summary="AUDIT-C: sum of the 3 items; positive screen at a cut-off that depends on sex",
    threshold="total 0-12; positive at ≥4 for men, ≥3 for women, ≥3 when sex is unknown",
    source="AUDITC",
)
SCORE_PHQ9 = rule(
    code="score_phq9",
    area="instruments",
    summary="PHQ-9: sum of the 9 items, banded by depression severity",
    threshold=f"total 0-{PHQ9_SPEC.max_score}; {_band_text(PHQ9_SPEC)}",
    source="PHQ9",
)
SCORE_PHQ9_ITEM9 = rule(
    code="score_phq9_item9_flag",
    area="instruments",
    summary="PHQ-9 item 9 (thoughts of being better off dead or of self-harm) is flagged "
    "suicidal_ideation whatever the total",
    threshold="item 9 > 0",
    source="PHQ9",
)
SCORE_CRAVING = rule(
    code="score_craving_vas",
    area="instruments",
    summary="Craving scale: one item 0-10, banded by a Naltrack convention",
    threshold=_band_text(CRAVING_SPEC),
    source="NALTRACK",
)


# ---------------------------------------------------------------------------------------------
# Scoring


@dataclass(frozen=True)
class ScoreInput:
    """One completed instrument. Validated on construction: a bad answer raises ``InputError``."""

    instrument: InstrumentId
    answers: Mapping[str, int]
    sex: Sex | None = None

    def __post_init__(self) -> None:
        instrument = as_choice(self.instrument, "instrument", INSTRUMENT_IDS)
        if self.sex is not None:
            as_choice(self.sex, "sex", SEXES)
        answers = _check_answers(INSTRUMENTS[instrument], self.answers)
        object.__setattr__(self, "answers", MappingProxyType(answers))


@dataclass(frozen=True)
class ScoreResult:
    instrument: InstrumentId
    score: int
    max_score: int
    band: str | None
    flags: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "instrument": self.instrument,
            "score": self.score,
            "max_score": self.max_score,
            "band": self.band,
            "flags": list(self.flags),
        }


def _check_answers(spec: InstrumentSpec, answers: Any) -> dict[str, int]:
    """Every item answered once with one of its allowed values, and nothing else."""
    as_object(answers, "answers", required=spec.keys)
    checked: dict[str, int] = {}
    for item in spec.items:
        field_path = path("answers", item.key)
        value = as_int(answers[item.key], field_path)
        if value not in item.allowed:
            raise InputError(
                field_path, "must be one of " + ", ".join(str(v) for v in item.allowed)
            )
        checked[item.key] = value
    return checked


def score(inp: ScoreInput) -> ScoreResult:
    """Score one instrument (CLINICAL.md "Instruments")."""
    spec = INSTRUMENTS[inp.instrument]
    total = sum(inp.answers[key] for key in spec.keys)
    flags: list[str] = []
    # source: PHQ9 — item 9 > 0 is flagged whatever the total.
    if spec.id == "phq9" and inp.answers["q9"] > 0:
        flags.append(SUICIDAL_IDEATION)
    return ScoreResult(
        instrument=spec.id,
        score=total,
        max_score=spec.max_score,
        band=spec.band(total, inp.sex),
        flags=tuple(flags),
    )


def score_from_json(payload: Any) -> ScoreInput:
    """Parse the ``score`` calculator's JSON input (CALCULATORS.md); raises ``InputError``."""
    obj = as_object(payload, "", required=("instrument", "answers"), optional=("sex",))
    instrument = as_choice(obj["instrument"], "instrument", INSTRUMENT_IDS)
    sex_value = obj.get("sex")
    sex = None if sex_value is None else as_choice(sex_value, "sex", SEXES)
    answers = _check_answers(INSTRUMENTS[instrument], obj["answers"])
    return ScoreInput(instrument=instrument, answers=answers, sex=sex)


def score_json(payload: Any) -> dict[str, Any]:
    """The ``score`` calculator, JSON in and JSON out; raises ``InputError`` on invalid input."""
    return score(score_from_json(payload)).to_json()
