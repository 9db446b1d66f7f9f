"""The patient's own pages (filled in by the patient-side work)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path

from naltrack.accounts.access import patient_required
from naltrack.care import selectors


@patient_required
def patient_home(request: HttpRequest) -> HttpResponse:
    patient = selectors.patient_own(request=request)
    return render(request, "care/patient_home.html", {"patient": patient})


urlpatterns: list[URLPattern] = [path("", patient_home, name="patient_home")]
