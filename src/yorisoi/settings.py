"""Django settings for yorisoi, read from the environment (see README, "Configuration")."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from yorisoi.config import data_dir, env_bool, env_int, env_list, secret_key

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = data_dir()

SECRET_KEY = secret_key(DATA_DIR)
DEBUG = env_bool("YORISOI_DEBUG")
ALLOWED_HOSTS = env_list("YORISOI_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("YORISOI_CSRF_TRUSTED_ORIGINS", [])

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'yorisoi.sqlite3'}",
        conn_max_age=env_int("YORISOI_DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the demo serve requests while a command writes.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
else:
    # Parameters bound by the server, so a page's statements keep one text whatever its ids,
    # and psycopg prepares those met often on a connection: the case page's main statement
    # spent a third of its time being planned. "none" turns preparing off (a pooler in
    # transaction mode that cannot keep prepared statements).
    threshold = os.environ.get("YORISOI_DB_PREPARE_THRESHOLD", "5")
    DATABASES["default"]["OPTIONS"] = {
        "server_side_binding": True,
        "prepare_threshold": None if threshold.lower() == "none" else int(threshold),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "yorisoi.core",
    "yorisoi.audit",
    "yorisoi.organizations",
    "yorisoi.accounts",
    "yorisoi.due",
    "yorisoi.imports",
    "yorisoi.agencies",
    "yorisoi.cases",
    "yorisoi.consents",
    "yorisoi.contacts",
    "yorisoi.meetings",
    "yorisoi.assessments",
    "yorisoi.plans",
    "yorisoi.evaluations",
    "yorisoi.referrals",
    "yorisoi.handovers",
    "yorisoi.programs",
    "yorisoi.supporters",
    "yorisoi.demo",
    "yorisoi.bench",
    "yorisoi.core.admin_site.YorisoiAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "yorisoi.core.middleware.KnownMethodsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "yorisoi.core.middleware.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "yorisoi.core.sessions.SlidingSessionMiddleware",
    "yorisoi.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "yorisoi.core.middleware.NoStoreMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "yorisoi.organizations.middleware.ActiveMembershipMiddleware",
    "yorisoi.core.middleware.AuditContextMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "yorisoi.urls"
WSGI_APPLICATION = "yorisoi.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "yorisoi.organizations.context_processors.membership",
                "yorisoi.core.context_processors.nav",
            ],
            "builtins": ["django.templatetags.i18n", "django.templatetags.static"],
        },
    }
]

# Widgets and field groups rendered by Jinja2 (core/rendering.py): several times faster than
# Django templates per option and per field, same HTML.
FORM_RENDERER = "yorisoi.core.rendering.FormRenderer"

# Accounts and authentication
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # lockout check runs before the password check
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": env_int("YORISOI_PASSWORD_MIN_LENGTH", 12)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Lockout (django-axes): after N failures for a username, wait before trying again.
AXES_FAILURE_LIMIT = env_int("YORISOI_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("YORISOI_LOCKOUT_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_IPWARE_PROXY_COUNT = env_int("YORISOI_PROXY_COUNT", 0)
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)
AXES_VERBOSE = False
# Lockout is per account: a municipal office shares one address behind NAT, and locking the
# address would lock every colleague out after one person's typos.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

OTP_TOTP_ISSUER = env_list("YORISOI_OTP_ISSUER", ["yorisoi"])[0]
# Installation default for new organizations; each organization may change it.
YORISOI_REQUIRE_TWO_FACTOR_DEFAULT = env_bool("YORISOI_REQUIRE_TWO_FACTOR", True)

# Sessions: idle timeout; every request pushes the expiry forward.
SESSION_COOKIE_AGE = env_int("YORISOI_SESSION_IDLE_MINUTES", 30) * 60
SESSION_SAVE_EVERY_REQUEST = False  # core.sessions moves the expiry at most once a minute
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# Transport security: on by default outside DEBUG; YORISOI_HTTPS=false only for a plain-HTTP demo.
HTTPS = env_bool("YORISOI_HTTPS", not DEBUG)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS and env_bool("YORISOI_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("YORISOI_HSTS_SECONDS", 31536000) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS and env_bool("YORISOI_HSTS_PRELOAD", True)
if env_int("YORISOI_PROXY_COUNT", 0):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy: only our own origin, no inline script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

# Internationalisation: Japanese first, English on request (cookie), never guessed.
LANGUAGE_CODE = "ja"
LANGUAGES = [("ja", "日本語"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Tokyo"
USE_I18N = True
USE_TZ = True

# Static files: served by WhiteNoise, from the packages or from collectstatic's output.
STATIC_URL = "static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("YORISOI_STATIC_ROOT") or DATA_DIR / "static")
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise expects it, even before collectstatic
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = DATA_DIR / "media"

# E-mail: console in the demo and in development; SMTP when configured.
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("YORISOI_EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("YORISOI_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("YORISOI_EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("YORISOI_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("YORISOI_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("YORISOI_EMAIL_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("YORISOI_EMAIL_FROM", "yorisoi@localhost")
# The address staff open yorisoi at: links in e-mails must be absolute (a mail has no page to be
# relative to). Unset, the first allowed host (https, or the demo's plain http://…:8000).
SITE_URL = (
    os.environ.get("YORISOI_SITE_URL")
    or (f"https://{ALLOWED_HOSTS[0]}" if HTTPS else f"http://{ALLOWED_HOSTS[0]}:8000")
).rstrip("/")

# REST API: JSON only (the browsable renderer needs inline script, which the CSP forbids).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first: a bad or revoked token then answers 401 with WWW-Authenticate.
        "yorisoi.organizations.authentication.MemberTokenAuthentication",
        "yorisoi.organizations.authentication.MemberSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["yorisoi.core.filters.ScopedFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "yorisoi API",
    "DESCRIPTION": (
        "REST API of yorisoi. Every endpoint is scoped to the caller's active organization "
        "(header X-Yorisoi-Organization: <slug> chooses among several)."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # One schema name per shared choice set.
    "ENUM_NAME_OVERRIDES": {
        "AgeBandEnum": "yorisoi.cases.choices.AgeBand",
        "SexEnum": "yorisoi.cases.choices.Sex",
        "FirstConsulterEnum": "yorisoi.cases.choices.FirstConsulter",
        "DailyLifeEnum": "yorisoi.cases.choices.DailyLife",
        "CaseStatusEnum": "yorisoi.cases.choices.CaseStatus",
        "InquiryStatusEnum": "yorisoi.cases.choices.InquiryStatus",
        "RoleEnum": "yorisoi.core.roles.Role",
        "UrgencyEnum": "yorisoi.assessments.choices.Urgency",
        "WishesStatusEnum": "yorisoi.assessments.choices.WishesStatus",
        "HeardFromEnum": "yorisoi.assessments.choices.HeardFrom",
        "ContactRecordChannelEnum": "yorisoi.contacts.choices.Channel",
        "ApprovalStatusEnum": "yorisoi.cases.choices.ApprovalStatus",
        "AgencyCategoryEnum": "yorisoi.agencies.choices.AgencyCategory",
        "SharingPurposeEnum": "yorisoi.consents.models.SharingPurpose",
        "InformationItemEnum": "yorisoi.consents.models.InformationItem",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# The installation's Django admin (superusers only, second factor required).
YORISOI_ADMIN_PATH = os.environ.get("YORISOI_ADMIN_PATH", "admin/").strip("/") + "/"
