#!/usr/bin/env python
"""Django's command-line utility; the `naltrack` console script does the same and more."""

import sys

from naltrack.cli import main

if __name__ == "__main__":
    sys.exit(main(["naltrack", *sys.argv[1:]]))
