"""The patient's own wallet card PDF."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from naltrack.accounts.access import patient_required
from naltrack.care import selectors
from naltrack.patient.wallet_card import wallet_card_response


@patient_required
@require_GET
def wallet_card(request: HttpRequest) -> HttpResponse:
    return wallet_card_response(request, selectors.patient_own(user=request.user))
