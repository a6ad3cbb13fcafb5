"""Settings, read from the environment with safe defaults for development.

Production sets at least OMZIEN_SECRET_KEY, OMZIEN_ALLOWED_HOSTS and DATABASE_URL;
DEBUG is off unless OMZIEN_DEBUG=1.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent  # src/omzien
PROJECT_DIR = BASE_DIR.parent.parent
VAR_DIR = Path(os.environ.get("OMZIEN_VAR_DIR", PROJECT_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(int(default))).lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("OMZIEN_DEBUG")
PRODUCTION = env_bool("OMZIEN_PRODUCTION")

SECRET_KEY = os.environ.get("OMZIEN_SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise RuntimeError("OMZIEN_SECRET_KEY must be set in production.")
    # Public: `check --deploy` fails on it (omzien.web.checks), production refuses to start.
    SECRET_KEY = "development-only-" + "x" * 50

ALLOWED_HOSTS = env_list("OMZIEN_ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("OMZIEN_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",  # the widget templates, for FORM_RENDERER below
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "drf_spectacular",
    "omzien.accounts",
    "omzien.geo",
    "omzien.programmes",
    "omzien.people",
    "omzien.intake",
    "omzien.screening",
    "omzien.matching",
    "omzien.matches",
    "omzien.concerns",
    "omzien.outcomes",
    "omzien.insight",
    "omzien.support_figures",
    "omzien.api",
    "omzien.privacy",
    "omzien.web",
    "omzien.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files come pre-compressed
    # Compresses the HTML (and JSON) when the browser accepts gzip. BREACH, which guesses a
    # secret in a compressed page from its length, finds none here: Django masks the CSRF
    # token with a new random value in every response, and the session id is in a header.
    # Below WhiteNoise, so static files are not compressed a second time.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "omzien.web.middleware.DutchFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "omzien.web.middleware.PrivatePagesMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "omzien.accounts.two_factor.TwoFactorMiddleware",
    "omzien.accounts.passwords.NewPasswordMiddleware",
    "omzien.privacy.admin_trail.AdminTrailMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",  # last: it turns a lockout into the lockout page
]

# Five failed log-ins for one user name from one address lock it for 15 minutes; the demo
# accounts (public passwords) never log in when OMZIEN_PRODUCTION=1.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "omzien.demo.guard.NoDemoAccountsInProduction",
]
OTP_TOTP_ISSUER = "Omzien"
OTP_ADMIN_HIDE_SENSITIVE_DATA = True  # an app's key is shown once, to its owner, at setup

# Optional single sign-on through the organisation's OpenID Connect provider: set these and
# existing accounts can sign in there (matched by e-mail); see README.
OIDC_RP_CLIENT_ID = os.environ.get("OMZIEN_OIDC_CLIENT_ID", "")
OIDC_ENABLED = bool(OIDC_RP_CLIENT_ID)
if OIDC_ENABLED:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("omzien.accounts.oidc.ExistingAccountsOnly")
    OIDC_RP_CLIENT_SECRET = os.environ["OMZIEN_OIDC_CLIENT_SECRET"]
    OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ["OMZIEN_OIDC_AUTHORIZATION_ENDPOINT"]
    OIDC_OP_TOKEN_ENDPOINT = os.environ["OMZIEN_OIDC_TOKEN_ENDPOINT"]
    OIDC_OP_USER_ENDPOINT = os.environ["OMZIEN_OIDC_USER_ENDPOINT"]
    OIDC_OP_JWKS_ENDPOINT = os.environ["OMZIEN_OIDC_JWKS_ENDPOINT"]
    OIDC_RP_SIGN_ALGO = os.environ.get("OMZIEN_OIDC_SIGN_ALGO", "RS256")
    OIDC_CREATE_USER = False
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "web/locked_out.html"
AXES_SENSITIVE_PARAMETERS = ["password"]
AXES_CLIENT_IP_CALLABLE = "omzien.access.clients.client_address"

ROOT_URLCONF = "omzien.conf.urls"
WSGI_APPLICATION = "omzien.conf.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # The site's own templates first: its admin/ folder restyles Django's admin.
        "DIRS": [BASE_DIR / "web" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "omzien.web.context_processors.navigation",
            ],
        },
    },
]
# Form widgets render through the settings above, so that admin/widgets/ overrides apply too.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'omzien.sqlite3'}",
        conn_max_age=int(os.environ.get("OMZIEN_DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    VAR_DIR.mkdir(parents=True, exist_ok=True)  # the embedded database needs its folder
    # Readers (progress polls, sessions) must not wait for a long import's write transaction.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA journal_mode=WAL;"
else:
    # Pages run many short queries: compiling one with JIT costs tens of milliseconds more
    # than it saves (measured on the national dataset, docs/performance.md).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        "-c jit=off -c max_parallel_workers_per_gather=0"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "omzien.accounts.passwords.NotLikePersonalDetails"},
    {"NAME": "omzien.accounts.passwords.MinimumLength", "OPTIONS": {"min_length": 12}},
    {"NAME": "omzien.accounts.passwords.NotCommon"},
    {"NAME": "omzien.accounts.passwords.NotOnlyDigits"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("OMZIEN_STATIC_ROOT", VAR_DIR / "static"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = not PRODUCTION  # development serves straight from the apps
# In production `collectstatic` writes a gzip and a Brotli copy of each file beside it, and the
# pages name files with a hash of their content (style.3f2a…css): WhiteNoise sends those with
# "max-age=315360000, public, immutable" (ten years; a change gets a new name). This is
# the short cache for the same files under their plain names, which can change in place.
WHITENOISE_MAX_AGE = 60 if PRODUCTION else 0

# Shared between worker processes: import progress must agree across them. Several app hosts
# share it through a table in the database (OMZIEN_CACHE_TABLE, made by `createcachetable`).
# (Rate limits count in the database anyway, so they hold across app servers: web.ratelimit.)
CACHE_TABLE = os.environ.get("OMZIEN_CACHE_TABLE", "")
# How long a page of published (suppressed) figures is kept for the same question; 0: never.
OMZIEN_FIGURES_SECONDS = int(os.environ.get("OMZIEN_FIGURES_SECONDS", "60"))
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": CACHE_TABLE,
    }
    if CACHE_TABLE
    else {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("OMZIEN_CACHE_DIR", str(VAR_DIR / "cache")),
    }
}
if CACHE_TABLE and not DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The same database on a second connection, so that an import's progress is seen while
    # the import's own transaction is still open (conf/routers.py).
    DATABASES["cache"] = DATABASES["default"] | {"TEST": {"MIRROR": "default"}}
    DATABASE_ROUTERS = ["omzien.conf.routers.CacheRouter"]

EMAIL_BACKEND = os.environ.get(
    "OMZIEN_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("OMZIEN_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("OMZIEN_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("OMZIEN_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("OMZIEN_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("OMZIEN_EMAIL_USE_TLS")
# Links in e-mails (reminders) point here.
OMZIEN_BASE_URL = os.environ.get("OMZIEN_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
DEFAULT_FROM_EMAIL = os.environ.get("OMZIEN_DEFAULT_FROM_EMAIL", "Omzien <noreply@localhost>")

# Background work (reminders, nightly checks, reports) goes through the database queue, which
# works on SQLite and PostgreSQL alike; `make worker` runs it.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Aggregates that leave the personal-data boundary hide counts below this (never lower than 5).
OMZIEN_SUPPRESSION_THRESHOLD = int(os.environ.get("OMZIEN_SUPPRESSION_THRESHOLD", "5"))

# The module that writes the audit trail for `omzien.access.checks.role_required`.
AUDIT_RECORDER = "omzien.privacy.recording"

# A session ends after 30 minutes without activity, and when the browser closes.
SESSION_COOKIE_AGE = 60 * 30
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
# Messages name people: keep them in the session, not in a readable (only signed) cookie.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Scripts, styles and images only from Omzien itself: no inline code, no CDN, no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("OMZIEN_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("OMZIEN_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Log records never carry request bodies or URLs with query strings, and omzien.privacy.logging
# masks names, e-mail addresses and postcodes in them; JSON lines in production.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"personal_data": {"()": "omzien.privacy.logging.PersonalDataFilter"}},
    "formatters": {"structured": {"()": "omzien.privacy.logging.formatter", "as_json": PRODUCTION}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "structured",
            "filters": ["personal_data"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("OMZIEN_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "fontTools": {"level": "WARNING"},  # subsetting the PDF font says ~40 lines per PDF
    },
}

# Yearly accounts (PDF, XLSX): outside the static files, never served directly.
OMZIEN_REPORT_ROOT = Path(os.environ.get("OMZIEN_REPORT_ROOT", VAR_DIR / "reports"))

# Where the shared public data lives (tests and the import commands read it, never copy it).
OMZIEN_SHARED_DATA = Path(
    os.environ.get("OMZIEN_SHARED_DATA", PROJECT_DIR.parent / "shared" / "data")
)

# Public sign-up forms: submissions per visitor per window, and where the visitor's address is.
OMZIEN_SIGNUP_RATE_LIMIT = int(os.environ.get("OMZIEN_SIGNUP_RATE_LIMIT", "10"))
OMZIEN_SIGNUP_RATE_WINDOW = int(os.environ.get("OMZIEN_SIGNUP_RATE_WINDOW", "3600"))
OMZIEN_CLIENT_IP_HEADER = os.environ.get("OMZIEN_CLIENT_IP_HEADER", "")

# The REST API (omzien.api): token per client system, strict JSON in, problem details out.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["omzien.api.authentication.ApiTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["omzien.api.permissions.ScopeAndRole"],
    "DEFAULT_THROTTLE_CLASSES": ["omzien.api.throttling.ClientRateThrottle"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["omzien.api.parsers.StrictJSONParser"],
    "DEFAULT_SCHEMA_CLASS": "omzien.api.schema.ApiAutoSchema",
    "DEFAULT_METADATA_CLASS": "omzien.api.metadata.ApiMetadata",
    "EXCEPTION_HANDLER": "omzien.api.problems.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Omzien API",
    "DESCRIPTION": (
        "Referrals in, their step back, the social map and aggregates out. Errors are "
        "problem details (RFC 9457) in Dutch, or English with `Accept-Language: en`. "
        "The reference page is at /api/v1/docs/."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "SCHEMA_PATH_PREFIX": r"/api/v1/",
    "SERVE_URLCONF": "omzien.api.schema_urls",
    "ENUM_NAME_OVERRIDES": {"ReferralStatusEnum": "omzien.intake.models.ReferralStatus"},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "omzien.api.schema.postprocess",
    ],
}
