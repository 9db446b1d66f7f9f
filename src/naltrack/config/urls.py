from django.urls import include, path

from naltrack.accounts.views import home
from naltrack.api.urls import api

urlpatterns = [
    path("", home, name="home"),
    path("accounts/", include("naltrack.accounts.urls")),
    path("api/", api.urls),
    path("", include("naltrack.enrollment.urls")),
    path("", include("naltrack.care.urls")),
]
