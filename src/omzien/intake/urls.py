from django.urls import path

from . import views

app_name = "intake"
urlpatterns = [
    path("wachtlijst/", views.waiting_list, name="waiting_list"),
    path("werklijsten/", views.work_lists, name="work_lists"),
]
