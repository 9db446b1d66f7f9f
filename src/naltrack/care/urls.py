from django.urls import include, path

from naltrack.care.views import clinic, details, patient, planners, record, wallet

app_name = "care"

urlpatterns = [
    path("clinic/", clinic.clinician_home, name="clinician_home"),
    path("clinic/patients/", clinic.patient_list, name="patient_list"),
    path("clinic/patients/new/", details.patient_new, name="patient_new"),
    path("clinic/patients/<int:patient_id>/", clinic.patient_chart, name="patient_chart"),
    path("clinic/patients/<int:patient_id>/", include(details.urlpatterns)),
    path("clinic/patients/<int:patient_id>/record/", include(record.urlpatterns)),
    path("clinic/patients/<int:patient_id>/", include(planners.urlpatterns)),
    path("clinic/alerts/", clinic.alert_queue, name="alert_queue"),
    path("me/", include(patient.urlpatterns)),
    path("me/wallet/", include(wallet.urlpatterns)),
]
