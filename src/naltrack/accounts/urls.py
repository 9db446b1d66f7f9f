from django.urls import path

from naltrack.accounts import audit_log, people_views, two_factor_views, views

app_name = "accounts"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("two-factor/", two_factor_views.two_factor, name="two_factor"),
    path(
        "two-factor/setup/<uidb64>/<token>/",
        two_factor_views.two_factor_link,
        name="two_factor_link",
    ),
    path("recovery-codes/", two_factor_views.recovery_codes, name="recovery_codes"),
    path("password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("password-reset/sent/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password-reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("invitation/<uidb64>/<token>/", views.InvitationAcceptView.as_view(), name="invitation"),
    path("clinic-admin/", views.admin_home, name="admin_home"),
    path("clinic-admin/audit/", audit_log.audit_log, name="audit_log"),
    path("clinic-admin/audit/export.csv", audit_log.audit_log_csv, name="audit_log_csv"),
    path("clinic-admin/people/", people_views.people_list, name="people"),
    path(
        "clinic-admin/people/<int:user_id>/deactivate/",
        people_views.person_deactivate,
        name="person_deactivate",
    ),
    path(
        "clinic-admin/people/<int:user_id>/reactivate/",
        people_views.person_reactivate,
        name="person_reactivate",
    ),
    path("clinic-admin/people/<int:user_id>/role/", people_views.person_role, name="person_role"),
    path(
        "clinic-admin/people/<int:user_id>/invitation/resend/",
        people_views.person_invitation_resend,
        name="person_invitation_resend",
    ),
    path(
        "clinic-admin/people/<int:user_id>/invitation/revoke/",
        people_views.person_invitation_revoke,
        name="person_invitation_revoke",
    ),
]
