from django.urls import path

from . import reporting, views

app_name = "concerns"
urlpatterns = [
    path("zorgsignalen/", views.concern_list, name="list"),
    path("zorgsignalen/<int:pk>/", views.concern_detail, name="detail"),
    path("zorgsignalen/<int:pk>/reden/", views.concern_reason, name="reason"),
    path("zorgsignalen/<int:pk>/stap/", views.concern_step, name="step"),
    path("zorgsignalen/<int:pk>/afsluiten/", views.concern_close, name="close"),
    path("koppelingen/<int:match_pk>/zorgsignaal/", reporting.concern_create, name="create"),
    path("mijn-koppeling/<int:match_pk>/zorgsignaal/", reporting.report_own, name="report_own"),
    path("zorgsignalen/melding/<int:pk>/", reporting.report_received, name="report_received"),
]
