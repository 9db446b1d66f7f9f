"""The product's clinical words: every value has its label, and each set agrees with the rules."""

from __future__ import annotations

import datetime as dt
from typing import get_args

from naltrack.clinical.formulary import FORMULATIONS, Formulation
from naltrack.clinical.instruments import INSTRUMENTS
from naltrack.clinical.regimens import (
    INDICATIONS,
    REGIMENS,
    Indication,
    Regimen,
    RegimenKind,
    schedule,
)
from naltrack.clinical.start_check import EXPOSURE_KINDS
from naltrack.clinical.vocabulary import (
    CRAVING_MAX,
    DAILY_REGIMENS,
    EXPOSURE_KIND_LABELS,
    FORMULATION_LABELS,
    INDICATION_LABELS,
    ORAL,
    XR_INJECTION,
)


def test_formulations_are_the_formulation_type_and_each_has_a_label():
    assert (ORAL, XR_INJECTION) == FORMULATIONS == get_args(Formulation)
    assert tuple(FORMULATION_LABELS) == FORMULATIONS
    assert all(label.strip() for label in FORMULATION_LABELS.values())


def test_every_indication_has_a_label():
    assert set(INDICATIONS) == set(get_args(Indication))
    assert set(INDICATION_LABELS) == set(INDICATIONS)
    assert all(label.strip() for label in INDICATION_LABELS.values())


def test_every_exposure_kind_has_a_label():
    assert tuple(EXPOSURE_KIND_LABELS) == EXPOSURE_KINDS
    assert all(label.strip() for label in EXPOSURE_KIND_LABELS.values())


def test_every_regimen_names_a_known_formulation_and_known_indications():
    for info in REGIMENS.values():
        assert info.formulation in FORMULATION_LABELS, info.kind
        assert info.indications, info.kind
        assert set(info.indications) <= set(INDICATION_LABELS), info.kind


def _dose_every_day(kind: RegimenKind) -> bool:
    # Four weeks from each day of the week: long enough for every weekly, every-other-day,
    # every-third-day and monthly calendar to miss a day if it ever does.
    for offset in range(7):
        start = dt.date(2026, 1, 5) + dt.timedelta(days=offset)
        days = [start + dt.timedelta(days=n) for n in range(28)]
        doses = schedule(Regimen(kind, start), days[0], days[-1])
        if [dose.date for dose in doses] != days:
            return False
    return True


def test_daily_regimens_are_those_whose_calendar_gives_a_dose_every_day():
    every_day = {kind for kind in REGIMENS if _dose_every_day(kind)}
    assert every_day  # the calendar has daily regimens at all
    assert every_day == DAILY_REGIMENS


def test_craving_max_is_the_top_of_the_craving_scale():
    craving = INSTRUMENTS["craving_vas"]
    assert craving.max_score == CRAVING_MAX
    assert craving.item("craving").allowed == tuple(range(CRAVING_MAX + 1))
