from django.urls import path

from . import views

app_name = "matches"
urlpatterns = [path("koppelingen/", views.match_list, name="match_list")]
