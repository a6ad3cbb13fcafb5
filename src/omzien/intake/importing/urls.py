from django.urls import path

from . import views

app_name = "importing"
urlpatterns = [
    path("importeren/", views.import_page, name="import"),
    path("importeren/<uuid:import_id>/voortgang/", views.import_progress, name="progress"),
    path(
        "importeren/voorbeeld/<slug:kind>.<slug:extension>",
        views.example_file,
        name="example",
    ),
]
