"""Checks over the real articles (src/naltrack/education/articles): every one loads, cites a
known source (docs/clinical-sources.md says what each is), has a computed reading grade (8th
grade or below for patients) and states none of the myths of tests/education/myths.py."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from naltrack.clinical.evidence import SOURCES
from naltrack.education.citations import cited_ids
from naltrack.education.loader import ARTICLES_DIR, ArticleFile, parse_library
from naltrack.education.models import PATIENT_READING_GRADE_MAX, Article
from tests.education.myths import MYTHS, STOPPING, find_myths, states_myth

ARTICLES: list[ArticleFile] = parse_library()
IDS = [article.slug for article in ARTICLES]


def test_the_library_has_the_articles_the_issue_asks_for() -> None:
    required = {
        "what-is-naltrexone",
        "how-naltrexone-works",
        "tablets-or-injection",
        "is-naltrexone-addictive",
        "how-long-treatment-lasts",
        "side-effects",
        "liver-safety",
        "opioid-free-before-starting",
        "other-medicines",
        "pain-surgery-emergencies",
        "drinking-on-naltrexone",
        "stopping-naltrexone",
        "tapering-naltrexone",
        "restarting-naltrexone",
        "cravings-after-stopping",
        "counselling-and-therapy",
        "insurance-and-cost",
        "pregnancy-and-breastfeeding",
        "overdose-and-naloxone",
        "myths-and-facts",
    }
    assert required <= set(IDS), sorted(required - set(IDS))


@pytest.mark.parametrize("article", ARTICLES, ids=IDS)
def test_cites_a_known_source(article: ArticleFile) -> None:
    assert article.sources, f"{article.slug} cites no source"
    assert all(source in SOURCES for source in article.sources)


@pytest.mark.parametrize("article", ARTICLES, ids=IDS)
def test_has_a_computed_reading_grade_within_target(article: ArticleFile) -> None:
    assert article.reading_grade > 0
    if "patient" in article.audience:
        assert article.reading_grade <= PATIENT_READING_GRADE_MAX, (
            f"{article.slug}: grade {article.reading_grade} is above "
            f"{PATIENT_READING_GRADE_MAX} for a patient article"
        )


@pytest.mark.parametrize("article", ARTICLES, ids=IDS)
def test_states_no_myth(article: ArticleFile) -> None:
    path = ARTICLES_DIR / f"{article.slug}.md"
    body = path.read_text(encoding="utf-8").split("---", 2)[2]
    found = list(find_myths("\n".join([article.title, article.summary, body])))
    assert not found, "\n".join(
        f"myth {f.myth.number} ({f.myth.claim}): {f.sentence}" for f in found
    )


@pytest.mark.django_db
def test_every_article_is_in_a_fresh_database_with_its_grade(real_library: None) -> None:
    stored = {a.slug: a for a in Article.objects.filter(clinic__isnull=True, is_published=True)}
    assert set(IDS) <= set(stored)
    for article in ARTICLES:
        assert stored[article.slug].reading_grade == article.reading_grade > Decimal(0)


PLANTED = [
    (1, "Stopping naltrexone causes withdrawal, so expect sweating and chills."),
    (1, "If you stop the shot you may get a dopamine surge."),
    (1, "Coming off naltrexone can bring rebound cravings and withdrawal symptoms."),
    (2, "Stopping naltrexone suddenly can be life-threatening."),
    (2, "Quitting Vivitrol all at once is dangerous."),
    (3, "You must taper off naltrexone."),
    (3, "Naltrexone should always be tapered over two weeks."),
    (3, "Never stop naltrexone suddenly."),
    (4, "Naltrexone does not interfere with pain management."),
    (4, "It won't affect your pain medicine."),
    (4, "Opioid painkillers work as usual while you take naltrexone."),
    (5, "Naltrexone is mainly used for chronic pain."),
    (5, "Naltrexone is approved for chronic pain."),
]
FACTS = [
    "You won't go into withdrawal from naltrexone itself if you stop suddenly.",
    "There is no withdrawal from naltrexone itself.",
    "The act of stopping does not harm you by itself.",
    "If you use opioids after you stop, a dose you once took could kill you.",
    "The labels do not require a taper.",
    "A clinician may still choose a short step-down.",
    "Some medicines need a taper to avoid withdrawal.",
    "Naltrexone blocks opioid pain medicines, so they may not work.",
    "Naltrexone does not block pain medicines that are not opioids, such as ibuprofen.",
    "If opioids are still in your body, naltrexone can bring on sudden, strong withdrawal.",
    "Naltrexone is approved to treat alcohol use disorder and opioid use disorder.",
]


@pytest.mark.parametrize(("number", "sentence"), PLANTED)
def test_a_planted_myth_is_caught(number: int, sentence: str) -> None:
    assert states_myth(sentence) == MYTHS[number - 1]
    assert [f.myth.number for f in find_myths(f"Some text.\n\n{sentence}\n")] == [number]


@pytest.mark.parametrize("sentence", FACTS)
def test_a_true_statement_passes(sentence: str) -> None:
    assert states_myth(sentence) is None


def test_myth_lines_are_allowed() -> None:
    text = "Myth: Stopping naltrexone causes withdrawal.\n\n**Myth:** Naltrexone must always be tapered.\n"
    assert list(find_myths(text)) == []
    assert len(list(find_myths("Fact: Stopping naltrexone causes withdrawal.\n"))) == 1


def sections(article: ArticleFile) -> list[str]:
    """The article's text cut at its headings: the opening, then each '## ' section."""
    return re.split(r"(?m)^#{2,3} ", article.body_markdown)


STOPPING_RISK = re.compile(
    rf"{STOPPING}[^.]*\b(risks?|danger\w*)\b|\b(risks?|danger\w*)\b[^.]*{STOPPING}", re.IGNORECASE
)


def test_side_effects_says_overdose_and_naloxone_where_it_speaks_of_stopping() -> None:
    article = next(a for a in ARTICLES if a.slug == "side-effects")
    about_stopping = [s for s in sections(article) if s.startswith("Stopping")]
    assert about_stopping, "side-effects has no section on the risks of stopping"
    text = about_stopping[0]
    assert "overdose" in text and "naloxone" in text and "tolerance" in text
    assert {"REVIA", "VIVITROL", "TIP63"} <= set(cited_ids(text))
    # So does the advice not to stop on one's own, where the reviewer found it missing.
    advice = next(s for s in sections(article) if s.startswith("What to do"))
    line = next(line for line in advice.splitlines() if "Don't stop on your own" in line)
    assert "overdose" in line and "naloxone" in line


@pytest.mark.parametrize("article", ARTICLES, ids=IDS)
def test_wherever_stopping_risks_are_mentioned_overdose_and_naloxone_are_too(
    article: ArticleFile,
) -> None:
    for section in sections(article):
        if STOPPING_RISK.search(section):
            heading = section.splitlines()[0]
            assert "overdose" in section.lower(), f"{article.slug}: {heading!r} lacks overdose"
            assert "naloxone" in section.lower(), f"{article.slug}: {heading!r} lacks naloxone"


def test_the_side_effects_article_warns_about_driving_and_machines() -> None:
    article = next(a for a in ARTICLES if a.slug == "side-effects")
    driving = next(s for s in sections(article) if s.startswith("Driving"))
    assert "Do not drive" in driving and "machines" in driving
    assert "until you know how naltrexone affects you" in driving
    assert "dizzy" in driving and "sleepy" in driving
    assert cited_ids(driving) == ["VIVMG"]


def test_the_wait_before_the_first_dose_is_called_a_time_of_high_overdose_risk() -> None:
    article = next(a for a in ARTICLES if a.slug == "opioid-free-before-starting")
    wait = next(s for s in sections(article) if "high overdose risk" in s.splitlines()[0])
    assert "naloxone" in wait and "tolerance" in wait
    assert {"REVIA", "TIP63"} <= set(cited_ids(wait))


def test_extended_release_buprenorphine_is_not_given_the_two_week_wait() -> None:
    """Sublocade, Brixadi and implants stay for months: no article puts them in the daily
    buprenorphine's 2-week window (SUBLOCADE, BRIXADI)."""
    by_slug = {article.slug: article for article in ARTICLES}
    text = by_slug["opioid-free-before-starting"].body_markdown
    assert "a year or more" in text and "Sublocade" in text
    for article in ARTICLES:
        for sentence in re.split(r"(?<=[.!?])\s+", article.body_markdown):
            if re.search(r"\b(Sublocade|Brixadi|Probuphine)\b", sentence):
                assert not re.search(r"\b2 weeks\b|\b14 days\b", sentence), (article.slug, sentence)


def test_follow_up_after_stopping_is_said_to_be_denser_for_opioid_use() -> None:
    for article in ARTICLES:
        if "1, 2 and 4 weeks" in article.body_markdown:
            assert "at 3 days, then every week for the first month" in article.body_markdown, (
                article.slug
            )
