"""What a start check takes from the record (the rest comes from the clinician's form)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from django.utils import timezone

from naltrack.care.models import (
    CheckIn,
    CravingEpisode,
    DrugScreen,
    Episode,
    LabResult,
    OpioidExposure,
    Patient,
)

# --- what the planners send to the clinical core ----------------------------------------------

EXPOSURE_DAYS = 30  # docs/calculators.md: each opioid taken in the last 30 days


@dataclasses.dataclass(frozen=True)
class StartCheckRecord:
    """The parts of a start check that come from the record rather than the form."""

    exposures: list[OpioidExposure]
    screen: DrugScreen | None
    labs: list[LabResult]
    # The last day the patient said they used opioids (a check-in, or a craving that ended "I
    # drank or used" in opioid use disorder): it restarts the opioid-free window.
    reported_use: dt.date | None = None

    def as_inputs(self) -> dict[str, Any]:
        exposures = [{"kind": e.kind, "last_use": e.last_use.isoformat()} for e in self.exposures]
        if self.reported_use is not None:
            # The patient did not say which opioid: counted as short-acting, the kind most
            # reported use is (heroin, fentanyl, pills); a clinician who knows more records it.
            exposures.append({"kind": "short_acting", "last_use": self.reported_use.isoformat()})
        return {
            "opioid_exposures": exposures,
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
    # Extended-release buprenorphine lasts months: its latest injection goes to the check at any
    # age, and the clinical core decides what it means (12 months: SUBLOCADE, BRIXADI).
    extended = (
        recent.filter(kind="buprenorphine_extended_release").order_by("-last_use", "-id").first()
    )
    exposures = list(recent.filter(last_use__gte=on - dt.timedelta(days=EXPOSURE_DAYS)))
    if extended is not None and extended not in exposures:
        exposures.append(extended)
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
    window = (on - dt.timedelta(days=EXPOSURE_DAYS), on)
    reported = [
        CheckIn.objects.filter(patient=patient, opioid_use=True, day__range=window)
        .order_by("-day")
        .values_list("day", flat=True)
        .first()
    ]
    if Episode.objects.filter(patient=patient).exclude(indication="AUD").exists():
        ended = (
            CravingEpisode.objects.filter(
                patient=patient,
                outcome=CravingEpisode.Outcome.USED,
                ended_at__date__range=window,
            )
            .order_by("-ended_at")
            .values_list("ended_at", flat=True)
            .first()
        )
        reported.append(timezone.localdate(ended) if ended else None)
    return StartCheckRecord(
        exposures=exposures,
        screen=screen,
        labs=list(latest.values()),
        reported_use=max(filter(None, reported), default=None),
    )


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


def override_findings(episode: Episode, start: dt.date) -> list[dict[str, str]]:
    """What a start on ``start`` would override: the warnings and blocks of that day's start
    check, or the want of one."""
    check = episode.start_checks.filter(checked_on=start).order_by("-id").first()
    if check is None:
        return [{"code": "no_start_check", "message": f"There is no start check on {start}."}]
    if check.status == "ready":
        return []
    return [
        {"code": f["code"], "message": f["message"]}
        for f in check.result.get("findings", [])
        if f.get("severity") in ("block", "warning")
    ] or [{"code": "not_ready", "message": f"The start check of {start} says “{check.status}”."}]
