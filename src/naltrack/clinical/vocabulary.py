"""The clinical words the rest of the product uses, each declared once.

Code outside the clinical core imports these rather than typing the strings again: the stored
values (``ORAL``, ``XR_INJECTION``, the regimen kinds of ``DAILY_REGIMENS``), the top of the
craving scale, and the labels people read for formulations, indications and kinds of opioid use.
The values themselves are declared beside the rules that use them (``formulary``, ``regimens``,
``start_check.EXPOSURE_KINDS``, the craving scale of ``instruments``) and re-exported here; the
labels are declared here, one for every value.
"""

from __future__ import annotations

from typing import Final

from naltrack.clinical.formulary import ORAL, XR_INJECTION, Formulation
from naltrack.clinical.instruments.craving_vas import CRAVING_MAX
from naltrack.clinical.regimens import DAILY_REGIMENS, Indication
from naltrack.clinical.start_check.inputs import ExposureKind

__all__ = [
    "CRAVING_MAX",
    "DAILY_REGIMENS",
    "EXPOSURE_KIND_LABELS",
    "FORMULATION_LABELS",
    "INDICATION_LABELS",
    "ORAL",
    "XR_INJECTION",
]

FORMULATION_LABELS: Final[dict[Formulation, str]] = {
    ORAL: "Tablets",
    XR_INJECTION: "Monthly injection",
}

# In the order a form offers them.
INDICATION_LABELS: Final[dict[Indication, str]] = {
    "AUD": "Alcohol use disorder",
    "OUD": "Opioid use disorder",
    "OUD_AUD": "Both",
}

# In the order of start_check.EXPOSURE_KINDS.
EXPOSURE_KIND_LABELS: Final[dict[ExposureKind, str]] = {
    "short_acting": "Short-acting opioid (heroin, fentanyl, oxycodone…)",
    "methadone": "Methadone",
    "buprenorphine": "Buprenorphine",
    "other_long_acting": "Other long-acting opioid",
    "buprenorphine_extended_release": "Extended-release buprenorphine (Sublocade, Brixadi, implant)",
}
