"""The Reports page: staff of the clinic see its figures, filtered and compared; the CSV hides
small numbers; a patient gets 404; bad filters get their message, not a 500."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse

from naltrack.audit.models import AuditEvent
from naltrack.reports.files import SUPPRESSED, suppressed
from naltrack.reports.outcomes import Row
from tests.reports.test_outcome_report import cohort  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db
URL = reverse("reports:outcomes")


def _as(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_staff_see_the_figures_the_chart_and_its_table(clinician, cohort):  # noqa: F811
    page = _as(clinician).get(URL).content.decode()
    assert '<svg role="img"' in page and "Time in treatment" in page
    assert "Started, of those with a start check" in page and "67%" in page  # 2 of 3
    assert "How each figure is defined" in page


def test_comparing_draws_a_curve_per_group(clinician, cohort):  # noqa: F811
    page = _as(clinician).get(URL, {"split": "formulation"}).content.decode()
    assert page.count('<polyline class="km') == 2
    assert "Tablets" in page and "Injection" in page.replace("injection", "Injection")


def test_another_clinics_staff_see_none_of_it(other_clinic, cohort):  # noqa: F811
    from naltrack.accounts.models import Membership
    from tests.factories import member

    stranger = member(other_clinic, Membership.Role.ADMIN)
    page = _as(stranger).get(URL).content.decode()
    assert "0 episodes" in page


def test_a_patient_gets_404(patient):
    assert _as(patient.user).get(URL).status_code == 404


def test_the_csv_is_audited_and_hides_small_numbers(clinician, cohort):  # noqa: F811
    response = _as(clinician).get(URL, {"download": "csv"})
    assert response["Content-Disposition"].startswith("attachment")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    started = next(r for r in rows if r["measure"].startswith("Started"))
    assert (started["n"], started["value"]) == (SUPPRESSED, SUPPRESSED)  # 2 of 3 people
    assert AuditEvent.objects.filter(
        object_type="outcome_report", detail__form="csv", actor_id=clinician.pk
    ).exists()


@pytest.mark.parametrize(
    ("row", "hidden"),
    [
        (Row("s", "m", 40, 0.5), False),
        (Row("s", "m", 40, 0.2), True),  # 8 people
        (Row("s", "m", 40, 0.0), False),  # nobody: zero is shown
        (Row("s", "m", 10, 1.0), True),
        (Row("s", "m", 12, 12, unit="count"), False),
        (Row("s", "m", 12, 3, unit="count"), True),
        (Row("s", "m", 9, 4.2, unit="per 30 days"), True),
    ],
)
def test_small_cell_rule(row, hidden):
    assert suppressed(row) is hidden


def test_bad_filters_are_named_not_a_500(clinician):
    response = _as(clinician).get(URL, {"started_from": "2026-05-01", "started_to": "2026-01-01"})
    assert response.status_code == 400
    assert "The period ends before it starts." in response.content.decode()
    assert _as(clinician).get(URL, {"indication": "cocaine"}).status_code == 400


def test_the_pdf_program_report_holds_the_figures_and_definitions(clinician, cohort):  # noqa: F811
    from pypdf import PdfReader

    response = _as(clinician).get(URL, {"formulation": "xr_injection", "download": "pdf"})
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert "Program outcomes" in text and "formulation: Monthly injection" in text
    assert "In treatment at 30 days" in text and "How each figure is defined" in text
    assert "1 episode" in text  # only the injection patient
    assert AuditEvent.objects.filter(object_type="outcome_report", detail__form="pdf").exists()


def test_the_episode_file_names_no_one_and_withholds_small_groups(clinician, cohort):  # noqa: F811
    response = _as(clinician).get(URL, {"download": "episodes"})
    text = response.content.decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 3
    for person in cohort:
        assert person.family_name not in text and person.given_name not in text
        assert str(person.date_of_birth) not in text
    # three episodes, each alone in its group: age band and start month withheld
    assert {r["age_band"] for r in rows} == {SUPPRESSED} == {r["start_month"] for r in rows}
    by_formulation = {r["formulation"]: r for r in rows}
    assert (
        by_formulation["oral"]["ended"] == "1"
        and by_formulation["oral"]["days_in_treatment"] == "9"
    )
    assert by_formulation["xr_injection"]["ended"] == "0"
    assert AuditEvent.objects.filter(object_type="outcome_report", detail__form="episodes").exists()


def test_groups_of_eleven_keep_their_month(clinic, clinician):
    from naltrack.reports.cohorts import Filters
    from naltrack.reports.files import episodes_csv
    from naltrack.reports.outcomes import outcome_report
    from tests.care.helpers import TODAY, started
    from tests.factories import patient_with_login

    for _ in range(11):
        started(patient_with_login(clinic), clinician, day=TODAY)
    report = outcome_report(clinic=clinic, filters=Filters(), today=TODAY, by=None, form="episodes")
    rows = list(csv.DictReader(io.StringIO(episodes_csv(report))))
    assert {r["start_month"] for r in rows} == {f"{TODAY:%Y-%m}"}
