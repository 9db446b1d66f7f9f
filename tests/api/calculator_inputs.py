"""Helpers for the tests that hold the calculators' OpenAPI schemas to the clinical core."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

DOCS = Path(__file__).resolve().parents[2] / "docs" / "calculators.md"


def doc_input_examples() -> list[tuple[str, dict[str, Any]]]:
    """Every example input of docs/calculators.md, as (calculator, body)."""
    text = DOCS.read_text()
    examples = [
        (name, json.loads(body))
        for body, name in re.findall(r"echo '(\{.*\})' \| \S+ calc (\S+)", text)
    ]
    for section in re.split(r"^## ", text, flags=re.MULTILINE):
        name = section.split(":", 1)[0]
        if name not in ("start-check", "discontinuation", "score") or "### Input" not in section:
            continue
        inputs = section.split("### Input", 1)[1].split("### Output", 1)[0]
        for block in re.findall(r"```json\n(.*?)```", inputs, flags=re.DOTALL):
            examples.append((name, json.loads(block)))
    full_start_check = next(body for name, body in examples if name == "start-check")
    # A fragment (the screen with its panel) is shown in its place in a whole input.
    return [
        (name, body)
        if name != "start-check" or "indication" in body
        else (name, {**full_start_check, "urine_drug_screen": body})
        for name, body in examples
    ]


def as_written(name: str, body: Any) -> Any:
    """A generated ``body`` put right where JSON Schema cannot say what the contract says."""
    return in_date_order(name, whole_numbers_as_integers(body))


def whole_numbers_as_integers(value: Any) -> Any:
    """``50.0`` written ``50``: JSON Schema's integer admits both, the contract only the second."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, list):
        return [whole_numbers_as_integers(item) for item in value]
    if isinstance(value, dict):
        return {key: whole_numbers_as_integers(item) for key, item in value.items()}
    return value


def in_date_order(name: str, body: Any) -> Any:
    """``body`` with its dates moved so that none is after the day it must not pass.

    JSON Schema cannot compare two fields, so the schemas only describe this rule of the
    contract ("not after `date`", "not after `start`"); generated inputs are put in order here.
    """
    if not isinstance(body, dict):
        return body
    body = copy.deepcopy(body)
    if name == "start-check" and isinstance(body.get("date"), str):
        lists = [body.get(key) for key in ("opioid_exposures", "labs")]
        dated = [item for items in lists if isinstance(items, list) for item in items]
        dated += [body.get("urine_drug_screen"), body.get("naloxone_challenge")]
        for item in dated:
            for key in ("last_use", "date"):
                if isinstance(item, dict) and isinstance(item.get(key), str):
                    item[key] = min(item[key], body["date"])
    last, start = body.get("last_injection"), body.get("start")
    if name == "discontinuation" and isinstance(last, str) and isinstance(start, str):
        body["last_injection"] = min(last, start)
    return body
