"""A patient's record as FHIR R4 resources (the R4B models of ``fhir.resources``).

``codes`` is the one table of every code the resources carry; ``labels`` puts the 42 CFR Part 2
security labels on each resource; ``resources`` gives every builder its ids and its validating
step, and the builders, one module a topic (``patient``, ``medication``, ``observations``,
``care_plans``, ``release``), make them from the record; ``bundle`` gathers them into a patient's
``$everything`` Bundle. Nothing here checks consent or audits: a record
leaves the clinic only through the disclosure gate, which calls these builders.
"""
