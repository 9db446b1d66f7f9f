"""Crisis help (call 988, call 911) on every page a person can reach, signed in or not: each
public route, each step of sign-in, reset, invitation and enrollment, the limits, every
article, and the error pages rendered as Django renders them with DEBUG off."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404, HttpResponse
from django.test import Client, RequestFactory
from django.urls import get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.views.csrf import csrf_failure

from naltrack.accounts.models import Clinic, Membership
from naltrack.accounts.tokens import account_link_tokens
from naltrack.education.models import Article
from tests.accounts.helpers import link_in
from tests.enrollment.helpers import form_url, posted
from tests.factories import ClinicFactory, UserFactory, member
from tests.test_url_access import GATED, PUBLIC, ROUTES, _url

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-new-and-long-passphrase-7"


def assert_crisis_help(response: HttpResponse, what: str = "") -> None:
    html = response.content.decode()
    assert 'href="tel:988"' in html, f"no 988 on {what or response}"
    assert 'href="tel:911"' in html, f"no 911 on {what or response}"


def is_page(response: HttpResponse) -> bool:
    return response.status_code == 200 and response["Content-Type"].startswith("text/html")


PUBLIC_PAGES = [
    route
    for route in ROUTES
    if route.name in PUBLIC and not route.name.startswith(("admin:", "api:"))
]


@pytest.mark.parametrize("route", PUBLIC_PAGES, ids=lambda r: r.name)
def test_every_public_route_signed_out(route: Any, world: dict[str, Any]) -> None:
    response = Client().get(_url(route, world["values"]), follow=True)
    if response.status_code == 405 or not response["Content-Type"].startswith("text/html"):
        pytest.skip(f"{route.name} shows no page on GET ({response['Content-Type']})")
    assert_crisis_help(response, route.name)


PATIENT_PAGES = [r for r in GATED if "patient" in getattr(r.callback, "access_roles", ())]


def test_every_page_a_signed_in_patient_can_open(world: dict[str, Any]) -> None:
    client = Client()
    client.force_login(world["patient"])
    opened = []
    for route in [*PATIENT_PAGES, *PUBLIC_PAGES]:
        response = client.get(_url(route, world["values"]), follow=True)
        if is_page(response):
            assert_crisis_help(response, route.name)
            opened.append(route.name)
    assert {"patient:home", "patient:help", "patient:craving_now", "education:library"} <= set(
        opened
    )


def test_every_article_signed_out(client: Client) -> None:
    slugs = list(Article.objects.published().values_list("slug", flat=True))
    assert len(slugs) >= 20
    for slug in slugs:
        assert_crisis_help(client.get(reverse("education:article", args=[slug])), slug)


def test_the_clinic_chooser_and_the_welcome(client: Client) -> None:
    assert_crisis_help(client.get("/"), "welcome")
    ClinicFactory(), ClinicFactory()
    chooser = client.get("/")
    assert "Choose your clinic" in chooser.content.decode()
    assert_crisis_help(chooser, "chooser")


def test_search_results_full_page_and_live(client: Client) -> None:
    url = reverse("education:search")
    assert_crisis_help(client.get(url, {"q": "side effects"}), "search")
    assert_crisis_help(client.get(url, {"q": "zzzz nothing"}), "search, no answer")


def test_the_lockout_page(client: Client, clinician: Any) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT):
        locked = client.post(
            reverse("accounts:login"), {"username": clinician.email, "password": "wrong"}
        )
    assert locked.status_code == 429
    assert_crisis_help(locked, "lockout")


def test_each_step_of_a_password_reset(client: Client, patient: Any) -> None:
    start = client.get(reverse("accounts:password_reset"))
    assert_crisis_help(start, "reset")
    sent = client.post(
        reverse("accounts:password_reset"), {"email": patient.user.email}, follow=True
    )
    assert_crisis_help(sent, "reset sent")
    choose = client.get(link_in(mail.outbox[-1]), follow=True)
    assert "new_password1" in choose.content.decode()
    assert_crisis_help(choose, "choose a password")
    done = client.post(
        choose.redirect_chain[-1][0] if choose.redirect_chain else choose.request["PATH_INFO"],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    assert_crisis_help(done, "reset complete")
    used = client.get(link_in(mail.outbox[-1]), follow=True)
    assert_crisis_help(used, "used link")


def test_an_invitation_link_and_a_bad_one(client: Client, clinic: Clinic) -> None:
    invited = member(clinic, Membership.Role.PATIENT, password=None)
    uid = urlsafe_base64_encode(force_bytes(invited.pk))
    link = reverse("accounts:invitation", args=[uid, account_link_tokens.make_token(invited)])
    assert_crisis_help(client.get(link, follow=True), "invitation")
    bad = reverse("accounts:invitation", args=[uid, default_token_generator.make_token(invited)])
    assert_crisis_help(client.get(bad, follow=True), "bad invitation")


def test_each_step_of_enrollment(client: Client, clinic: Clinic, settings: Any) -> None:
    assert_crisis_help(client.get(form_url(clinic)), "form")
    refused = client.post(form_url(clinic), posted(given_name=""))
    assert_crisis_help(refused, "form with an error")
    thanks = client.post(form_url(clinic), posted(), follow=True)
    assert_crisis_help(thanks, "thanks")
    settings.NALTRACK_ENROLLMENT_HOURLY_LIMIT = 1
    throttled = client.post(form_url(clinic), posted(email="other@example.org"))
    assert throttled.status_code == 429
    assert_crisis_help(throttled, "throttled")


def test_sign_in_page_with_an_error(client: Client) -> None:
    response = client.post(
        reverse("accounts:login"), {"username": "x@example.org", "password": "x"}
    )
    assert_crisis_help(response, "sign-in error")


def test_a_missing_page_answers_404_with_help(client: Client) -> None:
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert_crisis_help(response, "404")


def boom(request: Any) -> HttpResponse:
    raise RuntimeError("boom")


@pytest.mark.parametrize(
    ("status", "exception"),
    [(400, SuspiciousOperation("bad")), (403, PermissionDenied()), (404, Http404())],
)
def test_the_error_handlers_render_our_pages(status: int, exception: Exception) -> None:
    request = RequestFactory().get("/x/")
    request.user = UserFactory.build()
    handler = get_resolver().resolve_error_handler(status)
    response = handler(request, exception)
    assert response.status_code == status
    assert_crisis_help(response, str(status))


def test_the_500_page_stands_alone_with_help(django_assert_num_queries: Any) -> None:
    handler = get_resolver().resolve_error_handler(500)
    with django_assert_num_queries(0):
        response = handler(RequestFactory().get("/x/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert_crisis_help(response, "500")
    assert "/static/" in html
    assert "/library/overdose-and-naloxone/" in html


def test_an_unhandled_error_shows_the_500_page(client: Client, settings: Any) -> None:
    settings.DEBUG = False
    client.raise_request_exception = False
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("naltrack.public.views.selectors.clinics_public", boom)
        response = client.get("/")
    assert response.status_code == 500
    assert_crisis_help(response, "500 through the client")


def test_the_csrf_failure_page() -> None:
    response = csrf_failure(RequestFactory().post("/accounts/login/"), reason="no token")
    assert response.status_code == 403
    assert "try again" in response.content.decode()
    assert_crisis_help(response, "csrf")


def test_a_post_without_its_csrf_token_gets_that_page() -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("accounts:login"), {"username": "a@b.org", "password": "x"})
    assert response.status_code == 403
    assert_crisis_help(response, "csrf through the client")
