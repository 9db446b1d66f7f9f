"""How the library page groups the articles (any article not listed here goes under "More")."""

from __future__ import annotations

TOPICS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "About naltrexone",
        (
            "what-is-naltrexone",
            "how-naltrexone-works",
            "tablets-or-injection",
            "is-naltrexone-addictive",
            "how-long-treatment-lasts",
            "myths-and-facts",
        ),
    ),
    (
        "Starting safely",
        ("opioid-free-before-starting", "what-to-expect-at-the-first-visit"),
    ),
    (
        "Taking it safely",
        (
            "side-effects",
            "liver-safety",
            "other-medicines",
            "pain-surgery-emergencies",
            "drinking-on-naltrexone",
            "missed-dose",
            "pregnancy-and-breastfeeding",
            "overdose-and-naloxone",
        ),
    ),
    (
        "Stopping, tapering and restarting",
        (
            "stopping-naltrexone",
            "tapering-naltrexone",
            "restarting-naltrexone",
            "cravings-after-stopping",
        ),
    ),
    ("Support and practical questions", ("counselling-and-therapy", "insurance-and-cost")),
)
OTHER_TOPIC = "More"
