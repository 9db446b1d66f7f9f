"""The token in invitation and password-reset links."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.tokens import PasswordResetTokenGenerator


class AccountLinkTokenGenerator(PasswordResetTokenGenerator):
    """Django's reset token (it dies once the password changes or the person signs in), which
    also dies when the clinic deactivates the account: ``links_valid_from`` moves forward then,
    so a link sent before stays dead even after the person is let back in."""

    key_salt = "naltrack.accounts.tokens.AccountLinkTokenGenerator"

    def _make_hash_value(self, user: Any, timestamp: int) -> str:
        valid_from = user.links_valid_from.isoformat() if user.links_valid_from else ""
        return super()._make_hash_value(user, timestamp) + valid_from


account_link_tokens = AccountLinkTokenGenerator()
