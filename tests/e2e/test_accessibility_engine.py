"""The accessibility check itself can fail: a page with known faults is reported."""

from __future__ import annotations

from tests.e2e.accessibility import axe_violations


def test_axe_reports_an_unlabelled_input_and_an_image_without_text(browser) -> None:
    context = browser.new_context()
    page = context.new_page()
    try:
        page.set_content(
            '<!doctype html><html lang="en"><title>t</title><main>'
            '<img src="data:,"><input type="text"></main></html>'
        )
        found = " ".join(axe_violations(page))
    finally:
        context.close()
    assert "image-alt" in found
    assert "label" in found
