"""The URLs the OpenAPI document describes: only the API, mounted where conf/urls.py mounts it."""

from django.urls import include, path

urlpatterns = [path("api/v1/", include("omzien.api.urls"))]
