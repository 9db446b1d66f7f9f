from __future__ import annotations

import datetime as dt

import factory

from naltrack.accounts.models import Clinic, Membership, User
from naltrack.care.models import Patient

PASSWORD = "correct-horse-battery-staple"


class ClinicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Clinic

    name = factory.Sequence(lambda n: f"Clinic {n}")
    slug = factory.Sequence(lambda n: f"clinic-{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@clinic.example")
    full_name = factory.Faker("name")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            self.save()


def member(clinic: Clinic, role: str, **kwargs: object) -> User:
    user = UserFactory(**kwargs)
    Membership.objects.create(user=user, clinic=clinic, role=role)
    return user


class PatientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Patient

    clinic = factory.SubFactory(ClinicFactory)
    given_name = factory.Faker("first_name")
    family_name = factory.Faker("last_name")
    date_of_birth = dt.date(1985, 5, 17)
    sex = Patient.Sex.FEMALE


def patient_with_login(clinic: Clinic, **kwargs: object) -> Patient:
    user = member(clinic, Membership.Role.PATIENT)
    return PatientFactory(clinic=clinic, user=user, **kwargs)
