"""``{{ day|short_date:"M j" }}``: a date without its year when it is in the current year."""

from __future__ import annotations

from django import template

from naltrack.web.dates import short_date

register = template.Library()
register.filter("short_date", short_date)
