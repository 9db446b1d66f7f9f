"""How passwords are stored: Argon2id, with parameters chosen for a small server's morning.

Every patient's morning visit begins with a sign-in (a sign-in lasts ``NALTRACK_SESSION_HOURS``
and ends when the browser closes, for shared phones). With Django's Argon2 parameters (100 MiB,
time cost 2, 8 lanes) each check costs about 200 ms of CPU, and at a clinic network's morning
rush sign-ins took almost half of a 2-CPU server (docs/performance.md, "The morning rush").

The parameters are the minimum of the OWASP Password Storage Cheat Sheet ("Argon2id": "a
minimum configuration of 19 MiB of memory, an iteration count of 2, and 1 degree of
parallelism"): about 22 ms of CPU here. It is
still memory-hard; what it gives up against a stolen database is weighed in docs/security.md
("Passwords"). A larger server sets more with ``NALTRACK_ARGON2`` ("time,memory KiB,lanes").
A password stored with other parameters still verifies, and is stored again with these at its
next sign-in (Django's ``must_update``).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.hashers import Argon2PasswordHasher


class ClinicArgon2PasswordHasher(Argon2PasswordHasher):
    """Django's Argon2id hasher with the parameters of ``settings.NALTRACK_ARGON2``."""

    def __init__(self) -> None:
        self.time_cost, self.memory_cost, self.parallelism = settings.NALTRACK_ARGON2
