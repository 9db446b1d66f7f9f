"""The Patient Health Questionnaire (PHQ-9), as forms show it and ``score`` counts it."""

from __future__ import annotations

from typing import Final

from naltrack.clinical.instruments.spec import Band, InstrumentSpec, Item, labelled

# The flag a PHQ-9 with item 9 > 0 carries, whatever the total. source: PHQ9
SUICIDAL_IDEATION: Final = "suicidal_ideation"

# PHQ-9. source: PHQ9 — 9 items, each 0-3 over the last 2 weeks, total 0-27; item wording and
# answer labels are those of the published questionnaire.
_PHQ9_CHOICES: Final = labelled(
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
