from __future__ import annotations

import sys


def pytest_terminal_summary(terminalreporter):
    # The size of the schemathesis run is part of its result: say it even when output is captured.
    fuzz = sys.modules.get("tests.api.test_api_fuzz")
    if fuzz is not None and fuzz.REQUESTS:
        terminalreporter.write_line(f"schemathesis: {len(fuzz.REQUESTS)} requests to the API")
