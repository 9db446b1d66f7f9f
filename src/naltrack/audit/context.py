"""Where the current request came from, for audit events written deep inside services.

The request-id middleware sets it for each request; background tasks leave it empty.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestOrigin:
    ip_address: str | None
    request_id: str


current_origin: ContextVar[RequestOrigin | None] = ContextVar("current_origin", default=None)
