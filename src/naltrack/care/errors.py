"""What the record's services raise when the clinical rules refuse a write."""


class ClinicalRuleError(ValueError):
    """A write the clinical rules refuse; ``field`` names the input it concerns."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message
