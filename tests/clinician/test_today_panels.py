"""Today's panels: ten rows each with the whole count, "See all" pages kept to the clinic and
audited, and row links that go where ``{% url %}`` would send them."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.template import Context, Template
from django.urls import resolve, reverse

from naltrack.accounts.models import Membership
from naltrack.audit.models import AuditEvent
from naltrack.care.models import FollowUp
from naltrack.clinician.today import DASHBOARD_ROWS, PANEL_PAGE_ROWS
from naltrack.reminders.models import Notification
from tests.care.helpers import TODAY, started, stop_planned
from tests.factories import PatientFactory, member, patient_with_login
from tests.reminders.test_delivery_problems import failed

pytestmark = pytest.mark.django_db
DAY = dt.timedelta(days=1)
NEW_PATIENTS = DASHBOARD_ROWS + 3


@pytest.fixture
def newcomers(clinic, foreign_patient):
    """More new patients than a panel shows, and one in another clinic (``foreign_patient``)."""
    return [PatientFactory(clinic=clinic) for _ in range(NEW_PATIENTS)]


def section(html: str, heading_id: str) -> str:
    return html.split(f'aria-labelledby="{heading_id}"')[1].split("</section>")[0]


def test_a_panel_shows_ten_rows_and_counts_them_all(signed_in, newcomers, foreign_patient):
    page = signed_in.get(reverse("clinician:home"))
    dashboard = page.context["dashboard"]
    newest_first = sorted(newcomers, key=lambda p: (p.created_at, p.pk), reverse=True)
    assert [p.pk for p in dashboard.new_patients] == [p.pk for p in newest_first][:10]
    assert dashboard.totals["new_patients"] == NEW_PATIENTS
    panel = section(page.text, "new-heading")
    assert f"New patients (14 days) ({NEW_PATIENTS})" in panel
    see_all = reverse("clinician:today_panel", args=["new-patients"])
    assert f'<a href="{see_all}">See all {NEW_PATIENTS}</a>' in panel
    assert foreign_patient.full_name not in page.text
    assert AuditEvent.objects.get(action="list", object_type="dashboard").detail[
        "patient_ids"
    ] == sorted(p.pk for p in newest_first[:10])


def test_a_panel_that_fits_has_no_see_all(signed_in, clinic):
    PatientFactory(clinic=clinic)
    page = signed_in.get(reverse("clinician:home"))
    assert page.context["dashboard"].totals["new_patients"] == 1
    assert "See all" not in section(page.text, "new-heading")


def test_see_all_lists_the_whole_panel_of_the_clinic_and_is_audited(
    signed_in, newcomers, foreign_patient
):
    page = signed_in.get(reverse("clinician:today_panel", args=["new-patients"]))
    assert page.status_code == 200
    shown = page.context["shown"]
    assert {row.pk for row in shown.rows} == {p.pk for p in newcomers}
    assert page.context["page"].paginator.count == NEW_PATIENTS
    assert f"{NEW_PATIENTS} in all" in page.text
    assert foreign_patient.full_name not in page.text
    event = AuditEvent.objects.get(action="list", object_type="dashboard")
    assert event.detail == {"patient_ids": sorted(p.pk for p in newcomers), "panel": "new-patients"}


def test_see_all_pages_through_a_long_list(signed_in, clinic):
    patients = [PatientFactory(clinic=clinic) for _ in range(PANEL_PAGE_ROWS + 2)]
    url = reverse("clinician:today_panel", args=["new-patients"])
    first, second = signed_in.get(url), signed_in.get(url + "?page=2")
    assert len(first.context["shown"].rows) == PANEL_PAGE_ROWS
    rest = {row.pk for row in second.context["shown"].rows}
    assert len(rest) == 2 and rest.isdisjoint(row.pk for row in first.context["shown"].rows)
    assert 'href="?page=2"' in first.text
    audited = AuditEvent.objects.filter(action="list", object_type="dashboard").order_by("pk")
    assert [len(e.detail["patient_ids"]) for e in audited] == [PANEL_PAGE_ROWS, 2]
    assert {pk for e in audited for pk in e.detail["patient_ids"]} == {p.pk for p in patients}


def test_another_clinics_clinician_sees_only_their_own(
    client, other_clinic, newcomers, foreign_patient
):
    client.force_login(member(other_clinic, Membership.Role.CLINICIAN))
    page = client.get(reverse("clinician:today_panel", args=["new-patients"]))
    assert [row.pk for row in page.context["shown"].rows] == [foreign_patient.pk]
    assert client.get(reverse("clinician:home")).context["dashboard"].totals["new_patients"] == 1


def test_an_unknown_panel_answers_404(signed_in):
    assert signed_in.get(reverse("clinician:today_panel", args=["everyone"])).status_code == 404


def test_a_patient_cannot_open_see_all(client, clinic):
    client.force_login(patient_with_login(clinic).user)
    page = client.get(reverse("clinician:today_panel", args=["new-patients"]))
    assert page.status_code == 404  # staff_required: not a page for patients
    assert not AuditEvent.objects.filter(object_type="dashboard").exists()


def test_delivery_problems_show_ten_and_see_all_shows_every_one(signed_in, clinic):
    due = dt.datetime(2026, 11, 3, 14, tzinfo=dt.UTC)
    problems = [
        failed(patient_with_login(clinic, phone="+13125550167"), "dose", due - n * DAY)
        for n in range(DASHBOARD_ROWS + 2)
    ]
    dashboard = signed_in.get(reverse("clinician:home"))
    shown = dashboard.context["dashboard"].delivery_problems
    assert (len(shown.shown), shown.total) == (DASHBOARD_ROWS, len(problems))
    see_all = reverse("clinician:today_panel", args=["delivery-problems"])
    assert f'<a href="{see_all}">See all {len(problems)}</a>' in dashboard.text
    page = signed_in.get(see_all)
    assert [n.pk for n in page.context["shown"].rows] == [n.pk for n in problems]
    handled = [reverse("reminders:problem_handled", args=[n.pk]) for n in problems]
    assert all(f'action="{url}"' in page.text for url in handled)
    assert Notification.objects.filter(handled_at__isnull=True).count() == len(problems)


def test_row_links_go_to_the_right_views(signed_in, patient, clinician):
    episode, _ = started(
        patient, clinician, kind="aud_daily", day=TODAY - 60 * DAY, indication="AUD"
    )
    stop_planned(episode, clinician, start=TODAY - 20 * DAY)
    due = FollowUp.objects.filter(due_on__lte=TODAY, patient=patient).order_by("due_on", "pk")
    page = signed_in.get(reverse("clinician:home"))
    panel = section(page.text, "followups-heading")
    links = [resolve(link) for link in re.findall(r'href="([^"]+)"', panel)]
    assert [(link.view_name, link.kwargs) for link in links] == [
        (view, kwargs)
        for f in due
        for view, kwargs in (
            ("clinician:patient_chart", {"patient_id": patient.pk}),
            ("clinician:record_follow_up", {"patient_id": patient.pk, "follow_up_id": f.pk}),
        )
    ]


def test_row_url_is_the_url_reverse_gives():
    tag = Template(
        "{% load naltrack_urls %}"
        "{% row_url 'clinician:patient_chart' patient_id=a %} "
        "{% row_url 'clinician:record_follow_up' patient_id=a follow_up_id=b %} "
        "{% row_url 'clinician:record_instrument' patient_id=b instrument=a %}"
    )
    assert tag.render(Context({"a": 7, "b": 1234})).split() == [
        reverse("clinician:patient_chart", args=[7]),
        reverse("clinician:record_follow_up", args=[7, 1234]),
        reverse("clinician:record_instrument", args=[1234, "7"]),
    ]
    with pytest.raises(TypeError):
        Template(
            "{% load naltrack_urls %}{% row_url 'clinician:patient_chart' patient_id=a %}"
        ).render(Context({"a": "7/../admin"}))
