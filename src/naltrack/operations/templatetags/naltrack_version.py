from django import template

from naltrack.operations.version import naltrack_version as installed_version

register = template.Library()


@register.simple_tag
def naltrack_version() -> str:
    return installed_version()
