"""Building blocks for sign-in tests: the authenticator's current code, links in emails."""

from __future__ import annotations

import re

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def current_code(device: TOTPDevice) -> str:
    code = totp(
        device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift
    )
    return f"{code:06d}"


def link_in(message) -> str:
    """The first link to this site in an email, as a path."""
    return re.search(r"http://testserver(/\S+)", message.body).group(1)
