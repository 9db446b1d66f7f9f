"""What a start check takes from the record (the rest comes from the clinician's form)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from naltrack.care.models import (
    CheckIn,
    DrugScreen,
    Episode,
    LabResult,
    OpioidExposure,
    Patient,
)

# --- what the planners send to the clinical core ----------------------------------------------

EXPOSURE_DAYS = 30  # docs/calculators.md: each opioid taken in the last 30 days
# Extended-release buprenorphine counts for 12 months (SUBLOCADE, BRIXADI).
EXTENDED_RELEASE_DAYS = 366


@dataclasses.dataclass(frozen=True)
class StartCheckRecord:
    """The parts of a start check that come from the record rather than the form."""

    exposures: list[OpioidExposure]
    screen: DrugScreen | None
    labs: list[LabResult]

    def as_inputs(self) -> dict[str, Any]:
        return {
            "opioid_exposures": [
                {"kind": e.kind, "last_use": e.last_use.isoformat()} for e in self.exposures
            ],
            "urine_drug_screen": (
                {
                    "date": self.screen.collected_on.isoformat(),
                    "opioids_positive": self.screen.opioids_positive,
                    # Only a recorded panel: without one the check asks to confirm what was tested.
                    **({"panel": self.screen.panel} if self.screen.panel else {}),
                }
                if self.screen
                else None
            ),
            "labs": [
                {
                    "test": lab.test,
                    "value": float(lab.value),
                    "upper_limit_normal": float(lab.upper_limit_normal),
                    "date": lab.collected_on.isoformat(),
                }
                for lab in self.labs
            ],
        }


def start_check_record(*, patient: Patient, on: dt.date) -> StartCheckRecord:
    recent = OpioidExposure.objects.filter(patient=patient, last_use__lte=on)
    exposures = list(
        recent.filter(last_use__gte=on - dt.timedelta(days=EXPOSURE_DAYS))
        | recent.filter(
            kind="buprenorphine_extended_release",
            last_use__gte=on - dt.timedelta(days=EXTENDED_RELEASE_DAYS),
        )
    )
    screen = (
        DrugScreen.objects.filter(patient=patient, collected_on__lte=on)
        .order_by("-collected_on", "-id")
        .first()
    )
    latest: dict[str, LabResult] = {}
    for lab in LabResult.objects.filter(patient=patient, collected_on__lte=on).order_by(
        "-collected_on", "-id"
    )[:40]:
        latest.setdefault(lab.test, lab)
    return StartCheckRecord(exposures=exposures, screen=screen, labs=list(latest.values()))


def stop_plan_indication(*, episode: Episode) -> str | None:
    """The indication a stop plan is made for: the episode's, except that an alcohol-only episode
    whose patient's record shows opioid use is planned without one (null), so the plan keeps the
    overdose warning after stopping (docs/calculators.md, discontinuation)."""
    if episode.indication != "AUD":
        return episode.indication
    patient_id = episode.patient_id
    opioid_use = (
        OpioidExposure.objects.filter(patient_id=patient_id).exists()
        or CheckIn.objects.filter(patient_id=patient_id, opioid_use=True).exists()
        or DrugScreen.objects.filter(patient_id=patient_id, opioids_positive=True).exists()
    )
    return None if opioid_use else episode.indication
