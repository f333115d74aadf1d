"""Settings for the newsroom, read from the environment in this one place.

With nothing set the site runs on an embedded SQLite file for local use, with DEBUG on. A
deployment names its DATABASE_URL and is then production (DEBUG off unless set): a real
SECRET_KEY and ALLOWED_HOSTS are required, and the process refuses to start without them rather
than run on a guessable key.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=()):
    value = os.environ.get(name, "")
    items = [item.strip() for item in value.split(",") if item.strip()]
    return items or list(default)


# With nothing set, this is a local run on the embedded database; a deployment names its
# database, and is then production unless it says DEBUG=1.
DEBUG = env_bool("DEBUG", default=not os.environ.get("DATABASE_URL"))

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "django-insecure-local-development-only"
if not DEBUG and (len(SECRET_KEY) < 40 or SECRET_KEY.startswith("django-insecure")):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a long random value in production "
        "(or set DEBUG=1 for local development)."
    )

if not DEBUG and not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured(
        "DATABASE_URL must name the production database "
        "(the embedded SQLite default is for DEBUG=1 only)."
    )

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # The search vector's field; harmless on SQLite, where it is never filled.
    "django.contrib.postgres",
    "django_countries",
    "django_filters",
    "django_prose_editor",
    "reversion",
    "axes",
    "corsheaders",
    # The content API's browsable docs serve Swagger UI from our own static files.
    "ninja",
    # What every app shares; it has no models and imports no domain app.
    "core",
    # The domain apps: staff accounts and roles, then each kind of content.
    "staff",
    "organisations",
    "people",
    "events",
    "releases",
    "demo",
    # Last, as it asks: removes a replaced or deleted record's files once the change commits.
    "django_cleanup.apps.CleanupConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything that may answer: a preflight to the API is answered here.
    "corsheaders.middleware.CorsMiddleware",
    # Outside the ETag's middleware, so that a HEAD carries the ETag of its GET's body.
    "newsroom.middleware.ApiMethodsMiddleware",
    # ETags on public pages: a reader revalidating an unchanged page gets a bare 304.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Before anything reads the address, once the language is known: its 404 speaks it.
    "newsroom.middleware.ControlCharacterMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "newsroom.middleware.StaffLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it watches the login responses of everything above.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "staff.authentication.StaffBackend",
]
# Five wrong passwords for one account from one address lock that pair out for 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_VERBOSE = False
# How many proxies in front of the app append the client's address to X-Forwarded-For (the
# compose stack's nginx: 1). Logins are then counted by the address they forwarded; with 0, by
# the connection's own, since a header no proxy vouches for is forged at will. (django-axes's
# AXES_IPWARE_* settings would need django-ipware; without it they are silently ignored.)
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT") or "0")
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT is a number of proxies: 0 or more.")
AXES_CLIENT_IP_CALLABLE = "newsroom.proxies.client_address"

# Behind a proxy that terminates TLS (the compose stack's nginx), trust its X-Forwarded-Proto
# so that absolute links in feeds and the sitemap say https. Never set it without such a proxy.
if env_bool("TRUST_X_FORWARDED_PROTO"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# HTTPS only in production (SECURE_SSL_REDIRECT=0 and COOKIES_SECURE=0 only to try the compose
# stack over plain HTTP); the load balancer's health check may use plain HTTP.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

# Behind TLS in production; COOKIES_SECURE=0 only to try the compose stack over plain HTTP.
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("COOKIES_SECURE", default=not DEBUG)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"

# Only this site's own files run or style a page; an inline script needs the request's nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    # The one style the rich-text editor (ProseMirror) injects, by its hash: no other inline CSS.
    "style-src": [CSP.SELF, CSP.NONCE, "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

ROOT_URLCONF = "newsroom.urls"
# A path of the deployment's choosing keeps the admin off the scanners' usual "admin/".
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/")
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "newsroom.context_processors.language_switcher",
            ],
        },
    },
]

DATABASES = {
    # An empty DATABASE_URL is no DATABASE_URL: the embedded default.
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # JIT compilation costs hundreds of milliseconds on the small grouped queries of a page
    # and pays off only on long analytical ones, which the site does not run; so do parallel
    # workers, whose start cost a search 35 ms more than it saved (26 ms alone, 65 with two).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        "-c jit=off -c max_parallel_workers_per_gather=0"
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Covering indexes are PostgreSQL's; SQLite builds the same index without the extra columns.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Arabic is the source language of the archive and the default.
LANGUAGE_CODE = "ar"
LANGUAGES = [
    ("ar", _("Arabic")),
    ("en", _("English")),
    ("fa", _("Persian")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "ar"
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
# Where an empty translated field looks next, per language. Arabic, the source, is always
# complete, so every chain ends there.
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": ("ar",),
    "fa": ("ar", "en"),
    "en": ("ar",),
}

# modeltranslation's tabs need jQuery UI: served from our static files, not a public CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Uploaded media on the app server's disk, or, for several app servers, in an S3-compatible
# bucket (django-storages): AWS_STORAGE_BUCKET_NAME names it; credentials come from boto3's
# usual environment variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) or the instance role.
MEDIA_BUCKET = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if MEDIA_BUCKET:
    MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_BUCKET,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            # Another provider's (or MinIO's) address; empty for AWS itself.
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            # The CDN's host name in front of the bucket, if any: media links use it.
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            # Published images are public: plain links that a CDN can keep, no signed URLs.
            "querystring_auth": False,
            "default_acl": None,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=604800"},
        },
    }
else:
    MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {
        # Hashed names need collectstatic, which production runs and local runs do not.
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}

# Mail: the links that let new staff set their password. A deployment names its relay with
# EMAIL_HOST; a local run without one prints the messages to the console.
mail_host = os.environ.get("EMAIL_HOST", "")
if mail_host or not DEBUG:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": mail_host or "localhost",
                "port": int(os.environ.get("EMAIL_PORT", "587")),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", default=True),
                "timeout": 10,
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsroom@localhost")
# A password link is good for one day.
PASSWORD_RESET_TIMEOUT = 24 * 60 * 60

# A shared cache (Redis) for every app server; without one, each process keeps its own.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "newsroom",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Whole public pages kept for anonymous readers (core/page_cache.py), renewed as soon as what
# they show changes. Off without a shared cache: one process could not tell the others of a
# change. CDN_CACHE_SECONDS lets a CDN keep pages that long (s-maxage) without revalidating.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600" if REDIS_URL else "0"))
CDN_CACHE_SECONDS = int(os.environ.get("CDN_CACHE_SECONDS", "0"))

# The content API (newsroom/api.py) is read by any site or app: any origin may GET it, without
# cookies, and read its ETag and language. Nothing else of the site is shared.
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_HEADERS = ("accept", "accept-language", "if-none-match")
CORS_EXPOSE_HEADERS = ("Content-Language", "ETag", "Retry-After")
# Requests per client (the address TRUSTED_PROXY_COUNT finds, as for logins; an IPv6 /64).
API_RATE_LIMIT = os.environ.get("API_RATE_LIMIT", "600/m")

# One JSON object per line in production, for the log collector; readable lines locally.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": os.environ.get("LOG_FORMAT", "plain" if DEBUG else "json"),
        }
    },
    "filters": {"bad_host_as_warning": {"()": "newsroom.logging.BadHostAsWarning"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # django-axes reports every successful login at INFO; lockouts still come through.
        "axes": {"level": "WARNING"},
        # Scanners send any Host header; each is one warning line, not an error's traceback.
        "django.security.DisallowedHost": {"filters": ["bad_host_as_warning"]},
    },
}
