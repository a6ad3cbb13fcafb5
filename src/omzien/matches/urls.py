from django.urls import path

from . import own, views

app_name = "matches"
urlpatterns = [
    path("vandaag/", views.today_page, name="today"),
    path("mijn-koppeling/", own.own_page, name="own_page"),
    path("mijn-koppeling/<int:pk>/contact/", own.own_contact, name="own_contact"),
    path("mijn-koppeling/<int:pk>/bericht/", own.own_message, name="own_message"),
    path("koppelingen/", views.match_list, name="match_list"),
    path("koppelingen/<int:pk>/", views.match_detail, name="match_detail"),
    path("koppelingen/<int:pk>/stap/", views.match_step, name="match_step"),
    path("koppelingen/<int:pk>/contact/", views.match_contact, name="match_contact"),
    path("koppelingen/<int:pk>/afsluiten/", views.match_close, name="match_close"),
    path("koppelingen/<int:pk>/heropenen/", views.match_reopen, name="match_reopen"),
]
