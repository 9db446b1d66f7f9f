"""The one shape of every form page of both doors.

GET shows the form; POST binds it (an empty POST still shows its errors), and a valid form calls
one service of the record. A refusal of the record's rules (``ClinicalRuleError``) or of the
clinical core (``InputError``) goes onto the form's field; the view decides what success looks
like (a message and a redirect) and which page shows the form otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.http import HttpRequest
from django.views.decorators.http import require_http_methods

from naltrack.care.errors import ClinicalRuleError
from naltrack.clinical.contract import InputError
from naltrack.web.forms import add_refusal

T = TypeVar("T")

REFUSALS = (ClinicalRuleError, InputError)
get_and_post = require_http_methods(["GET", "POST"])


def posted(request: HttpRequest) -> Any:
    """The POST data to bind, or None on GET."""
    return request.POST if request.method == "POST" else None


def submitted(form: forms.BaseForm | None, save: Callable[[dict[str, Any]], T]) -> T | None:
    """What ``save`` (one service call, given the cleaned data) returned for a valid bound form;
    None when the form is unbound, invalid, or the rules refused it (the refusal is on the form)."""
    if form is None or not form.is_bound or not form.is_valid():
        return None
    try:
        return save(form.cleaned_data)
    except REFUSALS as error:
        add_refusal(form, error)
        return None
