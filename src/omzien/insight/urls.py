from django.urls import path

from . import views, yearly

app_name = "insight"
urlpatterns = [
    path("cijfers/", views.dashboard_page, name="dashboard"),
    path("cijfers/kaart/", views.map_page, name="map"),
    path("cijfers/werven/", views.recruit_page, name="recruit"),
    path("cijfers/themas/", views.themes_page, name="themes"),
    path("cijfers/jaarverantwoording/", yearly.yearly_page, name="yearly"),
    path("cijfers/jaarverantwoording/maken/", yearly.yearly_request, name="yearly_request"),
    path("cijfers/jaarverantwoording/<int:pk>/", yearly.yearly_progress, name="yearly_progress"),
    path(
        "cijfers/jaarverantwoording/<int:pk>/<str:kind>/",
        yearly.yearly_download,
        name="yearly_download",
    ),
]
