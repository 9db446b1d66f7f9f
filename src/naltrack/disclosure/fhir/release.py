"""What goes with every release rather than comes from the record: the consent it was made under
as a Consent, and the Provenance that carries the notice and names the disclosure."""

from __future__ import annotations

import html
from typing import Any, Final

from fhir.resources.R4B.consent import Consent as FhirConsent
from fhir.resources.R4B.provenance import Provenance

from naltrack.disclosure.coverage import consent_is_active
from naltrack.disclosure.fhir.codes import coding, concept
from naltrack.disclosure.fhir.resources import build, reference
from naltrack.disclosure.gate import Release
from naltrack.disclosure.models import Consent
from naltrack.disclosure.notice import consent_scope

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
    return build(FhirConsent, consent, data)


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
    return build(Provenance, disclosure, data)
