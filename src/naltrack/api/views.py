"""*Outside systems* (/clinic/outside-systems/): the clinic admin registers, lists and revokes the
outside systems that read the record API. A new client's secret is shown once, on the page that
answers the registration, and never stored in the clear."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from naltrack.accounts.access import admin_required, current_clinic, current_user
from naltrack.api.forms import OutsideClientForm
from naltrack.api.outside import (
    outside_client_get,
    outside_client_register,
    outside_client_revoke,
    outside_clients_of,
)
from naltrack.web.views import get_and_post, posted, submitted


@admin_required
@get_and_post
def outside_systems(request: HttpRequest) -> HttpResponse:
    clinic = current_clinic(request)
    form = OutsideClientForm(posted(request))
    registered = submitted(
        form,
        lambda data: outside_client_register(clinic=clinic, by=current_user(request), **data),
    )
    if registered:
        form = OutsideClientForm()
    return render(
        request,
        "api/outside_systems.html",
        {
            "clinic": clinic,
            "form": form,
            "registered": registered,
            "clients": outside_clients_of(clinic=clinic),
        },
    )


@admin_required
@require_POST
def outside_system_revoke(request: HttpRequest, client_id: int) -> HttpResponse:
    client = outside_client_get(clinic=current_clinic(request), client_id=client_id)
    if client is None:
        raise Http404("No such outside system")
    outside_client_revoke(client=client, by=current_user(request))
    messages.success(request, f"{client.recipient_name} can no longer read the record.")
    return redirect("outside:systems")
