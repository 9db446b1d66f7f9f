"""Accessibility checks in the browser: axe-core run on the page as it is."""

from __future__ import annotations

from functools import cache
from pathlib import Path

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
# WCAG 2.1 levels A and AA: what a public health service is expected to meet.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@cache
def _axe_source() -> str:
    return AXE.read_text(encoding="utf-8")


def axe_violations(page) -> list[str]:
    """Each violation axe finds on the page, as 'rule: target, …' lines."""
    # Evaluated through the browser's debugging protocol, so the page's own CSP (no inline or
    # foreign script) does not block the engine, and nothing is added to the page's DOM.
    page.evaluate(_axe_source())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    return [
        f"{violation['id']}: " + ", ".join(str(node["target"]) for node in violation["nodes"])
        for violation in result["violations"]
    ]


def assert_accessible(page) -> None:
    violations = axe_violations(page)
    assert not violations, f"axe-core on {page.url}:\n" + "\n".join(violations)
