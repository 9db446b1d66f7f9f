"""What a clinic's public page says, as a table: each heading and the library articles that
say it. The page shows each article's title and summary with its sources and a link to the
whole article, so every claim on it is one the library cites; the template writes none of its
own. A test checks that each slug is a published library article.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    heading: str
    slugs: tuple[str, ...]

    @property
    def anchor(self) -> str:
        return "-".join(self.heading.lower().split())


SECTIONS: tuple[Section, ...] = (
    Section("What naltrexone is", ("what-is-naltrexone",)),
    Section("How treatment works here", ("tablets-or-injection", "counselling-and-therapy")),
    Section("What to expect at the first visit", ("what-to-expect-at-the-first-visit",)),
    Section(
        "Staying safe",
        (
            "liver-safety",
            "pain-surgery-emergencies",
            "stopping-naltrexone",
            "overdose-and-naloxone",
        ),
    ),
)

# Shown as a short list of links under "Common questions".
COMMON_QUESTIONS: tuple[str, ...] = (
    "myths-and-facts",
    "is-naltrexone-addictive",
    "side-effects",
    "drinking-on-naltrexone",
    "how-long-treatment-lasts",
    "insurance-and-cost",
)

ALL_SLUGS: tuple[str, ...] = (
    *(slug for section in SECTIONS for slug in section.slugs),
    *COMMON_QUESTIONS,
)
