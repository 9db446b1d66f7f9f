"""``{{ patient.phone|phone }}``: a number in the clinic's national format (international for
another country's); ``{{ patient.phone|tel }}``: the same number for a ``tel:`` link."""

from __future__ import annotations

from django import template

from naltrack.care.phones import phone_display, phone_e164

register = template.Library()
register.filter("phone", phone_display)
register.filter("tel", phone_e164)
