from django.urls import path

from . import views

app_name = "outcomes"
PHASE = "<str:phase>/<int:round>"
urlpatterns = [
    path("uitkomsten/", views.report, name="report"),
    path(
        "hulpvragen/<int:pk>/vragenlijsten/",
        views.request_questionnaires,
        name="request_questionnaires",
    ),
    path(
        f"hulpvragen/<int:pk>/vragenlijsten/<slug:slug>/{PHASE}/",
        views.enter_paper,
        name="enter_paper",
    ),
    path("hulpvragen/<int:pk>/doelen/", views.goals, name="goals"),
    path("mijn-vragenlijsten/", views.own_list, name="own_list"),
    path(
        f"mijn-vragenlijsten/<int:pk>/<slug:slug>/{PHASE}/",
        views.own_answer,
        name="own_answer",
    ),
]
