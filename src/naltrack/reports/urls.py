from django.urls import path

from naltrack.reports import views

app_name = "reports"

urlpatterns = [path("clinic/reports/", views.outcomes, name="outcomes")]
