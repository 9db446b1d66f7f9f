"""Second-factor devices in the operator's admin: who has one, and a way to remove a lost one.

django_otp's own admin shows each authenticator's secret key (and asks for one when adding) and
lists recovery codes; whoever reads a seed can make that person's codes forever. Here devices are
read-only, never show a key or a code, and can only be deleted: the person then signs in with
their password and is emailed a link to set up a new authenticator.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model, QuerySet
from django.http import HttpRequest

# django_otp registers its own admins when these modules are imported; importing them here,
# before autodiscovery reaches django_otp, lets this module replace them whatever the app order.
from django_otp.plugins.otp_static import admin as otp_static_admin  # noqa: F401
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp import admin as otp_totp_admin  # noqa: F401
from django_otp.plugins.otp_totp.models import TOTPDevice

from naltrack.audit.models import AuditEvent
from naltrack.audit.services import audit_record

SHOWN_FIELDS = ("user", "name", "confirmed", "created_at", "last_used_at")


class SecondFactorDeviceAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = SHOWN_FIELDS
    list_filter = ("confirmed",)
    list_select_related = ("user",)
    search_fields = ("user__email", "user__full_name")
    fields = SHOWN_FIELDS
    readonly_fields = SHOWN_FIELDS

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        self._audit_removal(request, obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        for device in queryset.select_related("user__membership"):
            self._audit_removal(request, device)
        super().delete_queryset(request, queryset)

    @staticmethod
    def _audit_removal(request: HttpRequest, device: Any) -> None:
        membership = device.user.clinic_membership
        audit_record(
            request=request,
            action=AuditEvent.Action.DELETE,
            obj=device,
            object_type=device._meta.model_name,
            clinic_id=membership.clinic_id if membership else None,
            detail={"user_id": device.user_id, "name": device.name},
        )


for device_model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(device_model):
        admin.site.unregister(device_model)
    admin.site.register(device_model, SecondFactorDeviceAdmin)
