from django.urls import path, re_path

from . import views

app_name = "screening"
urlpatterns = [
    path("aanbod/<int:pk>/", views.offer_detail, name="offer_detail"),
    path("aanbod/<int:pk>/stap/", views.offer_transition, name="offer_transition"),
    re_path(
        r"^aanbod/(?P<pk>\d+)/(?P<kind>vog|referentie|training)/$", views.record, name="record"
    ),
]
