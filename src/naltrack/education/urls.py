from django.urls import URLPattern, path

from naltrack.education import views

app_name = "education"

urlpatterns: list[URLPattern] = [
    path("library/", views.library, name="library"),
    path("library/search/", views.search, name="search"),
    path("library/<slug:slug>/", views.article, name="article"),
]
