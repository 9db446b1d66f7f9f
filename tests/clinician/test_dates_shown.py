"""The clinician's pages show a date's year when it is not this year."""

from __future__ import annotations

import pytest

from naltrack.care.models import FollowUp
from tests.care.helpers import TODAY, started, stop_planned
from tests.clinician.record_forms import DAY, chart

pytestmark = pytest.mark.django_db


def test_the_chart_shows_the_year_of_a_follow_up_next_year(signed_in, patient, clinician):
    episode, _ = started(patient, clinician, kind="aud_daily", day=TODAY - 60 * DAY)
    stop_planned(episode, clinician, start=TODAY + 364 * DAY)
    due = FollowUp.objects.order_by("due_on").values_list("due_on", flat=True).first()
    assert due is not None and due.year > TODAY.year
    page = signed_in.get(chart(patient))
    assert f"{due:%b} {due.day}, {due.year}" in page.text
