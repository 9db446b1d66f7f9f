from django.urls import path

from naltrack.care import views

app_name = "care"

urlpatterns = [
    path("clinic/", views.clinician_home, name="clinician_home"),
    path("clinic/patients/", views.patient_list, name="patient_list"),
    path("clinic/patients/<int:patient_id>/", views.patient_chart, name="patient_chart"),
    path("me/", views.patient_home, name="patient_home"),
]
