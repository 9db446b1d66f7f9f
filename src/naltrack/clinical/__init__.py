"""The clinical rules of naltrexone treatment.

Pure Python: no Django import, no clock reads (dates are always passed in), typed with
``mypy --strict``. Every rule, threshold and warning names its source in ``evidence.SOURCES``;
the facts come from shared/CLINICAL.md and the JSON contract from shared/CALCULATORS.md.
"""
