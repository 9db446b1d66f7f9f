"""The Clinical Opiate Withdrawal Scale (COWS), as forms show it and ``score`` counts it."""

from __future__ import annotations

from typing import Final

from naltrack.clinical.instruments.spec import Band, InstrumentSpec, Item, labelled

# COWS. source: COWS — 11 items, total 0-48; allowed scores per item as published. The short
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
            labelled((0, "80 or below"), (1, "81-100"), (2, "101-120"), (4, "above 120")),
        ),
        Item(
            "sweating",
            "Sweating in the last half hour, not explained by room temperature or activity",
            labelled(
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
            labelled(
                (0, "able to sit still"),
                (1, "finds it hard to sit still but can"),
                (3, "frequent shifting or extra movements of legs or arms"),
                (5, "cannot sit still for more than a few seconds"),
            ),
        ),
        Item(
            "pupil_size",
            "Pupil size",
            labelled(
                (0, "pinned or normal for the room light"),
                (1, "possibly larger than normal for the room light"),
                (2, "moderately dilated"),
                (5, "so dilated that only the rim of the iris shows"),
            ),
        ),
        Item(
            "bone_joint_aches",
            "Bone or joint aches (score only what withdrawal adds to any earlier pain)",
            labelled(
                (0, "none"),
                (1, "mild diffuse discomfort"),
                (2, "reports severe diffuse aching of joints or muscles"),
                (4, "rubbing joints or muscles, cannot sit still for the discomfort"),
            ),
        ),
        Item(
            "runny_nose_tearing",
            "Runny nose or tearing, not explained by a cold or allergies",
            labelled(
                (0, "none"),
                (1, "nasal stuffiness or unusually moist eyes"),
                (2, "nose running or tearing"),
                (4, "nose constantly running or tears streaming down the cheeks"),
            ),
        ),
        Item(
            "gi_upset",
            "GI upset in the last half hour",
            labelled(
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
            labelled(
                (0, "no tremor"),
                (1, "tremor can be felt but not seen"),
                (2, "slight tremor can be seen"),
                (4, "gross tremor or muscle twitching"),
            ),
        ),
        Item(
            "yawning",
            "Yawning during the assessment",
            labelled(
                (0, "no yawning"),
                (1, "once or twice"),
                (2, "three or more times"),
                (4, "several times a minute"),
            ),
        ),
        Item(
            "anxiety_irritability",
            "Anxiety or irritability",
            labelled(
                (0, "none"),
                (1, "reports growing irritability or anxiety"),
                (2, "obviously irritable or anxious"),
                (4, "so irritable or anxious that the assessment is difficult"),
            ),
        ),
        Item(
            "gooseflesh",
            "Gooseflesh skin",
            labelled(
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
