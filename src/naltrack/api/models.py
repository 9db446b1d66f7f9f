"""An outside system that reads the record API: bound to one clinic, one recipient, one purpose.

The OAuth2 application (django-oauth-toolkit) holds the client id and the hashed secret; this
row says who is behind it, the way a consent names them (``disclosure.coverage.Recipient``), so
the disclosure gate can decide for each patient whether that recipient may have the record.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from oauth2_provider.models import Application

from naltrack.accounts.models import Clinic
from naltrack.disclosure.coverage import Recipient
from naltrack.disclosure.models import Consent


class OutsideClient(models.Model):
    application = models.OneToOneField(
        Application, on_delete=models.PROTECT, related_name="outside_client"
    )
    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="outside_clients")
    # Who receives what the client reads, in the words a consent uses to name them.
    recipient_name = models.CharField(max_length=200)
    recipient_role = models.CharField(max_length=30, choices=Consent.Role.choices)
    purpose = models.CharField(max_length=30, choices=Consent.Purpose.choices)
    # The OAuth2 scopes this client may ask a token for (settings.OAUTH2_PROVIDER["SCOPES"]).
    scopes = models.JSONField(default=list)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    registered_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-registered_at", "-id"]

    def __str__(self) -> str:
        return f"outside client {self.pk} ({self.recipient_name}) of clinic {self.clinic_id}"

    @property
    def recipient(self) -> Recipient:
        return Recipient(name=self.recipient_name, role=self.recipient_role)

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
