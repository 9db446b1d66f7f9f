"""The demo clinic: a synthetic, ready-to-explore Naltrack (``naltrack demo [--if-empty]``).

``clinic`` makes the clinic and its published logins and resets it; ``history`` writes its
patients' months of record through the same services a real clinic's record goes through, and
``deletion`` deletes that record again before a reset builds it anew.
"""
