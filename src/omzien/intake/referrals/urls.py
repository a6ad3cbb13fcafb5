from django.urls import path

from . import views

app_name = "referrals"
urlpatterns = [
    path("verwijzingen/", views.referral_list, name="list"),
    path("verwijzingen/nieuw/", views.referral_create, name="create"),
    path("verwijzingen/<int:pk>/", views.referral_detail, name="detail"),
]
