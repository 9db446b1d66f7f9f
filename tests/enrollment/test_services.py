"""The enrollment services and selectors on their own, without the web pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError

from naltrack.enrollment import selectors, services
from naltrack.enrollment.forms import age_on
from naltrack.enrollment.models import Enrollment
from tests.enrollment.helpers import submitted

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("sent", "due"),
    [
        (dt.date(2025, 3, 3), dt.date(2025, 3, 5)),  # Monday → Wednesday
        (dt.date(2025, 3, 6), dt.date(2025, 3, 10)),  # Thursday → Monday
        (dt.date(2025, 3, 7), dt.date(2025, 3, 11)),  # Friday → Tuesday
        (dt.date(2025, 3, 8), dt.date(2025, 3, 11)),  # Saturday → Tuesday
        (dt.date(2025, 3, 9), dt.date(2025, 3, 11)),  # Sunday → Tuesday
    ],
)
def test_reply_is_due_two_working_days_later(sent, due):
    assert selectors.reply_due(submitted_on=sent) == due


def test_age_counts_whole_years():
    assert age_on(dt.date(2000, 3, 31), dt.date(2016, 3, 30)) == 15
    assert age_on(dt.date(2000, 3, 31), dt.date(2016, 3, 31)) == 16
    assert age_on(dt.date(2000, 2, 29), dt.date(2016, 2, 28)) == 15


def test_duplicates_link_to_the_first_form_of_the_same_clinic(clinic, other_clinic):
    first = submitted(clinic)
    submitted(other_clinic)
    second = submitted(clinic, email="JANE.DOE@EXAMPLE.COM", given_name="J.")
    assert second.duplicate_of == first
    assert second.likely_duplicate
    assert selectors.same_person_submissions(enrollment=first) == [second]
    assert selectors.same_person_submissions(enrollment=second) == [first]


def test_decline_service_needs_a_reason(clinic, clinician):
    enrollment = submitted(clinic)
    with pytest.raises(ValueError, match="reason"):
        services.enrollment_decline(enrollment=enrollment, by=clinician, reason="  ")
    services.enrollment_decline(enrollment=enrollment, by=clinician, reason="Spam")
    with pytest.raises(services.EnrollmentAlreadyDecided):
        services.enrollment_decline(enrollment=enrollment, by=clinician, reason="Again")


def test_the_database_refuses_a_form_without_consents(clinic):
    enrollment = submitted(clinic)
    with pytest.raises(IntegrityError):
        Enrollment.objects.filter(pk=enrollment.pk).update(consent_privacy=False)


def test_the_database_refuses_recent_use_without_a_day(clinic):
    enrollment = submitted(clinic)
    with pytest.raises(IntegrityError):
        Enrollment.objects.filter(pk=enrollment.pk).update(opioid_last_use=None)
