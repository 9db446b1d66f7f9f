from django.urls import path

from naltrack.reminders import views

app_name = "reminders"

urlpatterns = [
    path("me/reminders/", views.preferences, name="preferences"),
    path("reminders/pause/<str:token>/", views.pause, name="pause"),
    path("clinic/reminders/", views.clinic_settings, name="clinic_settings"),
    path(
        "clinic/reminders/problems/<int:notification_id>/handled/",
        views.problem_handled,
        name="problem_handled",
    ),
]
