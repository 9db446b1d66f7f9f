"""What the care services tell the rest of the product, beyond Django's own save and delete
signals."""

from django.dispatch import Signal

# Sent with ``patient_ids`` after a service wrote many rows at once (``bulk_create`` sends no
# save signal): whatever is derived from those patients' records is out of date.
rows_written_in_bulk = Signal()
