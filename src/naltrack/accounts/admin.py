"""The operator's admin for accounts: clinics (create, suspend, invite again), who has an
account (read-only), and second-factor devices.

Second-factor devices: who has one, and a way to remove a lost one.

django_otp's own admin shows each authenticator's secret key (and asks for one when adding) and
lists recovery codes; whoever reads a seed can make that person's codes forever. Here devices are
read-only, never show a key or a code, and can only be deleted: the person then signs in with
their password and is emailed a link to set up a new authenticator.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import Model, QuerySet
from django.http import HttpRequest

# django_otp registers its own admins when these modules are imported; importing them here,
# before autodiscovery reaches django_otp, lets this module replace them whatever the app order.
from django_otp.plugins.otp_static import admin as otp_static_admin  # noqa: F401
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp import admin as otp_totp_admin  # noqa: F401
from django_otp.plugins.otp_totp.models import TOTPDevice

from naltrack.accounts.clinics import (
    ClinicError,
    clinic_admins_invite_again,
    clinic_checked,
    clinic_create,
    clinic_resume,
    clinic_suspend,
)
from naltrack.accounts.models import Clinic, User
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


class ClinicAddForm(forms.ModelForm):  # type: ignore[type-arg]
    admin_email = forms.EmailField(label="First clinic admin's email")
    admin_name = forms.CharField(label="First clinic admin's name", required=False)

    class Meta:
        model = Clinic
        fields = ("name", "slug", "time_zone")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors:
            try:
                clinic_checked(
                    name=data["name"],
                    slug=data["slug"],
                    time_zone=data["time_zone"],
                    admin_email=data["admin_email"],
                )
            except ClinicError as error:
                self.add_error(error.field if error.field in self.fields else None, error.message)
        return data


# What the operator gives for a new clinic: the clinic, and its first admin to invite.
ADD_FIELDS = ("name", "slug", "time_zone", "admin_email", "admin_name")


@admin.register(Clinic)
class ClinicAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """The operator's list of clinics: create one with its first admin, suspend or resume one,
    invite its admins again. Everything through naltrack.accounts.clinics, which audits it."""

    list_display = ("name", "slug", "time_zone", "status", "created_at")
    search_fields = ("name", "slug")
    actions = ("suspend", "resume", "invite_admins_again")
    fields = ("name", "slug", "phone", "email", "address", "time_zone", "suspended_at")
    readonly_fields = ("slug", "suspended_at")

    @admin.display(description="Status")
    def status(self, clinic: Clinic) -> str:
        return "Suspended" if clinic.suspended_at else "Open"

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        if obj is None:
            kwargs["form"] = ClinicAddForm
            kwargs["fields"] = ADD_FIELDS
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None:
            return ADD_FIELDS
        return self.fields

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return self.readonly_fields if obj is not None else ()

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if change:
            changes = {
                name: [str(form.initial.get(name)), str(form.cleaned_data.get(name))]
                for name in form.changed_data
            }
            super().save_model(request, obj, form, change)
            audit_record(
                request=request,
                action=AuditEvent.Action.UPDATE,
                obj=obj,
                clinic_id=obj.pk,
                detail={"changes": changes},
            )
            return
        clinic, _ = clinic_create(
            name=obj.name,
            slug=obj.slug,
            time_zone=obj.time_zone,
            admin_email=form.cleaned_data["admin_email"],
            admin_name=form.cleaned_data["admin_name"],
            by=request.user,  # type: ignore[arg-type]
            request=request,
            base_url=request.build_absolute_uri("/"),
        )
        obj.pk, obj.created_at = clinic.pk, clinic.created_at
        obj._state.adding = False
        messages.success(request, f"Invitation sent to {form.cleaned_data['admin_email']}.")

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # a clinic is suspended, never deleted: its records are health records

    @admin.action(description="Suspend: its people cannot sign in (nothing is deleted)")
    def suspend(self, request: HttpRequest, queryset: QuerySet[Clinic]) -> None:
        for clinic in queryset:
            clinic_suspend(clinic=clinic, by=request.user)  # type: ignore[arg-type]
        messages.success(request, f"Suspended {queryset.count()} clinic(s).")

    @admin.action(description="Resume: its people can sign in again")
    def resume(self, request: HttpRequest, queryset: QuerySet[Clinic]) -> None:
        for clinic in queryset:
            clinic_resume(clinic=clinic, by=request.user)  # type: ignore[arg-type]
        messages.success(request, f"Resumed {queryset.count()} clinic(s).")

    @admin.action(description="Send a new invitation to admins who have not accepted theirs")
    def invite_admins_again(self, request: HttpRequest, queryset: QuerySet[Clinic]) -> None:
        sent: list[str] = []
        for clinic in queryset:
            sent += clinic_admins_invite_again(
                clinic=clinic,
                by=request.user,  # type: ignore[arg-type]
                request=request,
                base_url=request.build_absolute_uri("/"),
            )
        messages.success(request, f"Sent {len(sent)} invitation(s).")


@admin.register(User)
class UserAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Who has an account, at which clinic, in which role: read-only (clinic admins manage their
    people in Naltrack's own pages; the password hash is never shown)."""

    list_display = ("email", "full_name", "clinic", "role", "is_active", "last_login")
    list_filter = ("is_active", "membership__role", "is_superuser")
    list_select_related = ("membership__clinic",)
    search_fields = ("email", "full_name")
    fields = ("email", "full_name", "is_active", "is_superuser", "last_login", "date_joined")
    readonly_fields = fields

    @admin.display(description="Clinic")
    def clinic(self, user: User) -> str:
        membership = user.clinic_membership
        return str(membership.clinic) if membership else "—"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
