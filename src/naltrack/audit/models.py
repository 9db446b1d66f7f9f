"""The audit trail: who read or changed which patient's record, when and from where.

Append-only. The model refuses updates and deletes, its queryset refuses bulk ones, and the
database itself refuses UPDATE (and, on PostgreSQL, DELETE) through triggers added by migration.
Ids are stored as plain values, not foreign keys, so no deletion elsewhere can cascade into it.
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.db import models


class AuditTrailIsAppendOnly(Exception):
    pass


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AuditTrailIsAppendOnly("audit events cannot be changed")

    def delete(self) -> NoReturn:
        raise AuditTrailIsAppendOnly("audit events cannot be deleted")

    def for_clinic(self, clinic_id: int) -> AuditEventQuerySet:
        return self.filter(clinic_id=clinic_id)


class AuditEvent(models.Model):
    class Action(models.TextChoices):
        READ = "read", "Read"
        LIST = "list", "Listed"
        CREATE = "create", "Created"
        UPDATE = "update", "Changed"
        DELETE = "delete", "Deleted"
        EXPORT = "export", "Exported"
        LOGIN = "login", "Signed in"
        LOGOUT = "logout", "Signed out"
        LOGIN_FAILED = "login_failed", "Failed sign-in"
        INVITE = "invite", "Invited"
        PASSWORD_RESET = "password_reset", "Sent a password reset link"
        DENIED = "denied", "Refused access"
        TWO_FACTOR_LINK = "two_factor_link", "Sent a two-step sign-in setup link"
        TWO_FACTOR_SETUP = "two_factor_setup", "Set up two-step sign-in"
        RECOVERY_CODES = "recovery_codes", "Made new recovery codes"
        RECOVERY_CODE_USED = "recovery_code_used", "Signed in with a recovery code"

    occurred_at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor_id = models.BigIntegerField(null=True, blank=True)
    actor_email = models.CharField(max_length=254, blank=True)
    actor_role = models.CharField(max_length=20, blank=True)
    action = models.CharField(max_length=20, choices=Action.choices)
    object_type = models.CharField(max_length=60, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    patient_id = models.BigIntegerField(null=True, blank=True)
    clinic_id = models.BigIntegerField(null=True, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    request_id = models.CharField(max_length=64, blank=True)
    detail = models.JSONField(default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [
            models.Index(fields=["clinic_id", "-occurred_at"]),
            models.Index(fields=["patient_id", "-occurred_at"]),
            models.Index(fields=["actor_id", "-occurred_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.actor_email} {self.action} {self.object_type} {self.object_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AuditTrailIsAppendOnly("audit events cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AuditTrailIsAppendOnly("audit events cannot be deleted")
