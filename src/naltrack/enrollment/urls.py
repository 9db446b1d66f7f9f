from django.urls import URLPattern, path

from naltrack.enrollment import views

app_name = "enrollment"

urlpatterns: list[URLPattern] = [
    path("enroll/", views.enroll_start, name="enroll"),
    path("enroll/<slug:slug>/", views.enroll, name="enroll_clinic"),
    path("enroll/<slug:slug>/thanks/", views.enroll_thanks, name="thanks"),
    path("clinic/intake/", views.intake_queue, name="intake_queue"),
    path("clinic/intake/<int:enrollment_id>/", views.intake_detail, name="intake_detail"),
    path("clinic/intake/<int:enrollment_id>/accept/", views.intake_accept, name="intake_accept"),
    path("clinic/intake/<int:enrollment_id>/decline/", views.intake_decline, name="intake_decline"),
    path("clinic/intake/<int:enrollment_id>/invite/", views.intake_invite, name="intake_invite"),
]
