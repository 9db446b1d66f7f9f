"""The settings bench/load.py serves with: production's (``naltrack.config.settings``, as the
environment configures them), with bench/urls.py as the URLconf so that the same server answers
the trivial pages every figure is compared with.

``NALTRACK_BENCH_ARGON2=T,M,P`` (bench/load.py ``--argon2``) hashes passwords with Argon2 of time
cost T, memory M KiB and parallelism P instead of Django's (2, 102,400 KiB, 8): an experiment,
to measure what the sign-in's cost does to the rush. The product's hasher is unchanged.
"""

import os

from django.contrib.auth.hashers import Argon2PasswordHasher

from naltrack.config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"


class BenchArgon2PasswordHasher(Argon2PasswordHasher):
    """Argon2 with the parameters of ``NALTRACK_BENCH_ARGON2`` (so that a sign-in does not
    re-hash the password with Django's own)."""


if os.environ.get("NALTRACK_BENCH_ARGON2"):
    (
        BenchArgon2PasswordHasher.time_cost,
        BenchArgon2PasswordHasher.memory_cost,
        BenchArgon2PasswordHasher.parallelism,
    ) = (int(n) for n in os.environ["NALTRACK_BENCH_ARGON2"].split(","))
    PASSWORD_HASHERS = ["bench.load_settings.BenchArgon2PasswordHasher"]
