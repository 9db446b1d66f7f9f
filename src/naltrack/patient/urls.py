"""The patient's own pages, at /me/: made for a phone, often on a bad day."""

from django.urls import path

from naltrack.patient.views import cravings, home, progress, schedule, wallet

app_name = "patient"

urlpatterns = [
    path("me/", home.home, name="home"),
    path("me/dose/", home.dose_taken, name="dose_taken"),
    path("me/dose/undo/", home.dose_undo, name="dose_undo"),
    path("me/check-in/", home.check_in, name="check_in"),
    path("me/check-in/support/", home.check_in_support, name="check_in_support"),
    path("me/schedule/", schedule.schedule, name="schedule"),
    path("me/progress/", progress.progress, name="progress"),
    path("me/cravings/", cravings.cravings, name="cravings"),
    path("me/cravings/plan/", cravings.craving_plan, name="craving_plan"),
    path("me/cravings/now/", cravings.craving_now, name="craving_now"),
    path("me/cravings/now/<int:episode_id>/", cravings.craving_try, name="craving_try"),
    path("me/cravings/now/<int:episode_id>/wait/", cravings.craving_wait, name="craving_wait"),
    path("me/cravings/now/<int:episode_id>/rate/", cravings.craving_rate, name="craving_rate"),
    path("me/cravings/now/<int:episode_id>/done/", cravings.craving_done, name="craving_done"),
    path("me/help/", cravings.crisis_help, name="help"),
    path("me/wallet/card/", wallet.wallet_card, name="wallet_card"),
]
