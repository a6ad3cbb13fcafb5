"""What `OPTIONS` answers: the methods this path allows and where its document is.

DRF's default lists a serializer's fields, but an endpoint here has no single serializer (the
list and the new referral differ), so it failed; the OpenAPI document describes the fields.
"""

from django.urls import reverse
from rest_framework.metadata import BaseMetadata


class ApiMetadata(BaseMetadata):
    def determine_metadata(self, request, view) -> dict:
        return {
            "methods": view.allowed_methods,
            "renders": [renderer.media_type for renderer in view.renderer_classes],
            "parses": [parser.media_type for parser in view.parser_classes],
            "documentation": request.build_absolute_uri(reverse("api:reference")),
        }
