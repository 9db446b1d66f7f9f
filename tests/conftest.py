from __future__ import annotations

import pytest

from naltrack.accounts.models import Clinic, Membership, User
from naltrack.care.models import Patient
from tests.factories import ClinicFactory, PatientFactory, member, patient_with_login

# The world of every kind of record row, for the tests that walk every route; the migrated
# database that the worker and operations tests copy, migrated once per test process.
pytest_plugins = ["tests.world", "tests.migrated"]


@pytest.fixture
def clinic() -> Clinic:
    return ClinicFactory(name="Riverside")


@pytest.fixture
def other_clinic() -> Clinic:
    return ClinicFactory(name="Hilltop")


@pytest.fixture
def clinician(clinic: Clinic) -> User:
    return member(clinic, Membership.Role.CLINICIAN)


@pytest.fixture
def clinic_admin(clinic: Clinic) -> User:
    return member(clinic, Membership.Role.ADMIN)


@pytest.fixture
def patient(clinic: Clinic) -> Patient:
    return patient_with_login(clinic)


@pytest.fixture
def other_patient(clinic: Clinic) -> Patient:
    return patient_with_login(clinic)


@pytest.fixture
def foreign_patient(other_clinic: Clinic) -> Patient:
    return PatientFactory(clinic=other_clinic)
