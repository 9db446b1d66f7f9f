"""The ``naltrack`` command.

``naltrack calc …`` runs the clinical calculators without Django (pure, fast, scriptable);
everything else is a Django management command: ``serve``, ``worker``, ``demo``, ``up`` and
Django's own (``migrate``, ``check``, …).
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] == "calc":
        from naltrack.calculators import calc_main

        return calc_main(argv[2:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "naltrack.config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
