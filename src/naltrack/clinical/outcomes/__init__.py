"""Program outcome measures: pure functions over plain values (no database, no Django).

The ``reports`` app reads a narrow projection of the record and hands it here; every number a
report shows is computed in these modules and only here. Each measure's exact definition is in
docs/outcomes.md.
"""
