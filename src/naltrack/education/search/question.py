"""Reading the question: its words, with misspellings put right, and the groups of search
terms it asks for (each typed word or phrase with its synonyms, from ``synonyms.py``); and what
to try for a group the index found nowhere (the word as a prefix, then the field's closest word).

A question is read for what it asks, not only for the words in it (``read_question``):

- **the asking part**: in a long question, the sentences or clauses that ask (end with "?",
  or start with a question word or a verb: "can I…", "how is that possible", "what can he do")
  count in full; those that only set the scene count less (``CONTEXT_WEIGHT``) — unless the
  asking part says nothing of its own ("… what happens", "… is he right"): then all of it asks;
- **what is stopped** is what the next words name: "coming off subs" stops an opioid and asks
  about the wait before naltrexone; "off vivitrol now" has stopped naltrexone;
- **who is mentioned is not what is asked**: "my husband", "my son", "a loved one" count
  little (``MENTION_WEIGHT``) unless the question is about helping or talking to them;
- **what kind of question it is** (the ``[[intents]]`` of the word lists): "what does it do in
  the brain", "how does it block the high" ask how it works, whatever else they mention; the
  words that showed it are not searched again as the subject.
"""

from __future__ import annotations

import difflib
import functools
import itertools
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass

from naltrack.education.synonyms import (
    HELPING,
    INTENTS,
    MISSPELLINGS,
    NOT_SEARCHED,
    PEOPLE,
    PEOPLE_GROUPS,
    POSSESSIVES,
    STOPWORDS,
    SYNONYMS,
    TYPED_WEIGHTS,
    VOCABULARY,
)

# A long question often asks at its end ("… I'm on the shot. What do I tell him?"): room for a
# few sentences; the number of groups searched is capped below, so the cost stays bounded.
MAX_QUERY_CHARS = 500
MAX_GROUPS = 12
# How close (difflib ratio) a word found nowhere must be to a word of the field to be read as it.
CORRECTION_CUTOFF = 0.8
# What the scene-setting sentences of a long question count for, against the asking ones.
CONTEXT_WEIGHT = 0.5
# What a question's kind (an intent: "how it works") counts for, against a typed word.
INTENT_WEIGHT = 1.5
# What a mention of a person counts for when the question is not about helping them.
MENTION_WEIGHT = 0.2

_MAX_PHRASE = max(len(key.split()) for key in (*SYNONYMS, *MISSPELLINGS))


def normalize(text: str) -> list[str]:
    """The question's words: lower case, accents and punctuation gone, apostrophes closed up."""
    text = unicodedata.normalize("NFKD", text[:MAX_QUERY_CHARS])
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    text = re.sub(r"(?<=[a-z])['’`](?=[a-z])", "", text)  # can't → cant
    text = re.sub(r"\b([a-z])\.(?=[a-z]\b)", r"\1", text)  # o.d. → od.
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return text.split()


@dataclass(frozen=True)
class Term:
    text: str  # a word, or words searched as a phrase
    prefix: bool = False

    @property
    def words(self) -> list[str]:
        return self.text.split()


@dataclass
class Group:
    """What one typed word or phrase asks for: any of its terms. ``own`` is the reader's own
    word (when it is searched), the others are its synonyms. ``weight``: how much it counts
    (less in a sentence that only sets the scene)."""

    typed: str
    terms: list[Term]
    own: Term | None = None
    weight: float = 1.0


def _group_for(typed: str) -> Group:
    own = None if typed in NOT_SEARCHED else Term(typed)
    terms = [own] if own else []
    terms += [Term(term) for term in SYNONYMS.get(typed, ()) if Term(term) != own]
    return Group(typed=typed, terms=list(dict.fromkeys(terms)), own=own)


@functools.lru_cache(maxsize=16384)
def light_stem(word: str) -> str:
    """A rough stem for comparing words (the index does the real stemming)."""
    word = word.lower().replace("’", "'").split("'")[0]
    for suffix, replacement in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: -len(suffix)] + replacement
            break
    for suffix in ("ancy", "ance", "ant", "ing", "ion", "ive", "ed", "al", "ly", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + ("an" if suffix.startswith("an") else "")
            break
    if len(word) >= 4 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word


def _longest_phrase(tokens: list[str], index: int, table: Collection[str]) -> int:
    """How many tokens from ``index`` on make the longest key of ``table`` (0 if none)."""
    for size in range(min(_MAX_PHRASE, len(tokens) - index), 0, -1):
        if " ".join(tokens[index : index + size]) in table:
            return size
    return 0


def _spelled_right(tokens: list[str]) -> list[str]:
    out: list[str] = []
    index = 0
    while index < len(tokens):
        size = _longest_phrase(tokens, index, MISSPELLINGS)
        if size:
            out += MISSPELLINGS[" ".join(tokens[index : index + size])].split()
            index += size
        else:
            out.append(tokens[index])
            index += 1
    return out


# Words that open a question. Mid-sentence, one opens the asking clause only when a verb
# follows ("how is that possible", "what can he do"), not in "I don't know what to say".
_QUESTION_WORDS = frozenset({"how", "what", "why", "when", "where", "which", "who", "whats"})
_ASKING_VERBS = frozenset(
    {
        "is", "are", "am", "was", "can", "could", "do", "does", "did", "should", "will", "would",
        "happens", "happen", "if", "long", "much", "many", "often", "soon", "come",
    }
)  # fmt: skip
_OPENING_VERBS = _ASKING_VERBS - {"happens", "happen", "if", "long", "much", "many", "often"}
# An asking part that says nothing of its own ("… what happens", "… what do i do now", "… is he
# right", "… whats the truth") asks about the scene before it: then every part asks.
_SAYS_NOTHING = frozenset(
    {
        "happens", "happen", "happening", "do", "now", "next", "then", "right", "true", "truth",
        "correct", "wrong", "normal", "ok", "okay", "fine", "real", "legit", "so", "this", "that",
    }
)  # fmt: skip


def _clauses(text: str) -> tuple[list[list[str]], set[int]]:
    """The question's sentences and clauses, each as its words (spelling fixed), and which ones
    ask: those ending with "?" or opened by a question word or a verb ("can", "is"), else the
    last one."""
    pieces: list[tuple[list[str], bool]] = []
    for raw in re.split(
        r"(?<=[.?!;])\s+|\n+|,\s*(?=(?:how|what|why|when|can|could|is|are|does|do|should|will|would)\b)",
        text[:MAX_QUERY_CHARS],
        flags=re.IGNORECASE,
    ):
        tokens = _spelled_right(normalize(raw))
        if not tokens:
            continue
        # An unpunctuated run-on: split before a question word that a verb follows.
        start = 0
        for index in range(1, len(tokens) - 1):
            if tokens[index] in _QUESTION_WORDS and tokens[index + 1] in _ASKING_VERBS:
                pieces.append((tokens[start:index], False))
                start = index
        pieces.append((tokens[start:], raw.rstrip().endswith("?")))
    asking = {
        i
        for i, (tokens, mark) in enumerate(pieces)
        if mark or tokens[0] in _QUESTION_WORDS or tokens[0] in _OPENING_VERBS
    }
    if not pieces:
        return [], set()
    asking = asking or {len(pieces) - 1}
    said = {token for i in asking for token in pieces[i][0]} - STOPWORDS - _QUESTION_WORDS
    if said <= _SAYS_NOTHING:
        asking = set(range(len(pieces)))
    return [tokens for tokens, _ in pieces], asking


# What is stopped is what the next words name: "coming off subs", "quit heroin last week", "my
# last bag" stop an opioid, and ask how long to wait before naltrexone; "coming off naltrexone"
# stops it, and so does being "off" it ("off vivitrol now and want a drink": "off" alone is a
# stopword).
_STOPPING = Term("stop")
_OPIOIDS = frozenset({Term("opioid"), Term("buprenorphine"), Term("methadone")})
_STOPPING_OPIOIDS = (Term("opioid free"), Term("wait"))
_NALTREXONE = frozenset({Term("naltrexone"), Term("injection"), Term("tablet"), Term("blocker")})


def _groups_of(tokens: list[str]) -> list[Group]:
    groups = []
    index = 0
    off = False
    while index < len(tokens):
        size = _longest_phrase(tokens, index, SYNONYMS) or 1
        typed = " ".join(tokens[index : index + size])
        index += size
        if typed not in SYNONYMS and (
            typed in STOPWORDS or (len(typed) < 2 and not typed.isdigit())
        ):
            off = typed == "off" or (off and typed in {"of", "the", "my", "his", "her"})
            continue
        group = _group_for(typed)
        if off and _NALTREXONE & set(group.terms):
            groups.append(Group(typed="off", terms=[_STOPPING]))
        off = False
        groups.append(group)
    for group, stopped in itertools.pairwise(groups):
        if (_STOPPING in group.terms or group.typed == "last") and _OPIOIDS & set(stopped.terms):
            group.terms = [term for term in (group.own,) if term] + list(_STOPPING_OPIOIDS)
    return groups


def _stops_naltrexone(tokens: list[str]) -> bool:
    """Whether the words name naltrexone as stopped: a stop before it ("came off the shot",
    "quit my pills", "off vivitrol") or the time since the last one ("since my last shot")."""
    groups = _groups_of(tokens)
    if any(
        _STOPPING in group.terms and _NALTREXONE & set(stopped.terms)
        for group, stopped in itertools.pairwise(groups)
    ):
        return True
    return any(
        tokens[i] == "since"
        and tokens[i + 2] == "last"
        and bool(_NALTREXONE & set(_group_for(tokens[i + 3]).terms))
        for i in range(len(tokens) - 3)
    )


def _mentions(tokens: list[str]) -> set[str]:
    """The people the question mentions ("husband", "my family", "a loved one"): a word for one
    person always (and its possessive: "my husband's doctor" is read "husbands"), a word for a
    group only after "my", "his"… ("what should friends know" is about friends; "his friends
    wedding" is not)."""
    found = set()
    for index, token in enumerate(tokens):
        pair = " ".join(tokens[index : index + 2])
        for word in (pair, token):
            if word in PEOPLE_GROUPS:
                if index > 0 and tokens[index - 1] in POSSESSIVES:
                    found.add(word)
            elif word in PEOPLE or word.removesuffix("s") in PEOPLE:
                found.add(word)
    return found


def _markers(tokens: list[str]) -> dict[str, bool]:
    """What the words say that an intent's pattern names with "@": ``@opioid`` any word the
    lists read as an opioid ("heroin", "percs", "subs"), ``@stopped`` naltrexone named as
    stopped. Read once per clause, not once per pattern."""
    return {
        "@opioid": any(_OPIOIDS & set(_group_for(token).terms) for token in tokens),
        "@stopped": _stops_naltrexone(tokens),
    }


def _says(tokens: list[str], word: str, markers: dict[str, bool] | None = None) -> bool:
    """Whether the words say ``word`` (a phrase as it is, a word by its stem: "blocks" is
    "block"). In an intent's pattern, ``^when`` is "when" opening the clause (a question of
    time, not "what happens when you…"), and a word with "@" is one of the clause's
    ``_markers`` (given, or read here)."""
    if word.startswith("^"):
        return bool(tokens) and tokens[0] == word[1:]
    if word.startswith("@"):
        return (markers if markers is not None else _markers(tokens))[word]
    if " " in word:
        return f" {word} " in f" {' '.join(tokens)} "
    stem = light_stem(word)
    return any(token == word or light_stem(token) == stem for token in tokens)


def _intents(clauses: list[list[str]]) -> tuple[list[Group], set[str]]:
    """The kinds of question it is (an intent matches when one asking clause says all the
    words of one of its patterns), and the stems of the words that showed it: they are how
    the question is put, not what it is about ("why cant you get high" asks why, not whether
    it is addictive)."""
    groups = []
    framing: set[str] = set()
    marked = [(clause, _markers(clause)) for clause in clauses]
    for intent in INTENTS:
        shown = [
            p
            for p in intent.when
            if any(all(_says(c, word, markers) for word in p) for c, markers in marked)
        ]
        if shown:
            terms = [Term(term) for term in intent.search]
            groups.append(Group(typed=intent.name, terms=terms, weight=INTENT_WEIGHT))
            framing |= {light_stem(w) for p in shown for word in p for w in word.split()}
    return groups, framing


@dataclass
class Reading:
    """The question as the search reads it: its groups of search terms, its words as
    compared with the articles' titles (without the people it only mentions), and every word
    it says (spelling fixed), for the reader-question classifier (``examples``)."""

    groups: list[Group]
    words: list[str]
    tokens: list[str]


def read_question(text: str) -> Reading:
    """The question as groups of search terms (spelling fixed, synonyms added, stopwords
    dropped, weighted by the clause they come from), and the kinds of question it is."""
    clauses, asking = _clauses(text)
    if not clauses:
        return Reading(groups=[], words=[], tokens=[])
    tokens = [token for clause in clauses for token in clause]
    mentioned = _mentions(tokens)
    if any(_says(tokens, word) for word in HELPING):
        mentioned = set()
    weights = [1.0 if i in asking else CONTEXT_WEIGHT for i in range(len(clauses))]
    order = sorted(range(len(clauses)), key=lambda i: i not in asking)
    # The kind of question is read where it is asked: "for a long time" in the scene is not
    # a question of how long.
    intents, framing = _intents([clauses[i] for i in sorted(asking)])
    groups: dict[frozenset[str], Group] = {}
    scene: set[frozenset[str]] = set()
    for group in intents:
        groups[frozenset(term.text for term in group.terms)] = group
    for number in order:
        for group in _groups_of(clauses[number]):
            said = [w for w in group.typed.split() if w not in STOPWORDS]
            if said and all(light_stem(word) in framing for word in said):
                continue
            group.weight = (
                weights[number]
                * (MENTION_WEIGHT if group.typed in mentioned else 1.0)
                * TYPED_WEIGHTS.get(group.typed, 1.0)
            )
            key = frozenset(term.text for term in group.terms)
            if key in groups:
                groups[key].weight = max(groups[key].weight, group.weight)
            elif len(groups) < MAX_GROUPS:
                groups[key] = group
                if number not in asking:
                    scene.add(key)
    _scene_within_question(groups, scene)
    words = [token for token in tokens if token not in mentioned]
    return Reading(groups=list(groups.values()), words=words, tokens=tokens)


def _scene_within_question(groups: dict[frozenset[str], Group], scene: set[frozenset[str]]) -> None:
    """A long scene counts no more, all told, than the question it leads to: many words of
    context ("struggling for a long time … started him on the pills") must not outvote the few
    that ask ("can he have a beer")."""
    asked = sum(group.weight for key, group in groups.items() if key not in scene)
    told = sum(groups[key].weight for key in scene)
    if asked and told > asked:
        for key in scene:
            groups[key].weight *= asked / told


def parse_question(text: str) -> list[Group]:
    """The question's groups of search terms (see ``read_question``)."""
    return read_question(text).groups


def _correction(word: str) -> str | None:
    """The field's word closest in spelling to a word found nowhere (or None). Typing slips
    keep the first letter and most of the word; shorter words are too easily taken for others."""
    if len(word) < 5 or word.isdigit():
        return None
    candidates = [known for known in VOCABULARY if known[0] == word[0]]
    matches = difflib.get_close_matches(word, candidates, n=1, cutoff=CORRECTION_CUTOFF)
    return matches[0] if matches else None


def fallback_terms(group: Group) -> list[Term]:
    """Terms to try for a group that matched nothing: its word as a prefix, then a correction."""
    if " " in group.typed or group.typed.isdigit():
        return []
    if len(group.typed) >= 3 and not any(term.prefix for term in group.terms):
        return [Term(group.typed, prefix=True)]
    corrected = _correction(group.typed)
    if corrected is None:
        return []
    return _group_for(corrected).terms
