from django.urls import path

from . import views

app_name = "signup"
urlpatterns = [
    path("aanmelden/", views.choose, name="choose"),
    path("aanmelden/gezin/", views.household, name="household"),
    path("aanmelden/jongere/", views.youth, name="youth"),
    path("aanmelden/vrijwilliger/", views.volunteer, name="volunteer"),
    path("aanmelden/bedankt/", views.thanks, name="thanks"),
    # The same page in the "je" form, for volunteers and young people.
    path("aanmelden/bedankt/je/", views.thanks, {"informal": True}, name="thanks_informal"),
]
