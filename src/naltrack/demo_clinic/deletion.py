"""Deleting a demo clinic's record, whichever app each part of it lives in.

The record is every model that belongs to a clinic through a ``clinic`` key, in any installed
app: patients and every row of their record (care's history, reminders' notifications, the
patient's cravings), enrollments, the clinic's reminder settings... Each of their foreign keys
protects what it points to, so the models are deleted in an order read from those keys, each
before the models it references; a new kind of row is deleted as soon as its model exists, with
no list to keep up to date. The clinic's people and memberships (``accounts``) go with their
users afterwards; the audit trail is not part of it and stays.
"""

from __future__ import annotations

from graphlib import TopologicalSorter

from django.apps import apps
from django.db import models

from naltrack.accounts.models import Clinic

Model = type[models.Model]


def _protected_links(model: Model) -> list[models.ForeignKey[models.Model, models.Model]]:
    """The model's foreign keys that refuse to let what they point to be deleted first."""
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.ForeignKey)
        and field.remote_field.on_delete in (models.PROTECT, models.RESTRICT)
    ]


# Not deleted here: the clinic's people (deleted with their users) and the audit trail (never).
KEPT_APPS = frozenset({"accounts", "audit"})


def _clinic_key(model: Model) -> str | None:
    """The name of the model's key to its clinic, if it belongs to one."""
    for field in model._meta.concrete_fields:
        if field.is_relation and field.related_model is Clinic:
            return field.name
    return None


def record_models() -> list[Model]:
    """Every model of a patient's record, each before the models it protects (children first).

    Raises ``graphlib.CycleError`` if two models protect each other: no order can delete them.
    """
    record: list[Model] = [
        model
        for model in apps.get_models()
        if _clinic_key(model) and model._meta.app_label not in KEPT_APPS and not model._meta.proxy
    ]
    # For each model, the models that must be deleted before it: the ones pointing at it.
    pointed_at_by: dict[Model, set[Model]] = {model: set() for model in record}
    for model in record:
        for field in _protected_links(model):
            target = field.related_model
            if target is not model and target in pointed_at_by:
                pointed_at_by[target].add(model)
    return list(TopologicalSorter(pointed_at_by).static_order())


def _delete(rows: models.QuerySet[models.Model]) -> None:
    """Delete ``rows``. Where the model points at itself (a restart protects the episode it
    restarts), the rows no other row points at go first, round after round: each chain from its
    newest row back."""
    model = rows.model
    links = [field.name for field in _protected_links(model) if field.related_model is model]
    if not links:
        rows.delete()
        return
    while rows.exists():
        unreferenced = rows
        for link in links:
            referenced = rows.filter(**{f"{link}__isnull": False}).values(link)
            unreferenced = unreferenced.exclude(pk__in=referenced)
        deleted, _ = unreferenced.delete()
        if not deleted:
            raise RuntimeError(f"{model.__name__} rows protect each other in a loop")


def demo_history_delete(*, clinic: Clinic) -> None:
    """Delete ``clinic``'s whole clinical record and patients (its audit trail stays)."""
    for model in record_models():
        _delete(model._default_manager.filter(**{_clinic_key(model) or "clinic": clinic}))
