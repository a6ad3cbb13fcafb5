from django.urls import path, re_path

from . import views

app_name = "matching"
urlpatterns = [
    path("koppelen/plan/", views.plan_page, name="plan"),
    path("koppelen/plan/berekenen/", views.plan_run, name="plan_run"),
    re_path(
        r"^koppelen/plan/voorstel/(?P<pk>\d+)/(?P<action>accepted|rejected|lock|exclude)/$",
        views.plan_decide,
        name="plan_decide",
    ),
    path("koppelen/plan/regel/<int:pk>/weg/", views.plan_rule_delete, name="plan_rule_delete"),
    path("hulpvragen/<int:pk>/", views.request_detail, name="request_detail"),
    path("hulpvragen/<int:pk>/voorstellen/", views.propose, name="propose"),
    path("hulpvragen/<int:pk>/stap/", views.request_transition, name="request_transition"),
]
