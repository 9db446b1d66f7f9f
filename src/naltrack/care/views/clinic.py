from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from naltrack.accounts.access import patient_required, staff_required
from naltrack.care import selectors


@staff_required
def clinician_home(request: HttpRequest) -> HttpResponse:
    clinic = request.user.clinic_membership.clinic  # type: ignore[union-attr]
    return render(request, "care/clinician_home.html", {"clinic": clinic})


@staff_required
def patient_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:100]
    page = Paginator(selectors.patient_search(request=request, query=query), 50).get_page(
        request.GET.get("page")
    )
    selectors.patient_list_audit(request=request, patients=list(page.object_list), query=query)
    return render(request, "care/patient_list.html", {"page": page, "q": query})


@staff_required
def patient_chart(request: HttpRequest, patient_id: int) -> HttpResponse:
    patient = selectors.patient_get(request=request, patient_id=patient_id)
    return render(request, "care/patient_chart.html", {"patient": patient})


@patient_required
def patient_home(request: HttpRequest) -> HttpResponse:
    patient = selectors.patient_own(request=request)
    return render(request, "care/patient_home.html", {"patient": patient})
