"""The dashboard, patient list and chart issue a fixed number of queries whatever the data size."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from naltrack.care import services
from tests.care.helpers import TODAY, started
from tests.factories import PatientFactory, member

pytestmark = pytest.mark.django_db
DAY = dt.timedelta(days=1)


def grow(clinic, clinician, patients: int, days: int) -> list:
    """Patients on the injection and on tablets, each with `days` days of check-ins and doses."""
    made = []
    with services.alerts_deferred():
        for n in range(patients):
            patient = PatientFactory(clinic=clinic, user=member(clinic, "patient"))
            kind = "xr_monthly" if n % 2 else "aud_daily"
            _, regimen = started(
                patient, clinician, kind=kind, day=TODAY - days * DAY, indication="AUD"
            )
            if kind == "xr_monthly":
                services.injection_record(
                    regimen=regimen,
                    given_on=TODAY - days * DAY,
                    site="left_gluteal",
                    lot="L",
                    given_by=clinician,
                )
            for d in range(days):
                day = TODAY - d * DAY
                services.check_in_record(
                    patient=patient,
                    day=day,
                    craving=8,
                    drinks=d % 2,
                    opioid_use=False,
                    side_effects=[],
                    mood=3,
                    note="",
                    by=None,
                )
                if kind == "aud_daily":
                    services.dose_record(
                        regimen=regimen,
                        day=day,
                        status="taken" if d % 5 else "missed",
                        by=clinician,
                    )
            made.append(patient)
    return made


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "page", ["clinician:home", "clinician:patient_list", "clinician:alert_queue", "chart"]
)
def test_page_queries_do_not_grow_with_the_clinic(client, clinic, clinician, page):
    client.force_login(clinician)
    small = grow(clinic, clinician, patients=2, days=3)
    url = (
        reverse("clinician:patient_chart", args=[small[0].pk]) if page == "chart" else reverse(page)
    )
    before = queries(client, url)
    big = grow(clinic, clinician, patients=8, days=20)
    if page == "chart":
        url = reverse("clinician:patient_chart", args=[big[0].pk])
    after = queries(client, url)
    assert after == before, f"{page}: {before} queries with little data, {after} with more"
