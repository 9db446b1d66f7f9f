"""Reading a JSON request body safely: bounded in size and nesting before the parser sees it.

``json.loads`` recurses once per level of nesting, so a body of 100,000 brackets raises
``RecursionError`` (a 500) long before any contract can refuse it. The depth is therefore measured
first, by a linear scan that does not recurse, and the size before the body is even read.
"""

from __future__ import annotations

import json
import re
from typing import Any, Final

from django.http import HttpRequest

# source: NALTRACK — the deepest calculator input is 3 levels (a screen's panel, a lab in the
# list); 32 leaves room for any honest client and stays far below Python's recursion limit.
MAX_DEPTH: Final = 32
# source: NALTRACK — the largest valid calculator input (100 medicines of 200 characters, 100 labs,
# 50 exposures) is about 40 KB; 256 KB refuses floods before they are read, parsed or answered.
MAX_BYTES: Final = 256 * 1024

# A JSON string, escapes included; what is left once they are removed is only structure.
_STRING: Final = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET: Final = re.compile(r"[\[\]{}]")


class BodyError(Exception):
    """A body that cannot be read as JSON at all; ``status`` is the HTTP answer (400 or 413)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def nesting_depth(text: str) -> int:
    """The deepest level of ``[`` and ``{`` outside strings, counted without recursion."""
    depth = deepest = 0
    for bracket in _BRACKET.finditer(_STRING.sub("", text)):
        if bracket.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def _refuse_constant(name: str) -> Any:
    # NaN and Infinity are Python's extension to JSON, not JSON: refuse them like any typo.
    raise ValueError(f"{name} is not a JSON value")


def read_json_body(
    request: HttpRequest, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH
) -> Any:
    """The request body parsed as JSON; raises ``BodyError`` for a body no contract could read."""
    try:
        announced = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        announced = 0
    if announced > max_bytes:
        raise BodyError(413, f"the body must be at most {max_bytes // 1024} KB")
    body = request.body
    if len(body) > max_bytes:
        raise BodyError(413, f"the body must be at most {max_bytes // 1024} KB")
    if not body.strip():
        raise BodyError(400, "the body is empty: send one JSON object")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BodyError(400, f"not valid JSON: not UTF-8 text ({error.reason})") from error
    if nesting_depth(text) > max_depth:
        raise BodyError(400, f"nested more than {max_depth} levels deep")
    try:
        payload = json.loads(text, parse_constant=_refuse_constant)
        # A lone surrogate (``"\ud800"``) is valid JSON syntax but not text: refuse it here
        # rather than let it fail wherever the value is next encoded.
        json.dumps(payload, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as error:
        raise BodyError(400, "not valid JSON: a string holds an unpaired surrogate") from error
    except (ValueError, RecursionError) as error:
        # ValueError covers malformed JSON and integers longer than Python's 4300-digit limit.
        raise BodyError(400, f"not valid JSON: {error}") from error
    return payload
