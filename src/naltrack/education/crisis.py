"""Questions that are a cry for help: answered with crisis help first, above any article.

Someone who types "od", "can't breathe" or "i want to die" into the library's search may be in
danger right now, or with someone who is. The phrases below are matched as whole words on the
question read by the search's own normaliser ("O.D." → od, "can't" → cant), so "odd taste" is not
"od". We err on showing help: a box of phone numbers above the articles costs a reader asking
about overdose risk nothing (source: NALTRACK — help above the articles never hurts).

What is *not* matched, on purpose: "die", "dying", "kill" or "dead" alone. They come up in
questions about safety ("can I die from drinking on naltrexone", "can withdrawal kill you"),
which the articles answer; a person who means themselves says it with "want to", "myself", "my
life" and the like, which are matched.
"""

from __future__ import annotations

import enum

from naltrack.education.search.question import normalize


class Crisis(enum.Enum):
    """What the help box puts first: 911 and naloxone, or the 988 Lifeline."""

    OVERDOSE = "overdose"
    SELF_HARM = "self_harm"


# Normalised phrases (lower case, no punctuation, apostrophes closed up), each matched as a run
# of whole words anywhere in the question.
PHRASES: dict[Crisis, tuple[str, ...]] = {
    Crisis.OVERDOSE: (
        "overdose",
        "overdoses",
        "overdosed",
        "overdosing",
        "over dose",
        "over dosing",
        "od",
        "ods",
        "oded",
        "oding",
        "cant breathe",
        "cant breath",
        "cannot breathe",
        "cannot breath",
        "can not breathe",
        "not breathing",
        "isnt breathing",
        "stopped breathing",
        "stop breathing",
        "no breathing",
        "barely breathing",
        "wont wake up",
        "wont wake",
        "will not wake",
        "cant wake",
        "cannot wake",
        "not waking up",
        "unresponsive",
        "lips are blue",
        "lips blue",
        "blue lips",
        "lips turning blue",
        "turning blue",
        "pinpoint pupils",
        "need narcan",
        "need naloxone",
    ),
    Crisis.SELF_HARM: (
        "want to die",
        "wanna die",
        "want to be dead",
        "wish i was dead",
        "wish i were dead",
        "better off dead",
        "kill myself",
        "killing myself",
        "kms",
        "suicide",
        "suicidal",
        "end my life",
        "ending my life",
        "end it all",
        "take my own life",
        "take my life",
        "hurt myself",
        "hurting myself",
        "harm myself",
        "harming myself",
        "self harm",
        "cut myself",
        "cutting myself",
        "dont want to live",
        "dont want to be alive",
        "no reason to live",
        "nothing to live for",
    ),
}

_PHRASE_WORDS: tuple[tuple[Crisis, tuple[str, ...]], ...] = tuple(
    (crisis, tuple(phrase.split())) for crisis, phrases in PHRASES.items() for phrase in phrases
)


def crisis_in(question: str) -> list[Crisis]:
    """The kinds of crisis the question speaks of, the one it names first leading; empty for an
    ordinary question."""
    words = normalize(question)
    found: list[tuple[int, Crisis]] = []
    for crisis, phrase in _PHRASE_WORDS:
        starts = [
            start
            for start in range(len(words))
            if tuple(words[start : start + len(phrase)]) == phrase
        ]
        if starts:
            found.append((min(starts), crisis))
    ordered: list[Crisis] = []
    for _, crisis in sorted(found, key=lambda item: item[0]):
        if crisis not in ordered:
            ordered.append(crisis)
    return ordered
