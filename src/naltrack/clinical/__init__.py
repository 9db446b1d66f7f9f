"""The clinical rules of naltrexone treatment.

Pure Python: no Django import, no clock reads (dates are always passed in), typed with
``mypy --strict``. Every rule, threshold and warning names its source in ``evidence.SOURCES``
(described in docs/clinical-sources.md); the JSON contract is docs/calculators.md.
"""
