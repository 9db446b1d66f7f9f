from django.contrib import admin
from django.urls import include, path
from oauth2_provider.views import TokenView

from naltrack.api.urls import api
from naltrack.operations.views import healthz
from naltrack.public.views import front_door

urlpatterns = [
    path("", front_door, name="home"),
    path("healthz", healthz, name="healthz"),
    path("accounts/", include("naltrack.accounts.urls")),
    path("api/", api.urls),
    # Outside systems get their record API tokens here (client credentials); no browser flow.
    path("o/token/", TokenView.as_view(), name="oauth_token"),
    path("fhir/", include("naltrack.disclosure.fhir.urls")),
    path("", include("naltrack.public.urls")),
    path("", include("naltrack.enrollment.urls")),
    path("", include("naltrack.clinician.urls")),
    path("", include("naltrack.patient.urls")),
    path("", include("naltrack.education.urls")),
    path("", include("naltrack.reminders.urls")),
    path("", include("naltrack.disclosure.urls")),
    path("", include("naltrack.reports.urls")),
    path("", include("naltrack.api.pages_urls")),
    path("django-admin/", admin.site.urls),
]
