from django.urls import URLPattern, path

from naltrack.public import views

app_name = "public"

urlpatterns: list[URLPattern] = [
    path("clinics/<slug:slug>/", views.clinic_page, name="clinic"),
    path("clinic/front-page/", views.front_page_settings, name="front_page_settings"),
]
