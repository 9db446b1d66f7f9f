"""The ``naltrack`` command.

``naltrack calc …`` runs the clinical calculators without Django (pure, fast, scriptable);
everything else is a Django management command: ``serve``, ``worker``, ``demo``, ``up`` and
Django's own (``migrate``, ``check``, …).
"""

from __future__ import annotations

import json
import os
import sys


def calc_main(args: list[str]) -> int:
    """``naltrack calc NAME``: one JSON object on stdin, one on stdout; exit 2 on bad input."""
    from naltrack.clinical.calculators import CALCULATORS, calculate
    from naltrack.clinical.contract import InputError

    names = [*CALCULATORS, "rules"]
    if len(args) != 1 or args[0] not in names:
        sys.stderr.write(f"usage: naltrack calc {{{'|'.join(names)}}} < input.json\n")
        return 2
    if args[0] == "rules":
        from naltrack.clinical.rules_doc import render_rules_markdown

        sys.stdout.write(render_rules_markdown())
        return 0
    try:
        try:
            payload = json.loads(sys.stdin.read())
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise InputError("$", f"not valid JSON: {error}") from error
        result = calculate(args[0], payload)
    except InputError as error:
        sys.stdout.write(json.dumps(error.to_json()) + "\n")
        return 2
    sys.stdout.write(json.dumps(result, indent=2) + "\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] == "calc":
        return calc_main(argv[2:])
    if argv[1:] in (["--version"], ["version"]):
        # Django would answer both with its own version; operators need Naltrack's.
        from naltrack.operations.version import naltrack_version

        sys.stdout.write(f"naltrack {naltrack_version()}\n")
        return 0
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "naltrack.config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
