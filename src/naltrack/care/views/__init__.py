"""The care app's pages: the clinician's day and chart (clinic), the record forms (record)."""
