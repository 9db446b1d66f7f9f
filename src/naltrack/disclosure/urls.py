"""Consent and disclosure pages: the patient's under /me/, the chart's under the patient's /clinic/
page; the clinic's bulk exports at /clinic/exports/."""

from django.urls import path

from naltrack.disclosure import export_views, share_views, views

app_name = "disclosure"

CHART = "clinic/patients/<int:patient_id>/consents/"
SHARE = "clinic/patients/<int:patient_id>/share/"

urlpatterns = [
    path("me/consents/", views.my_consents, name="my_consents"),
    path("me/consents/new/", views.my_consent_new, name="my_consent_new"),
    path(
        "me/consents/<int:consent_id>/withdraw/",
        views.my_consent_withdraw,
        name="my_consent_withdraw",
    ),
    path("me/consents/<int:consent_id>/pdf/", views.my_consent_pdf, name="my_consent_pdf"),
    path("me/shared/", views.my_disclosures, name="my_disclosures"),
    path(
        "clinic/patients/<int:patient_id>/disclosures/",
        views.chart_disclosures,
        name="chart_disclosures",
    ),
    path("me/record/", share_views.my_record, name="my_record"),
    path(CHART, views.chart_consents, name="chart_consents"),
    path(CHART + "paper/", views.chart_consent_paper, name="chart_consent_paper"),
    path(
        CHART + "<int:consent_id>/withdraw/",
        views.chart_consent_withdraw,
        name="chart_consent_withdraw",
    ),
    path(CHART + "<int:consent_id>/scan/", views.chart_consent_scan, name="chart_consent_scan"),
    path(CHART + "<int:consent_id>/pdf/", views.chart_consent_pdf, name="chart_consent_pdf"),
    path(SHARE, share_views.chart_share, name="chart_share"),
    path(SHARE + "emergency/", share_views.chart_share_emergency, name="chart_share_emergency"),
    path("clinic/exports/", export_views.clinic_exports, name="clinic_exports"),
    path("clinic/exports/<int:export_id>/", export_views.clinic_export, name="clinic_export"),
    path(
        "clinic/exports/<int:export_id>/cancel/",
        export_views.clinic_export_cancel,
        name="clinic_export_cancel",
    ),
]
