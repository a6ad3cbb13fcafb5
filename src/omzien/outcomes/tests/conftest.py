import pytest
from django.apps import apps

from omzien.outcomes import shipped


@pytest.fixture(autouse=True)
def shipped_instruments(request):
    """The shipped instruments, also after a browser test flushed what the migration loaded."""
    if request.node.get_closest_marker("django_db"):
        with request.getfixturevalue("django_db_blocker").unblock():
            shipped.load(apps)
