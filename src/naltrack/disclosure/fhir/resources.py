"""Pure builders: one row of a patient's record in, one validated ``fhir.resources`` object out.

Each builder writes FHIR JSON with codes from ``codes``, labels it for 42 CFR Part 2 and parses it
into the R4B model, so a resource that breaks the specification fails here, not at the
recipient. Ids are stable per row (``resource_id``): the same row gives the same id in every
export, and references between resources use them.

Not exported, because no resource asked for here holds them: clinical notes (free text), start
checks and their inputs, opioid use before starting, withdrawn dose reports, the craving plan,
check-in mood and side effects, and insurance.
"""

from __future__ import annotations

import datetime as dt
import html
import uuid
from typing import Any, Final, TypeVar

from django.db import models
from fhir.resources.R4B.careplan import CarePlan
from fhir.resources.R4B.condition import Condition
from fhir.resources.R4B.consent import Consent as FhirConsent
from fhir.resources.R4B.encounter import Encounter
from fhir.resources.R4B.flag import Flag
from fhir.resources.R4B.medicationadministration import MedicationAdministration
from fhir.resources.R4B.medicationrequest import MedicationRequest
from fhir.resources.R4B.medicationstatement import MedicationStatement
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.patient import Patient as FhirPatient
from fhir.resources.R4B.provenance import Provenance
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from fhir.resources.R4B.resource import Resource

from naltrack.care.models import (
    Alert,
    CheckIn,
    CravingEpisode,
    DoseEvent,
    DrugScreen,
    Episode,
    FollowUp,
    Injection,
    InstrumentResponse,
    LabResult,
    Patient,
    Regimen,
    TaperPlan,
    TherapySession,
)
from naltrack.clinical.instruments import INSTRUMENTS
from naltrack.disclosure.coverage import consent_is_active
from naltrack.disclosure.fhir.codes import CODES, LOINC, coding, concept
from naltrack.disclosure.fhir.labels import with_part2_labels
from naltrack.disclosure.gate import Release
from naltrack.disclosure.models import Consent
from naltrack.disclosure.notice import consent_scope

# source: NALTRACK — a fixed namespace, so a row's id is the same in every export and differs
# from every other row's (uuid5 of the row's table and primary key).
_ID_NAMESPACE: Final = uuid.UUID("5b0e7d2a-6f0c-4a57-9a53-2f1b0d6c8e41")

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


def resource_id(row: models.Model, part: str = "") -> str:
    """The stable id of the resource built from ``row`` (``part`` tells apart several per row)."""
    return str(uuid.uuid5(_ID_NAMESPACE, f"{row._meta.label_lower}/{row.pk}/{part}"))


def reference(row: models.Model, part: str = "") -> dict[str, str]:
    return {"reference": f"urn:uuid:{resource_id(row, part)}"}


R = TypeVar("R", bound=Resource)


def _build(model: type[R], row: models.Model, data: dict[str, Any], part: str = "") -> R:
    data = {"resourceType": model.__name__, "id": resource_id(row, part), **data}
    return model.model_validate(with_part2_labels(data))


def _quantity(value: object, unit_key: str) -> dict[str, Any]:
    unit = CODES[unit_key]
    return {"value": value, "unit": unit.code, "system": unit.system, "code": unit.code}


def patient_resource(patient: Patient) -> FhirPatient:
    data: dict[str, Any] = {
        "name": [{"family": patient.family_name, "given": [patient.given_name]}],
        "birthDate": patient.date_of_birth.isoformat(),
        "gender": patient.sex or "unknown",
    }
    if patient.medical_record_number:
        data["identifier"] = [
            {
                "type": concept("mrn"),
                "system": f"https://naltrack.example/fhir/clinic/{patient.clinic.slug}/mrn",
                "value": patient.medical_record_number,
            }
        ]
    telecom = []
    if patient.phone:
        telecom.append({"system": "phone", "value": str(patient.phone)})
    if patient.email:
        telecom.append({"system": "email", "value": patient.email})
    if telecom:
        data["telecom"] = telecom
    if patient.emergency_contact_name or patient.emergency_contact_phone:
        contact: dict[str, Any] = {"relationship": [concept("emergency-contact")]}
        if patient.emergency_contact_name:
            contact["name"] = {"text": patient.emergency_contact_name}
        if patient.emergency_contact_phone:
            contact["telecom"] = [
                {"system": "phone", "value": str(patient.emergency_contact_phone)}
            ]
        data["contact"] = [contact]
    return _build(FhirPatient, patient, data)


def conditions(patient: Patient, episodes: list[Episode]) -> list[Condition]:
    """One Condition per disorder any episode treated (AUD, OUD), recorded when first treated.

    Stopping treatment is not remission, so each stays active: the record holds no diagnosis
    of remission to say otherwise.
    """
    first: dict[str, dt.date] = {}
    for episode in episodes:
        for disorder in ("AUD", "OUD"):
            if disorder in episode.indication.split("_"):
                first[disorder] = min(first.get(disorder, episode.opened_on), episode.opened_on)
    built = []
    for disorder, recorded in sorted(first.items()):
        key = disorder.lower()
        data = {
            "clinicalStatus": concept("condition-active"),
            "verificationStatus": concept("condition-confirmed"),
            "category": [concept("condition-problem")],
            "code": {"coding": [coding(f"icd-{key}"), coding(f"sct-{key}")]},
            "subject": reference(patient),
            "recordedDate": recorded.isoformat(),
        }
        built.append(_build(Condition, patient, data, part=f"condition-{key}"))
    return built


def _medication(formulation: str) -> dict[str, Any]:
    return concept("rx-injection" if formulation == "xr_injection" else "rx-tablet")


def medication_request(regimen: Regimen) -> MedicationRequest:
    route = "route-im" if regimen.formulation == "xr_injection" else "route-oral"
    period: dict[str, str] = {"start": regimen.start.isoformat()}
    if regimen.end:
        period["end"] = regimen.end.isoformat()
    data = {
        "status": "completed" if regimen.end else "active",
        "intent": "order",
        "medicationCodeableConcept": _medication(regimen.formulation),
        "subject": reference(regimen.patient),
        "authoredOn": regimen.start.isoformat(),
        "dosageInstruction": [
            {
                "text": regimen.info.schedule_text,
                "route": concept(route),
                "timing": {"repeat": {"boundsPeriod": period}},
            }
        ],
    }
    return _build(MedicationRequest, regimen, data)


def injection_administration(injection: Injection) -> MedicationAdministration:
    data: dict[str, Any] = {
        "status": "completed",
        "medicationCodeableConcept": _medication("xr_injection"),
        "subject": reference(injection.patient),
        "effectiveDateTime": injection.given_on.isoformat(),
        "request": reference(injection.regimen),
        "dosage": {
            "site": {"text": injection.get_site_display()},
            "route": concept("route-im"),
            "dose": _quantity(injection.dose_mg, "unit-mg"),
        },
    }
    if injection.lot:
        data["note"] = [{"text": f"Lot {injection.lot}"}]
    return _build(MedicationAdministration, injection, data)


def dose_resource(dose: DoseEvent) -> MedicationAdministration | MedicationStatement:
    """A dose staff saw is an administration; one the patient reported is a statement."""
    taken = dose.status == DoseEvent.Status.TAKEN
    common: dict[str, Any] = {
        "medicationCodeableConcept": _medication("oral"),
        "subject": reference(dose.patient),
        "effectiveDateTime": dose.day.isoformat(),
    }
    dosage: dict[str, Any] = {
        "route": concept("route-oral"),
        "dose": _quantity(dose.dose_mg, "unit-mg"),
    }
    if dose.observed:
        data = {
            **common,
            "status": "completed" if taken else "not-done",
            "request": reference(dose.regimen),
            "dosage": dosage,
        }
        return _build(MedicationAdministration, dose, data)
    data = {
        **common,
        "status": "completed" if taken else "not-taken",
        "basedOn": [reference(dose.regimen)],
        # A statement's dosage is the general Dosage type: the amount goes in doseAndRate.
        "dosage": [{"route": dosage["route"], "doseAndRate": [{"doseQuantity": dosage["dose"]}]}],
    }
    return _build(MedicationStatement, dose, data)


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
    return _build(Observation, row, data, part=part)


def lab_observation(lab: LabResult) -> Observation:
    unit_key = _LAB_UNITS.get(lab.unit.strip())
    value = (
        {"valueQuantity": _quantity(lab.value, unit_key)}
        if unit_key
        else {"valueQuantity": {"value": lab.value, "unit": lab.unit}}
    )
    high = (
        _quantity(lab.upper_limit_normal, unit_key)
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
    answers = _build(
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


def _follow_up_activity(follow_up: FollowUp) -> dict[str, Any]:
    detail: dict[str, Any] = {
        "status": "completed" if follow_up.done_on else "scheduled",
        "scheduledString": f"Due {follow_up.due_on.isoformat()}",
        "description": follow_up.get_method_display() or "Follow-up contact",
    }
    if follow_up.done_on:
        detail["scheduledString"] += f", done {follow_up.done_on.isoformat()}"
    return {"detail": detail}


def taper_care_plan(plan: TaperPlan, follow_ups: list[FollowUp]) -> CarePlan:
    """The stop or taper plan, with the follow-up contacts due after it as its activities."""
    description = f"{plan.strategy.replace('_', ' ').capitalize()}: last dose {plan.last_dose}"
    if plan.reason:
        description += f" ({plan.reason})"
    data: dict[str, Any] = {
        "status": "completed" if plan.episode.state == Episode.State.STOPPED else "active",
        "intent": "plan",
        "title": "Stopping naltrexone",
        "description": description,
        "subject": reference(plan.patient),
        "period": {"start": plan.last_dose.isoformat(), "end": plan.blockade_ends.isoformat()},
    }
    if follow_ups:
        data["activity"] = [_follow_up_activity(f) for f in follow_ups]
    return _build(CarePlan, plan, data)


def follow_up_care_plan(episode: Episode, follow_ups: list[FollowUp]) -> CarePlan:
    """Follow-ups of an episode that no stored plan made, gathered in one plan per episode."""
    data = {
        "status": "completed" if all(f.done_on for f in follow_ups) else "active",
        "intent": "plan",
        "title": "Follow-up after stopping",
        "subject": reference(episode.patient),
        "activity": [_follow_up_activity(f) for f in follow_ups],
    }
    return _build(CarePlan, episode, data, part="follow-ups")


_ENCOUNTER_STATUS: Final = {
    TherapySession.Status.SCHEDULED: "planned",
    TherapySession.Status.ATTENDED: "finished",
    TherapySession.Status.MISSED: "cancelled",
}


def therapy_encounter(session: TherapySession) -> Encounter:
    data = {
        "status": _ENCOUNTER_STATUS[TherapySession.Status(session.status)],
        "class": coding("ambulatory"),
        "type": [concept(f"therapy-{session.kind}")],
        "subject": reference(session.patient),
        "period": {"start": session.scheduled_at.isoformat()},
    }
    return _build(Encounter, session, data)


def alert_flag(alert: Alert) -> Flag:
    """An open alert, its message as the code's text: the clinical core's rules are Naltrack's own,
    not a published terminology."""
    data = {
        "status": "active",
        "code": {"text": alert.message},
        "subject": reference(alert.patient),
        "period": {"start": alert.opened_at.isoformat()},
    }
    return _build(Flag, alert, data)


# source: 42 CFR 2.31 — the rule a consent to disclose answers, by its public address
PART2_CONSENT_POLICY: Final = "https://www.ecfr.gov/current/title-42/part-2/section-2.31"


def _narrative(paragraphs: list[str]) -> dict[str, str]:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return {
        "status": "additional",
        "div": f'<div xmlns="http://www.w3.org/1999/xhtml">{body}</div>',
    }


def consent_resource(consent: Consent) -> FhirConsent:
    """The patient's consent to disclose, as the copy that goes with what it released
    (source: 42 CFR 2.32(b) — a copy of the consent or a clear explanation of its scope: the
    narrative carries the scope in words, the elements carry it in codes).

    Active while in force; withdrawn or past its expiry it is inactive."""
    period = {"start": consent.signed_on.isoformat()}
    if consent.expires_on:
        period["end"] = consent.expires_on.isoformat()
    # A general designation names kinds of recipient, not a person: its words are the actor.
    actor = {"role": concept("consent-recipient"), "reference": {"display": consent.recipient_name}}
    labels = consent.category_labels()
    if consent.all_records:
        labels = ["All of the patient's substance use treatment records"]
    provision: dict[str, Any] = {
        "type": "permit",
        "period": period,
        "actor": [actor],
        "purpose": [coding(f"purpose-{purpose}") for purpose in consent.purposes],
        "code": [{"text": label} for label in labels],
    }
    data: dict[str, Any] = {
        "text": _narrative([consent_scope(consent)]),
        "status": "active" if consent_is_active(consent) else "inactive",
        "scope": concept("consent-privacy"),
        "category": [concept("consent-document")],
        "patient": reference(consent.patient),
        "dateTime": consent.signed_at.isoformat(),
        "performer": [reference(consent.patient)],
        "organization": [{"display": consent.discloser_name}],
        "policy": [{"uri": PART2_CONSENT_POLICY}],
        "provision": provision,
    }
    return _build(FhirConsent, consent, data)


# source: 42 CFR 2.32 — the rule the Provenance's notice answers, by its public address
PART2_NOTICE_POLICY: Final = "https://www.ecfr.gov/current/title-42/part-2/section-2.32"


def disclosure_provenance(release: Release, disclosed: list[Any]) -> Provenance:
    """Where the Bundle came from and on what terms: the disclosure it is, the clinic that made
    it, and the notice of 42 CFR 2.32 as the Provenance's text (a Bundle has no text of its own),
    targeting every resource disclosed."""
    disclosure = release.disclosure
    data = {
        "text": _narrative(release.notice.split("\n\n")),
        "target": [{"reference": f"urn:uuid:{r.id}"} for r in disclosed],
        "recorded": disclosure.recorded_at.isoformat(),
        "policy": [PART2_NOTICE_POLICY],
        "agent": [{"who": {"display": disclosure.clinic.name}}],
    }
    return _build(Provenance, disclosure, data)
