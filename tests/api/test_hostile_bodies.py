"""Whatever the body, the calculators answer 4xx with an error naming it, never a 500."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from naltrack.api.json_body import MAX_BYTES, MAX_DEPTH, nesting_depth
from tests.clinical.test_calc_cli import START_CHECK

pytestmark = pytest.mark.django_db

URL = "/api/v1/calculators/"
CALCULATORS = ("start-check", "discontinuation", "score")
# Far past Python's recursion limit (1000), yet within the size limit.
DEEP = 40_000


@pytest.fixture
def staff(client: Client, clinician) -> Client:
    client.force_login(clinician)
    return client


def post(client: Client, name: str, body: bytes | str, content_type="application/json"):
    return client.post(URL + name, data=body, content_type=content_type)


def assert_refused(response, status: int, message: str) -> None:
    assert response.status_code == status, response.content
    body = response.json()
    assert body["error"]["field"] == "$"
    assert message in body["error"]["message"]
    assert body["detail"][0]["msg"] == body["error"]["message"]


@pytest.mark.parametrize("name", CALCULATORS)
@pytest.mark.parametrize("opening", ['{"a":', "["])
def test_deeply_nested_json_is_400_not_a_recursion_error(staff, name, opening):
    closing = "}" if opening.startswith("{") else "]"
    body = opening * DEEP + "1" + closing * DEEP
    assert_refused(post(staff, name, body), 400, f"nested more than {MAX_DEPTH} levels deep")


def test_nesting_up_to_the_limit_reaches_the_contract(staff):
    body = (
        '{"instrument": "pacs", "answers": ' + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "}"
    )
    response = post(staff, "score", body)
    assert response.status_code == 422
    assert response.json()["error"] == {"field": "answers", "message": "must be a JSON object"}


def test_brackets_inside_strings_are_not_nesting():
    assert nesting_depth('{"reason": "[[[[{{{{ \\" [[[["}') == 1
    assert nesting_depth('[[], [[]], {"a": [1]}]') == 3


@pytest.mark.parametrize("name", CALCULATORS)
def test_a_body_over_the_size_limit_is_413(staff, name):
    body = '{"reason": "' + "x" * MAX_BYTES + '"}'
    assert_refused(post(staff, name, body), 413, "at most 256 KB")


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        (b"", 400, "the body is empty"),
        (b"   ", 400, "the body is empty"),
        (b'{"instrument": "pacs\x00"}', 400, "not valid JSON"),
        (b"\xff\xfe{}", 400, "not UTF-8"),
        (b'{"instrument": "\xe9"}', 400, "not UTF-8"),
        (b'{"instrument": "\\ud800", "answers": {}}', 400, "unpaired surrogate"),
        (b'{"instrument": NaN}', 400, "NaN is not a JSON value"),
        (b"[Infinity]", 400, "Infinity is not a JSON value"),
        (b'{"answers": ' + b"9" * 100_000 + b"}", 400, "not valid JSON"),
        (b"\x00\x00\x00{", 400, "not valid JSON"),
        # Valid JSON that the contract refuses is its business: 422.
        (b'{"instrument": "craving_vas", "answers": {"craving": 1e400}}', 422, ""),
        (b'{"instrument": "craving_vas", "answers": {"craving": ' + b"9" * 4000 + b"}}", 422, ""),
        (b'{"instrument": "\\ud83d\\ude00", "answers": {}}', 422, ""),
        (b'"\\u0000"', 422, "must be a JSON object"),
    ],
)
def test_hostile_bodies_are_refused_with_the_reason(staff, body, status, message):
    response = post(staff, "score", body)
    assert response.status_code == status, response.content
    assert message in response.json()["error"]["message"]


@pytest.mark.parametrize(
    "number", ["1e400", "-1e400", "1" + "0" * 400, "1" + "0" * 4000, "1e-400", "-0"]
)
def test_huge_and_tiny_lab_values_are_a_422_or_an_answer(staff, number):
    body = json.dumps({**START_CHECK, "labs": [{**START_CHECK["labs"][0], "value": 0}]})
    body = body.replace('"value": 0', f'"value": {number}')
    response = post(staff, "start-check", body)
    assert response.status_code in (200, 422), response.content


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]
)
def test_another_content_type_is_read_as_the_json_it_should_be(staff, content_type):
    response = post(staff, "score", b'{"instrument": "craving_vas"', content_type)
    assert response.status_code == 400
    ok = post(
        staff, "score", b'{"instrument": "craving_vas", "answers": {"craving": 2}}', "text/plain"
    )
    assert ok.json()["band"] == "low"
