"""The clinician's pages, at /clinic/: Today, patients, charts, record forms and planners."""

from django.urls import path

from naltrack.clinician.views import chart, details, planners, record, today

app_name = "clinician"

PATIENT = "clinic/patients/<int:patient_id>/"

urlpatterns = [
    path("clinic/", today.clinician_home, name="home"),
    path("clinic/today/<slug:panel>/", today.today_panel, name="today_panel"),
    path("clinic/patients/", today.patient_list, name="patient_list"),
    path("clinic/patients/new/", details.patient_new, name="patient_new"),
    path("clinic/alerts/", today.alert_queue, name="alert_queue"),
    path(PATIENT, chart.patient_chart, name="patient_chart"),
    path("me/wallet/card/<int:patient_id>/", chart.wallet_card_for, name="wallet_card_for"),
    path(PATIENT + "details/", details.patient_edit, name="patient_edit"),
    path(PATIENT + "episode/", planners.episode_open, name="episode_open"),
    path(PATIENT + "start-check/", planners.start_check, name="start_check"),
    path(PATIENT + "regimen/", planners.regimen_start, name="regimen_start"),
    path(PATIENT + "plan-stop/", planners.plan_stop, name="plan_stop"),
    path(PATIENT + "record/exposure/", record.record_exposure, name="record_exposure"),
    path(PATIENT + "record/dose/", record.record_dose, name="record_dose"),
    path(PATIENT + "record/injection/", record.record_injection, name="record_injection"),
    path(PATIENT + "record/lab/", record.record_lab, name="record_lab"),
    path(PATIENT + "record/screen/", record.record_screen, name="record_screen"),
    path(
        PATIENT + "record/instrument/<str:instrument>/",
        record.record_instrument,
        name="record_instrument",
    ),
    path(PATIENT + "record/therapy/", record.record_therapy, name="record_therapy"),
    path(
        PATIENT + "record/therapy/<int:session_id>/",
        record.record_therapy_status,
        name="record_therapy_status",
    ),
    path(PATIENT + "record/note/", record.record_note, name="record_note"),
    path(
        PATIENT + "record/follow-up/<int:follow_up_id>/",
        record.record_follow_up,
        name="record_follow_up",
    ),
    path(
        PATIENT + "record/alert/<int:alert_id>/acknowledge/",
        record.record_alert_ack,
        name="record_alert_ack",
    ),
]
