"""The demo clinic's synthetic people, and what their check-ins, notes and sessions say.

Every name, number and payer is invented.
"""

from __future__ import annotations

import datetime as dt

from naltrack.care.models import Patient

# --- the synthetic people ----------------------------------------------------------------------

FEMALE_NAMES = (
    "Maria", "Aisha", "Rosa", "Emily", "Grace", "Hannah", "Keisha", "Lauren", "Megan", "Nadia",
    "Olivia", "Priya", "Rachel", "Sofia", "Tanya", "Vanessa", "Wendy", "Yolanda", "Zoe", "Brenda",
    "Carmen", "Diana", "Erin", "Fatima", "Gloria", "Helen", "Irene", "Julia", "Kara", "Leah",
    "Monica", "Naomi", "Paula",
)  # fmt: skip
MALE_NAMES = (
    "Devon", "Tom", "Marcus", "Andre", "Brian", "Carlos", "Daniel", "Eric", "Frank", "Gavin",
    "Hector", "Isaac", "Jamal", "Kevin", "Luis", "Mason", "Nathan", "Omar", "Patrick", "Ray",
    "Samuel", "Tyler", "Victor", "Wesley", "Caleb", "Derek", "Elijah", "Felix", "Glen", "Henry",
    "Ivan", "Joel", "Keith", "Lamar", "Miles", "Noah",
)  # fmt: skip
FAMILY_NAMES = (
    "Santos", "Clarke", "Bello", "Kowalski", "Jimenez", "Abbott", "Brennan", "Castillo", "Dawson",
    "Ellison", "Fischer", "Garrison", "Hale", "Ingram", "Jensen", "Keller", "Lindqvist", "Mercer",
    "Novak", "Okafor", "Pruitt", "Quinlan", "Ramsey", "Sorensen", "Thornton", "Underwood",
    "Valdez", "Whitaker", "Yates", "Zamora", "Ashby", "Bishop", "Conley", "Delgado", "Eastman",
    "Fairbanks", "Gutierrez", "Holloway", "Iverson", "Jacobs", "Kingsley", "Lacroix", "Marsh",
    "Nyberg", "Oduya", "Pacheco", "Rowland", "Sterling", "Tremblay", "Vance", "Winslow", "Yoder",
    "Ambrose", "Beckett", "Carver", "Dunmore", "Espinoza", "Farrow", "Gallagher", "Hargrove",
    "Kaminski", "Lowell", "Mendez", "Northcott",
)  # fmt: skip
PAYERS = (
    "Blue River Health",
    "Summit Care Plan",
    "Lakeshore Community Health",
    "Northfield Mutual",
    "Cedar Valley Health",
    "State Medical Assistance (demo)",
)
# A person with a fixed name: given name, family name, date of birth, sex.
Person = tuple[str, str, dt.date, str]
# The demo patient who signs in.
JORDAN: Person = ("Jordan", "Lee", dt.date(1986, 4, 12), Patient.Sex.MALE)
# Patients a clinician is pointed to by name, each showing one state of the record (none of
# these names is in the lists above, so no drawn patient shares them).
RUTH: Person = ("Ruth", "Calloway", dt.date(1979, 9, 3), Patient.Sex.FEMALE)
OWEN: Person = ("Owen", "Prescott", dt.date(1991, 2, 17), Patient.Sex.MALE)
BIANCA: Person = ("Bianca", "Moreau", dt.date(1995, 6, 28), Patient.Sex.FEMALE)
CURTIS: Person = ("Curtis", "Redfield", dt.date(1983, 11, 8), Patient.Sex.MALE)

# --- what a check-in, a note or a session says ---------------------------------------------------

SIDE_EFFECTS = ("nausea", "headache", "dizziness", "tiredness", "trouble_sleeping", "anxiety")
XR_SIDE_EFFECT = "injection_site_pain"
CHECK_IN_NOTES = (
    "Good week overall.",
    "Work was stressful, but I stayed on track.",
    "Slept badly last night.",
    "Went to my group meeting.",
    "Family visit went well.",
    "Hard day, called my sponsor.",
    "Feeling more like myself.",
    "Tired after a double shift.",
)
SESSION_NOTES = (
    "Worked on triggers and a plan for weekends.",
    "Reviewed coping skills; patient engaged.",
    "Discussed sleep and routine.",
    "Talked through a recent lapse without judgement; plan updated.",
    "Goal setting for the next month.",
)
PROGRESS_NOTES = (
    "Doing well on treatment. Cravings lower, attending sessions. Continue current plan.",
    "Reports mild nausea in the mornings; advised taking the tablet with food.",
    "Back at work part-time. Discussed what to do if cravings return.",
    "Reviewed naloxone: kit at home, partner knows how to use it.",
    "Wallet card checked: patient carries it. Reminded to tell any dentist or surgeon.",
)
STOP_REASONS = {
    "stable": "Patient's choice: feels stable after months of treatment",
    "moving": "Moving out of the area; referred to a clinic there",
    "nausea": "Persistent nausea; prefers to stop",
    "completed": "Completed the planned course",
    "lost": "Stopped attending; not reachable by phone",
}
FOLLOW_UP_NOTES = (
    "Doing well, no use. Naloxone at home.",
    "Some cravings at weekends; offered a restart appointment.",
    "Left a message, then spoke the next day: stable.",
    "Attends a mutual-help group twice a week.",
)
FOLLOW_UP_METHODS = ("phone", "phone", "visit", "video", "message")
