"""The clinic admin's *Outside systems* page."""

from django.urls import URLPattern, path

from naltrack.api import views

app_name = "outside"

urlpatterns: list[URLPattern] = [
    path("clinic/outside-systems/", views.outside_systems, name="systems"),
    path(
        "clinic/outside-systems/<int:client_id>/revoke/",
        views.outside_system_revoke,
        name="revoke",
    ),
]
