"""Every list of the record API: pages of a bounded size, each carrying what goes out with it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

# source: NALTRACK — a page of 100 rows answers in one short request; a client pages for more.
PAGE_SIZE: Final = 20
MAX_PAGE_SIZE: Final = 100
# Far past any clinic's list, and small enough for every database to take as an offset.
MAX_OFFSET: Final = 1_000_000


@dataclass(frozen=True)
class Released:
    """Rows to list, with the notice the disclosure gate said must go with them (or none)."""

    rows: Any
    notice: str | None = None


class RecordPagination(LimitOffsetPagination):
    """``limit`` and ``offset``, bounded; ``shown(request, items)`` runs on the page that goes
    out (it audits or releases what the page shows and may return the notice to attach)."""

    class Input(Schema):
        limit: int = Field(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)

    class Output(Schema):
        items: list[Any]
        count: int
        notice: str | None = Field(
            None, description="The 42 CFR 2.32 notice, on every answer to an outside system"
        )

    def __init__(
        self, *, shown: Callable[[HttpRequest, list[Any]], str | None] | None = None, **kw: Any
    ) -> None:
        super().__init__(max_limit=MAX_PAGE_SIZE, **kw)
        self.shown = shown

    def paginate_queryset(
        self, queryset: Any, pagination: Any, request: HttpRequest, **params: Any
    ) -> Any:
        notice = None
        if isinstance(queryset, Released):
            queryset, notice = queryset.rows, queryset.notice
        start = pagination.offset
        items = list(queryset[start : start + min(pagination.limit, MAX_PAGE_SIZE)])
        if self.shown is not None:
            notice = self.shown(request, items) or notice
        return {"items": items, "count": self._items_count(queryset), "notice": notice}
