from django.urls import include, path

from naltrack.accounts.views import home

urlpatterns = [
    path("", home, name="home"),
    path("accounts/", include("naltrack.accounts.urls")),
    path("", include("naltrack.care.urls")),
]
