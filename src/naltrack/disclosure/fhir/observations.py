"""What was measured or reported: labs, drug screens, check-ins, craving episodes and
questionnaires, as Observation and QuestionnaireResponse resources."""

from __future__ import annotations

from typing import Any, Final

from django.db import models
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from naltrack.care.models import (
    CheckIn,
    CravingEpisode,
    DrugScreen,
    InstrumentResponse,
    LabResult,
    Patient,
)
from naltrack.clinical.instruments import INSTRUMENTS
from naltrack.disclosure.fhir.codes import CODES, LOINC, concept
from naltrack.disclosure.fhir.resources import build, quantity, reference

# The spellings ``clinical.lab_values`` accepts, as UCUM units from the table.
_LAB_UNITS: Final = {
    "U/L": "unit-U/L",
    "IU/L": "unit-U/L",
    "mg/dL": "unit-mg/dL",
    "µmol/L": "unit-umol/L",
    "umol/L": "unit-umol/L",
    "µkat/L": "unit-ukat/L",
    "ukat/L": "unit-ukat/L",
}


def _observation(
    row: models.Model,
    patient: Patient,
    *,
    code: str,
    category: str,
    effective: str,
    value: dict[str, Any],
    part: str = "",
    **extra: Any,
) -> Observation:
    data = {
        "status": "final",
        "category": [concept(category)],
        "code": concept(code),
        "subject": reference(patient),
        "effectiveDateTime": effective,
        **value,
        **extra,
    }
    return build(Observation, row, data, part=part)


def lab_observation(lab: LabResult) -> Observation:
    unit_key = _LAB_UNITS.get(lab.unit.strip())
    value = (
        {"valueQuantity": quantity(lab.value, unit_key)}
        if unit_key
        else {"valueQuantity": {"value": lab.value, "unit": lab.unit}}
    )
    high = (
        quantity(lab.upper_limit_normal, unit_key)
        if unit_key
        else {"value": lab.upper_limit_normal, "unit": lab.unit}
    )
    return _observation(
        lab,
        lab.patient,
        code=f"lab-{lab.test}",
        category="cat-laboratory",
        effective=lab.collected_on.isoformat(),
        value=value,
        referenceRange=[{"high": high}],
    )


def _result(positive: bool) -> dict[str, Any]:
    return {"valueCodeableConcept": concept("positive" if positive else "negative")}


def drug_screen_observation(screen: DrugScreen) -> Observation:
    """The overall opioid result, with each analyte the panel tested as a component."""
    components = [
        {"code": concept(f"screen-{analyte}"), **_result(result == "positive")}
        for analyte, result in sorted(screen.panel.items())
        if result in ("positive", "negative")
    ]
    extra: dict[str, Any] = {"component": components} if components else {}
    if screen.other_findings:
        extra["note"] = [{"text": screen.other_findings}]
    return _observation(
        screen,
        screen.patient,
        code="screen-opioids",
        category="cat-laboratory",
        effective=screen.collected_on.isoformat(),
        value=_result(screen.opioids_positive),
        **extra,
    )


def check_in_observations(check_in: CheckIn) -> list[Observation]:
    """What the patient reported that day: craving, drinks (when answered), opioid use."""
    day = check_in.day.isoformat()
    common = {"category": "cat-survey", "effective": day}
    built = [
        _observation(
            check_in,
            check_in.patient,
            code="craving",
            value={"valueInteger": check_in.craving},
            part="craving",
            **common,
        ),
        _observation(
            check_in,
            check_in.patient,
            code="opioid-use",
            value={"valueBoolean": check_in.opioid_use},
            part="opioid-use",
            **common,
        ),
    ]
    if check_in.drinks is not None:
        built.append(
            _observation(
                check_in,
                check_in.patient,
                code="drinks",
                value={"valueInteger": check_in.drinks},
                part="drinks",
                **common,
            )
        )
    return built


def craving_episode_observation(craving: CravingEpisode) -> Observation:
    """How strong a craving was when the patient logged it."""
    return _observation(
        craving,
        craving.patient,
        code="craving",
        category="cat-survey",
        effective=craving.started_at.isoformat(),
        value={"valueInteger": craving.start_rating},
    )


def _questionnaire_url(instrument: str) -> str:
    panel = CODES[f"{instrument}-panel"]
    if panel.system == LOINC:
        return f"http://loinc.org/q/{panel.code}"
    return f"https://naltrack.example/fhir/Questionnaire/{panel.code}"


def instrument_resources(response: InstrumentResponse) -> list[Any]:
    """The answers as a QuestionnaireResponse, and the total as an Observation derived from it."""
    spec = INSTRUMENTS[response.instrument]
    items = [
        {
            "linkId": item.key,
            "text": item.label,
            "answer": [{"valueInteger": response.answers[item.key]}],
        }
        for item in spec.items
        if item.key in response.answers
    ]
    answers = build(
        QuestionnaireResponse,
        response,
        {
            "questionnaire": _questionnaire_url(response.instrument),
            "status": "completed",
            "subject": reference(response.patient),
            "authored": response.taken_on.isoformat(),
            "item": items,
        },
        part="answers",
    )
    extra: dict[str, Any] = {"derivedFrom": [reference(response, "answers")]}
    if response.band:
        extra["interpretation"] = [{"text": response.band}]
    total = _observation(
        response,
        response.patient,
        code=f"{response.instrument}-total",
        category="cat-survey",
        effective=response.taken_on.isoformat(),
        value={"valueInteger": response.score},
        part="total",
        **extra,
    )
    return [answers, total]
