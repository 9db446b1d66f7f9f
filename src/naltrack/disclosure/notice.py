"""What goes out with every disclosure: the notice of 42 CFR §2.32 and the consent's scope.

source: 42 CFR 2.32(a)(1), as amended by the 2024 final rule (89 FR 12472, 16 February 2024) —
each disclosure made with the patient's written consent must carry this statement (or the short
statement 2 where there is no room; every form here has room, so statement 1 goes everywhere).
source: 42 CFR 2.32(b) (2024) — and a copy of the consent or a clear explanation of its scope.
"""

from __future__ import annotations

from typing import Final

from naltrack.disclosure.models import Consent

PART2_NOTICE: Final = (
    "This record which has been disclosed to you is protected by Federal confidentiality rules "
    "(42 CFR part 2). These rules prohibit you from using or disclosing this record, or testimony "
    "that describes the information contained in this record, in any civil, criminal, "
    "administrative, or legislative proceedings by any Federal, State, or local authority, "
    "against the patient, unless authorized by the consent of the patient, except as provided "
    "at 42 CFR 2.12(c)(5) or as authorized by a court in accordance with 42 CFR 2.64 or 2.65. In "
    "addition, the Federal rules prohibit you from making any other use or disclosure of this "
    "record unless at least one of the following applies: (i) Further use or disclosure is "
    "expressly permitted by the written consent of the individual whose information is being "
    "disclosed in this record or as otherwise permitted by 42 CFR part 2. (ii) You are a covered "
    "entity or business associate and have received the record for treatment, payment, or "
    "health care operations, or (iii) You have received the record from a covered entity or "
    "business associate as permitted by 45 CFR part 164, subparts A and E. A general "
    "authorization for the release of medical or other information is NOT sufficient to meet "
    "the required elements of written consent to further use or redisclose the record (see 42 "
    "CFR 2.31)."
)
# source: 42 CFR 2.32(a)(2) (2024) — statement 2, where a field is too short for statement 1
PART2_NOTICE_SHORT: Final = (
    "42 CFR part 2 prohibits unauthorized use or disclosure of these records."
)

# source: 42 CFR 2.51(c) — an emergency disclosure needs no consent, so §2.32 does not bind it,
# but what reaches the hospital is still Part 2 record: it goes with the same statement.
EMERGENCY_PREFACE: Final = (
    "Disclosed without the patient's consent in a medical emergency (42 CFR 2.51). "
)

PATIENT_COPY: Final = (
    "Your own copy of your record from your clinic. It is yours to keep or share as you choose; "
    "anyone you give it to is asked to keep it private."
)


def consent_scope(consent: Consent) -> str:
    """The consent's scope in one paragraph: who, for what, which information, until when."""
    what = "all of the patient's substance use treatment records"
    if not consent.all_records:
        what = "only: " + "; ".join(label.lower() for label in consent.category_labels())
    until = (
        f"until {consent.expires_on:%-d %B %Y}"
        if consent.expires_on
        else f"until {consent.expiry_event}"
    )
    if consent.expires_on and consent.expiry_event:
        until += f" or {consent.expiry_event}, whichever comes first"
    return (
        f"Under the consent the patient signed on {consent.signed_on:%-d %B %Y}, "
        f"{consent.discloser_name} may disclose to {consent.recipient_name}, for "
        f"{', '.join(label.lower() for label in consent.purpose_labels())}, {what}; {until}, "
        "unless the patient withdraws it sooner."
    )
