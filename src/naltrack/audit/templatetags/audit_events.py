from __future__ import annotations

from django import template

from naltrack.audit.models import AuditEvent
from naltrack.audit.presentation import Change, event_changes

register = template.Library()


@register.filter
def changes(event: AuditEvent) -> list[Change]:
    return event_changes(event)
