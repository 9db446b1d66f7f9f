"""``is_active`` and ``covers``: the two questions the disclosure gate will ask."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from naltrack.disclosure.coverage import Recipient, consent_is_active, covers
from naltrack.disclosure.models import Consent
from naltrack.disclosure.services import consent_revoke
from tests.disclosure.helpers import named_terms, signed, tpo_terms

pytestmark = pytest.mark.django_db

DOCTOR = Recipient("Dr Ada Okafor, Eastside Family Practice", Consent.Role.TREATING_PROVIDER)
PAYER = Recipient("Acme Health Plan", Consent.Role.PAYER)


def test_a_consent_ends_after_its_expiry_date(patient):
    consent = signed(patient, named_terms(expires_on=timezone.localdate() + dt.timedelta(days=1)))
    assert consent_is_active(consent)
    day_after = timezone.now() + dt.timedelta(days=2)
    assert not consent_is_active(consent, on=day_after)
    assert not covers(
        consent, recipient=DOCTOR, purpose="treatment", categories=["labs"], on=day_after
    )


def test_a_revoked_consent_covers_nothing_from_that_moment(patient):
    consent = signed(patient)
    before = timezone.now()
    assert covers(consent, recipient=DOCTOR, purpose="treatment", categories=["labs"])
    consent_revoke(consent=consent, by=patient.user)
    consent.refresh_from_db()
    assert not covers(consent, recipient=DOCTOR, purpose="treatment", categories=["labs"])
    assert consent_is_active(consent, on=before)


@pytest.mark.parametrize(
    ("recipient", "purpose", "categories", "expected"),
    [
        (DOCTOR, "treatment", ["labs", "medications"], True),
        (Recipient("  dr ada okafor,  EASTSIDE family practice ", "other"), "treatment", [], True),
        (Recipient("Dr Ada Okafor", "treating_provider"), "treatment", ["labs"], False),
        (DOCTOR, "payment", ["labs"], False),
        (DOCTOR, "treatment", ["labs", "therapy_notes"], False),
        (PAYER, "treatment", ["labs"], False),
    ],
)
def test_a_named_consent_covers_its_recipient_purposes_and_categories(
    patient, recipient, purpose, categories, expected
):
    consent = signed(patient)
    assert covers(consent, recipient=recipient, purpose=purpose, categories=categories) is expected


@pytest.mark.parametrize(
    ("roles", "recipient", "purpose", "expected"),
    [
        (["treating_provider"], DOCTOR, "treatment", True),
        (["treating_provider"], Recipient("Any Hospital", "treating_provider"), "treatment", True),
        # "my treating providers" does not designate a payer
        (["treating_provider"], PAYER, "payment", False),
        (["treating_provider", "payer"], PAYER, "payment", True),
        (["treating_provider", "payer"], PAYER, "operations", False),
        (["treating_provider"], Recipient("A lawyer", "other"), "treatment", False),
    ],
)
def test_a_general_tpo_designation_covers_the_kinds_of_recipient_it_names(
    patient, roles, recipient, purpose, expected
):
    purposes = ["treatment"] + (["payment"] if "payer" in roles and purpose == "payment" else [])
    consent = signed(patient, tpo_terms(recipient_roles=roles, purposes=purposes))
    assert (
        covers(consent, recipient=recipient, purpose=purpose, categories=["therapy_notes"])
        is expected
    )


def test_all_records_covers_every_category(patient):
    consent = signed(patient, tpo_terms())
    every = [value for value, _ in Consent.Category.choices]
    assert covers(consent, recipient=DOCTOR, purpose="treatment", categories=every)
