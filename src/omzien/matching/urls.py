from django.urls import path

from . import views

app_name = "matching"
urlpatterns = [
    path("hulpvragen/<int:pk>/", views.request_detail, name="request_detail"),
    path("hulpvragen/<int:pk>/voorstellen/", views.propose, name="propose"),
    path("hulpvragen/<int:pk>/stap/", views.request_transition, name="request_transition"),
]
