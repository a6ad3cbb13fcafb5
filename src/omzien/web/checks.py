"""Deploy checks of the installation itself (`omzien check --deploy`)."""

from django.conf import settings
from django.core import checks

# conf/settings.py falls back to a key with this prefix when OMZIEN_SECRET_KEY is unset. It is
# in the source, so anyone could sign sessions with it; Django's own check does not see that.
DEVELOPMENT_KEY_PREFIX = "development-only-"


@checks.register(checks.Tags.security, deploy=True)
def secret_key_is_not_the_public_one(app_configs, **kwargs):
    if settings.SECRET_KEY.startswith(DEVELOPMENT_KEY_PREFIX):
        return [
            checks.Error(
                "SECRET_KEY is the public development key; set OMZIEN_SECRET_KEY to a long "
                "random string.",
                id="omzien.E002",
            )
        ]
    return []
