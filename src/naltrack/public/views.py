"""The public front door: the site root, each clinic's page, and the clinic admin's page that
edits it.

Strangers at ``/`` get the one clinic's page, a list to choose from, or a short welcome;
signed-in people still go to their role's home. The pages read no personal data.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from naltrack.accounts.access import admin_required, current_clinic, current_user
from naltrack.accounts.models import Clinic
from naltrack.accounts.views import home as role_home
from naltrack.public import selectors
from naltrack.public.forms import FrontPageForm
from naltrack.public.services import FrontPageError, clinic_front_page_save
from naltrack.web.views import get_and_post, posted, submitted


@require_safe
def front_door(request: HttpRequest) -> HttpResponseBase:
    if request.user.is_authenticated:
        return role_home(request)
    clinics = selectors.clinics_public()
    if len(clinics) == 1:
        return _clinic_page(request, clinics[0])
    if clinics:
        return render(request, "public/clinic_list.html", {"clinics": clinics})
    return render(request, "public/welcome.html")


@require_safe
def clinic_page(request: HttpRequest, slug: str) -> HttpResponse:
    return _clinic_page(request, selectors.clinic_public(slug=slug))


def _clinic_page(request: HttpRequest, clinic: Clinic) -> HttpResponse:
    return render(request, "public/clinic.html", {"clinic": clinic, "page": selectors.front_page()})


@admin_required
@get_and_post
def front_page_settings(request: HttpRequest) -> HttpResponse:
    clinic = current_clinic(request)
    form = FrontPageForm.for_clinic(clinic, posted(request))
    try:
        saved = submitted(
            form,
            lambda data: clinic_front_page_save(clinic=clinic, by=current_user(request), **data),
        )
    except FrontPageError as error:
        form.add_error(error.field, error.message)
        saved = None
    if saved is not None:
        messages.success(request, "The clinic's public page is saved.")
        return redirect("public:front_page_settings")
    return render(request, "public/front_page_settings.html", {"clinic": clinic, "form": form})
