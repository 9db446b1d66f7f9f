"""The FHIR endpoints, at /fhir/."""

from django.urls import path

from naltrack.disclosure.fhir import views

app_name = "fhir"

urlpatterns = [
    path("Patient/<int:patient_id>/$everything", views.everything, name="everything"),
    path("$export", views.export_kick_off, name="export"),
    path("$export/<int:export_id>", views.export_status, name="export_status"),
    path(
        "$export/<int:export_id>/<str:resource_type>.ndjson",
        views.export_file,
        name="export_file",
    ),
]
