"""Version 1 of the API. A change that breaks existing clients goes to /api/v2/, never here."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularYAMLAPIView

from .problems import not_found
from .views.aggregates import Aggregates
from .views.docs import reference
from .views.programmes import ProgrammeList
from .views.referrals import ReferralDetail, ReferralList

app_name = "api"
urlpatterns = [
    path("referrals/", ReferralList.as_view(), name="referrals"),
    path("referrals/<int:pk>/", ReferralDetail.as_view(), name="referral"),
    path("programmes/", ProgrammeList.as_view(), name="programmes"),
    path("aggregates/", Aggregates.as_view(), name="aggregates"),
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="openapi-json"),
    path("openapi.yaml", SpectacularYAMLAPIView.as_view(), name="openapi-yaml"),
    path("docs/", reference, name="reference"),
    re_path(r"^(?P<path>.*)$", not_found),  # last: any other path gets a problem, not a page
]
