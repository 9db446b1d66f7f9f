"""The settings bench/load.py serves with: production's (``naltrack.config.settings``, as the
environment configures them), with bench/urls.py as the URLconf so that the same server answers
the trivial pages every figure is compared with.
"""

from naltrack.config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
