"""What may leave the clinic, to whom, and on whose word: 42 CFR Part 2 consent."""
