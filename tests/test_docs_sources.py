"""docs/clinical-sources.md explains every source the code cites, and the repository carries its
own documents: no tracked file sends the reader to a briefing outside it.

A source id is cited in the registry (``naltrack.clinical.evidence.SOURCES``), on rules and
findings (``source="REVIA+TIP63"``), in comments next to a clinical number
(``# source: NALTRACK, informed by TIP63/AUDGUIDE``) and in the education articles
(``(source: REVIA, VIVITROL)``). Each cited id needs its own heading (or table row) in the page.
"""

from __future__ import annotations

import io
import re
import subprocess
import tokenize
from collections import defaultdict
from pathlib import Path

import pytest

from naltrack.clinical.evidence import SOURCES

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "naltrack"
PAGE = ROOT / "docs" / "clinical-sources.md"

# A source id: capitals and digits, parts joined by hyphens (REVIA, TIP63, FDA-LOP2016).
ID = r"[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*"

# "source:" (or an article's "sources:") opens a citation.
CITATION_START = re.compile(r"\bsources?:\s*")
# Where the list of ids may continue: at the start, after punctuation that separates ids, or
# after a linking word ("NALTRACK reading of REVIA", "informed by TIP63/AUDGUIDE and VIVITROL").
CITED_ID = re.compile(
    rf"(?:^|[,/+;(&]|\b(?:and|or|from|of|by|see|plus)\b)\s*(?P<id>{ID})(?![\w-]|\.\w|['’])"
)
# A source keyword argument: source="NALTRACK+REVIA".
SOURCE_ARGUMENT = re.compile(r"\bsource\s*=\s*(?P<quote>['\"])(?P<ids>[^'\"\n]*)(?P=quote)")
# A string that can only be a list of sources: "REVIA+VIVITROL+TIP63".
SOURCE_LIST = re.compile(rf"{ID}(?:\+{ID})+")

FORBIDDEN = (
    *(f"shared/{name}.md" for name in ("DESIGN", "CLINICAL", "CALCULATORS")),
    "/".join(("..", "shared")),
)


def citation_clause(text: str) -> str:
    """The part of ``text`` (what follows "source:") that names sources.

    It ends at an explanation (an em dash or " -- ", or a colon followed by a space), at the end
    of a sentence or line, or at a closing parenthesis that the citation did not open:
    "(source: REVIA, VIVITROL). Text…" stops after VIVITROL.
    """
    depth = 0
    for i, char in enumerate(text):
        if char in '\n—–"`' or text.startswith(" -- ", i):
            return text[:i]
        if char in ":." and (i + 1 == len(text) or text[i + 1].isspace()):
            return text[:i]
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return text[:i]
            depth -= 1
    return text


def cited_in_text(text: str) -> list[str]:
    """The source ids each "source: …" citation in ``text`` names."""
    found = []
    for start in CITATION_START.finditer(text):
        clause = citation_clause(text[start.end() :])
        found += [match["id"] for match in CITED_ID.finditer(clause)]
    return found


def cited_in_python(code: str) -> list[tuple[int, str]]:
    """(line, id) for each source cited in a module's comments, strings and source= arguments."""
    found = []
    for match in SOURCE_ARGUMENT.finditer(code):
        line = code.count("\n", 0, match.start()) + 1
        found += [(line, cited["id"]) for cited in CITED_ID.finditer(match["ids"])]
    text_tokens = {tokenize.COMMENT, tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", -1)}
    for token in tokenize.generate_tokens(io.StringIO(code).readline):
        if token.type not in text_tokens:
            continue
        line = token.start[0]
        found += [(line, id_) for id_ in cited_in_text(token.string)]
        if token.type == tokenize.STRING:
            value = token.string.strip("'\"")
            if SOURCE_LIST.fullmatch(value):
                found += [(line, id_) for id_ in value.split("+")]
    return found


def cited_sources() -> dict[str, list[str]]:
    """Every source id the code cites, with where (``path:line``)."""
    cited: dict[str, list[str]] = defaultdict(list)
    for source_id in SOURCES:
        cited[source_id].append("naltrack.clinical.evidence.SOURCES")
    for path in sorted(SRC.rglob("*.py")):
        where = path.relative_to(ROOT)
        for line, source_id in cited_in_python(path.read_text(encoding="utf-8")):
            cited[source_id].append(f"{where}:{line}")
    for path in sorted(SRC.rglob("*.md")):
        where = path.relative_to(ROOT)
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for source_id in cited_in_text(text):
                cited[source_id].append(f"{where}:{number}")
    return cited


HEADING = re.compile(rf"#{{1,6}}\s+`?(?P<id>{ID})`?\s*(?:$|[—:(-])")
TABLE_ROW = re.compile(rf"\|\s*`?(?P<id>{ID})`?\s*\|(?P<rest>.*)$")


def explained_sources(page: str) -> set[str]:
    """Ids with a heading followed by text, or a table row whose other cells say something."""
    lines = page.splitlines()
    explained = set()
    for i, line in enumerate(lines):
        heading = HEADING.match(line)
        if heading:
            body = []
            for following in lines[i + 1 :]:
                if following.startswith("#"):
                    break
                body.append(following.strip())
            if any(body):
                explained.add(heading["id"])
        row = TABLE_ROW.match(line.strip())
        if row and row["rest"].replace("|", "").strip(" -"):
            explained.add(row["id"])
    return explained


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("# source: REVIA §Dosage — 25 mg = half a tablet.", ["REVIA"]),
        (
            "# source: VIVITROL §2.2, §5 and REVIA (lower tolerance, overdose); TIP63.",
            ["VIVITROL", "REVIA", "TIP63"],
        ),
        (
            "# source: NALTRACK, informed by X:BOT's exclusion of > 5x ULN (XBOT): a clinician",
            ["NALTRACK", "XBOT"],
        ),
        (
            "# source: NALTRACK reading of REVIA (7-10 days) and VIVITROL (up to two",
            ["NALTRACK", "REVIA", "VIVITROL"],
        ),
        ("# source: NALTRACK (from VIVITROL §2: the blockade wanes) — a", ["NALTRACK", "VIVITROL"]),
        ("# source: NALTRACK, following the common NIAAA definition: >= 4 drinks", ["NALTRACK"]),
        ("# source: NALTRACK (NOTES.md, Liver) — the enzymes", ["NALTRACK"]),
        (
            "# source: REVIA §Dosage, AUDGUIDE — 50 mg once daily (AUD from the first dose).",
            ["REVIA", "AUDGUIDE"],
        ),
        (
            "# source: SUBLOCADE/BRIXADI from FDA-LOP2016 and FDA-KRATOM2018",
            ["SUBLOCADE", "BRIXADI", "FDA-LOP2016", "FDA-KRATOM2018"],
        ),
        (
            "It blocks opioids (source: REVIA, VIVITROL). Then OUD, AUD (source: TIP63)",
            ["REVIA", "VIVITROL", "TIP63"],
        ),
        ("A Naltrack default (source: NALTRACK), which", ["NALTRACK"]),
        ("def rule(*, code: str, source: str) -> str:", []),
    ],
)
def test_citations_are_read_as_the_ids_they_name(text, ids):
    assert cited_in_text(text) == ids


def test_source_arguments_and_source_lists_are_read():
    code = 'rule(code="x", source="NALTRACK+REVIA")\nFinding("c", "info", "m", "VIVMG+TIP63")\n'
    assert {id_ for _, id_ in cited_in_python(code)} == {"NALTRACK", "REVIA", "TIP63", "VIVMG"}


def test_every_source_the_code_cites_is_explained_in_the_sources_page():
    cited = cited_sources()
    registry = "naltrack.clinical.evidence.SOURCES"
    assert any(where != registry for places in cited.values() for where in places), (
        "found no citation under src/naltrack: has the code moved?"
    )
    explained = explained_sources(PAGE.read_text(encoding="utf-8"))
    missing = {source_id: where for source_id, where in cited.items() if source_id not in explained}
    assert not missing, "docs/clinical-sources.md has no heading or table row for: " + "; ".join(
        f"{source_id} (cited at {', '.join(where[:3])})"
        for source_id, where in sorted(missing.items())
    )


def tracked_files() -> list[Path]:
    try:
        listing = subprocess.run(
            ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    return [ROOT / name for name in listing.decode("utf-8").split("\0") if name]


def test_no_tracked_file_points_outside_the_repository():
    offenders = []
    for path in tracked_files():
        if not path.is_file():
            continue
        content = path.read_bytes()
        if b"\0" in content[:8192]:
            continue  # binary
        text = content.decode("utf-8", errors="replace")
        offenders += [
            f"{path.relative_to(ROOT)}: {needle}" for needle in FORBIDDEN if needle in text
        ]
    assert not offenders, "files that point outside the repository:\n" + "\n".join(offenders)
