"""Access by construction: every route Naltrack serves, walked from Django's URL resolver.

- A route that is not on the explicit public list below declares who may open it through one of
  the gates of ``naltrack.accounts.access`` (or is Django's admin, or an API operation with its
  own authentication), and refuses anonymous users: GET and POST send them to sign in.
- A route with a patient's or a record row's id answers 404 to a clinician of another clinic and
  to another patient, on GET and on POST, so ids cannot be probed.

A new URL added without a gate fails here without anyone remembering to write its test.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver

# Open to anyone, signed in or not, on purpose.
PUBLIC = {
    "home",  # strangers get the clinic's public page; signed-in people their role's home
    "public:clinic",
    "accounts:login",
    "accounts:logout",
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
    "accounts:invitation",
    "enrollment:enroll",
    "enrollment:enroll_clinic",
    "enrollment:thanks",
    "education:library",
    "education:search",
    "education:article",
    "reminders:pause",  # a signed link in a reminder: the token is the credential
    "api:api-root",
    "api:enrollment_create",  # the public enrollment form as JSON: no account, like the page
    "oauth_token",  # outside systems' token endpoint: the client id and secret are the credential
    "healthz",  # for a load balancer or a monitor: counts and ages, nothing about anyone
    "admin:login",  # Django's admin signs its own users in (superusers only)
    "admin:logout",
    "admin:jsi18n",
}


@dataclass(frozen=True)
class Route:
    name: str
    pattern: str
    callback: Any

    @property
    def params(self) -> list[str]:
        return [part.split(">")[0].split(":")[-1] for part in self.pattern.split("<")[1:]]


def _walk(patterns: list[Any], prefix: str = "", namespace: str = "") -> Iterator[Route]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = ":".join(filter(None, [namespace, entry.namespace or ""]))
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace else (entry.name or "")
            yield Route(name, prefix + str(entry.pattern), entry.callback)


ROUTES = [route for route in _walk(get_resolver().url_patterns)]
ADMIN = [r for r in ROUTES if r.name.startswith("admin:") and r.name not in PUBLIC]
# API operations authenticate themselves (401/403); the API's docs pages carry a role gate.
API = [
    r
    for r in ROUTES
    if r.name.startswith("api:")
    and r.name not in PUBLIC
    and not hasattr(r.callback, "access_roles")
]
# FHIR endpoints find their caller themselves (a session or a bearer token) and answer every
# refusal with an OperationOutcome: 401 for anyone they do not know.
FHIR = [r for r in ROUTES if getattr(r.callback, "fhir_endpoint", False)]
GATED = [
    r for r in ROUTES if r.name not in PUBLIC and r not in ADMIN and r not in API and r not in FHIR
]
WITH_IDS = [r for r in GATED if any(p.endswith("_id") for p in r.params)]


def _url(route: Route, values: dict[str, Any]) -> str:
    """The route's path with each ``<converter:name>`` replaced by ``values[name]``."""
    url, rest = "", route.pattern
    while "<" in rest:
        before, _, after = rest.partition("<")
        spec, _, rest = after.partition(">")
        url += before + str(values.get(spec.split(":")[-1], 1))
    return "/" + url + rest


def test_the_walk_sees_every_kind_of_route() -> None:
    names = {route.name for route in ROUTES}
    assert {"clinician:record_lab", "patient:craving_try", "enrollment:intake_detail"} <= names
    assert names >= PUBLIC, f"public routes that no longer exist: {PUBLIC - names}"
    assert len(WITH_IDS) >= 20
    assert {r.name for r in FHIR} >= {"fhir:everything", "fhir:export", "fhir:export_file"}


@pytest.mark.parametrize("route", GATED, ids=lambda r: r.name)
def test_every_gated_route_declares_its_roles(route: Route) -> None:
    assert getattr(route.callback, "access_roles", None), (
        f"{route.name} has no role gate: add one from naltrack.accounts.access, "
        "or put it on this test's public list if anyone may open it"
    )


@pytest.mark.parametrize("route", GATED + ADMIN, ids=lambda r: r.name)
@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_users_are_sent_to_sign_in(
    route: Route, method: str, world: dict[str, Any]
) -> None:
    response = getattr(Client(), method)(_url(route, world["values"]))
    assert response.status_code in (302, 405), f"{method.upper()} {route.name}"
    if response.status_code == 302:
        assert "login" in response["Location"], response["Location"]


def _answers(client: Client, url: str) -> dict[str, int]:
    """What GET and POST (an empty JSON body) to ``url`` answer."""
    return {
        "get": client.get(url).status_code,
        "post": client.post(url, {}, content_type="application/json").status_code,
    }


def test_the_walk_sees_the_record_api() -> None:
    names = {route.name for route in API}
    assert {"api:patient_list", "api:lab_list", "api:check_in_today", "api:alert_queue"} <= names
    assert len([r for r in API if "patient_id" in r.params]) >= 8


@pytest.mark.parametrize("route", API, ids=lambda r: r.name)
def test_api_operations_refuse_anonymous_users(route: Route, world: dict[str, Any]) -> None:
    """Every method an operation serves answers 401 or 403 (405 for one it does not serve)."""
    statuses = _answers(Client(), _url(route, world["values"]))
    assert set(statuses.values()) <= {401, 403, 405}, f"{route.name}: {statuses}"
    assert {401, 403} & set(statuses.values()), f"{route.name}: {statuses}"


API_WITH_IDS = [r for r in API if "patient_id" in r.params]


@pytest.mark.parametrize("route", API_WITH_IDS, ids=lambda r: r.name)
@pytest.mark.parametrize("who", ["other_clinician", "other_patient"])
def test_api_ids_of_another_clinic_or_patient_reach_nothing(
    route: Route, who: str, world: dict[str, Any]
) -> None:
    """A session of another clinic or patient gets 404 for the patient (403 for a role the
    operation does not take, 422 for a body refused before any record is looked at)."""
    client = Client()
    client.force_login(world[who])
    statuses = _answers(client, _url(route, world["values"]))
    assert set(statuses.values()) <= {403, 404, 405, 422}, f"{route.name} as {who}: {statuses}"
    assert 404 in statuses.values() or 403 in statuses.values(), statuses


@pytest.mark.parametrize("route", API_WITH_IDS, ids=lambda r: r.name)
def test_api_tokens_of_another_clinic_reach_nothing(route: Route, world: dict[str, Any]) -> None:
    """An outside system of another clinic, with every scope, finds no patient here."""
    from tests.api.outside_helpers import bearer, registered

    client = bearer(registered(world["other_clinician"].clinic_membership.clinic))
    statuses = _answers(client, _url(route, world["values"]))
    assert set(statuses.values()) <= {401, 403, 404, 405}, f"{route.name}: {statuses}"


@pytest.mark.parametrize("route", FHIR, ids=lambda r: r.name)
def test_fhir_endpoints_refuse_anonymous_users(route: Route, world: dict[str, Any]) -> None:
    response = Client().get(_url(route, world["values"]))
    assert response.status_code == 401
    assert response["Content-Type"] == "application/fhir+json"
    assert response.json()["resourceType"] == "OperationOutcome"


FHIR_WITH_IDS = [r for r in FHIR if r.params]


@pytest.mark.parametrize("route", FHIR_WITH_IDS, ids=lambda r: r.name)
@pytest.mark.parametrize("who", ["other_clinician", "other_patient", "other_clinics_system"])
def test_fhir_ids_of_another_clinic_or_patient_reach_nothing(
    route: Route, who: str, world: dict[str, Any]
) -> None:
    """A session of another clinic or patient, or another clinic's outside system with every
    scope, gets nothing of this clinic's patient or exports."""
    from tests.api.outside_helpers import bearer, registered

    if who == "other_clinics_system":
        client = bearer(registered(world["other_clinician"].clinic_membership.clinic))
    else:
        client = Client()
        client.force_login(world[who])
    response = client.get(_url(route, world["values"]))
    assert response.status_code in {401, 403, 404}, f"{route.name} as {who}"
    assert response.json()["resourceType"] == "OperationOutcome"


@pytest.mark.parametrize("route", WITH_IDS, ids=lambda r: r.name)
@pytest.mark.parametrize("who", ["other_clinician", "other_patient"])
def test_ids_of_another_clinic_or_patient_answer_404(
    route: Route, who: str, world: dict[str, Any]
) -> None:
    """404 on every method the view serves (405 for one it does not, whatever the id)."""
    client = Client()
    client.force_login(world[who])
    url = _url(route, world["values"])
    statuses = {method: getattr(client, method)(url).status_code for method in ("get", "post")}
    assert set(statuses.values()) <= {404, 405}, f"{route.name} as {who}: {statuses}"
    assert 404 in statuses.values(), f"{route.name} as {who}: {statuses}"


# Tables a page may write on GET: the audit trail of what was read, the session, the sign-in log,
# and the episodes' figures a report works out from the record and keeps for the next one
# (derived, never the record: docs/outcomes.md, "Stored figures").
READ_LOG_TABLES = ("audit_auditevent", "django_session", "axes_", "reports_storedfigures")
# Opening an emailed two-step sign-in setup link starts a new authenticator (a pending device):
# the link in the email is the request, and opening it is what uses it up.
WRITES_ON_GET = {"accounts:two_factor_link"}


def _writes(queries: list[dict[str, str]]) -> list[str]:
    return [
        query["sql"]
        for query in queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
        and not any(table in query["sql"] for table in READ_LOG_TABLES)
    ]


@pytest.mark.parametrize(
    "route", [r for r in GATED if r.name not in WRITES_ON_GET], ids=lambda r: r.name
)
def test_nothing_is_written_on_a_get(route: Route, world: dict[str, Any]) -> None:
    """A page that is only looked at changes nothing but the log of who looked."""
    roles = route.callback.access_roles
    who = next(
        name
        for role, name in (("patient", "patient"), ("clinician", "clinician"), ("admin", "admin"))
        if role in roles
    )
    client = Client()
    client.force_login(world[who])
    with CaptureQueriesContext(connection) as queries:
        response = client.get(_url(route, world["values"]))
    assert response.status_code in (200, 302, 405), f"{route.name}: {response.status_code}"
    assert _writes(queries.captured_queries) == [], route.name
