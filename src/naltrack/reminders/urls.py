from django.urls import path

from naltrack.reminders import views

app_name = "reminders"

urlpatterns = [
    path("me/reminders/", views.preferences, name="preferences"),
    path("reminders/pause/<str:token>/", views.pause, name="pause"),
]
